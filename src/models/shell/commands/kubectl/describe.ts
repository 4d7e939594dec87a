/**
 * `kubectl describe pod|svc|node NAME`: the layouts of kubectl's PodDescriber
 * and ServiceDescriber (k8s.io/kubectl/pkg/describe), with the object's
 * events; nodes are in `describe-node.ts`.
 * A name that matches nothing exactly describes every object it prefixes,
 * as kubectl does.
 */
import type { ClusterView, ContainerState, ContainerView, PodView, ServiceView } from '../../host';
import { rfc1123z } from '../../format/age';
import type { Io } from '../../core/command';
import { describeNodes } from './describe-node';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describe-writer';
import { notFound, resourceKind } from './resources';
import { formatLabels, readyEndpoints } from './tables';

/** A stable fake hex id (container and image ids), so the same pod describes the same way every run. */
function hexId(seed: string, length: number): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h = Math.imul(h ^ (seed.charCodeAt(i % Math.max(1, seed.length)) + i), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function writeState(w: DescribeWriter, title: string, state: ContainerState, epochMs: number): void {
  if (state.kind === 'running') {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(epochMs + state.startedMs)}\n`);
  } else if (state.kind === 'waiting') {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.reason !== '') w.write(3, `Reason:\t${state.reason}\n`);
  } else {
    w.write(2, `${title}:\tTerminated\n`);
    if (state.reason !== '') w.write(3, `Reason:\t${state.reason}\n`);
    w.write(3, `Exit Code:\t${state.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(epochMs + state.startedMs)}\n`);
    w.write(3, `Finished:\t${rfc1123z(epochMs + state.finishedMs)}\n`);
  }
}

function writeContainer(w: DescribeWriter, pod: PodView, c: ContainerView, epochMs: number): void {
  w.write(1, `${c.name}:\n`);
  w.write(2, `Container ID:\tcontainerd://${hexId(`${pod.name}/${c.name}`, 64)}\n`);
  w.write(2, `Image:\t${c.image}\n`);
  w.write(2, `Image ID:\t${c.image.includes('/') ? c.image.split(':')[0] : `docker.io/library/${c.image.split(':')[0] ?? ''}`}@sha256:${hexId(c.image, 64)}\n`);
  const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
  const hostPorts = c.ports.map((p) => `0/${p.protocol}`).join(', ');
  w.write(2, `${ports.includes(',') ? 'Ports' : 'Port'}:\t${ports === '' ? '<none>' : ports}\n`);
  w.write(2, `${hostPorts.includes(',') ? 'Host Ports' : 'Host Port'}:\t${hostPorts === '' ? '<none>' : hostPorts}\n`);
  writeState(w, 'State', c.state, epochMs);
  if (c.lastState?.kind === 'terminated') writeState(w, 'Last State', c.lastState, epochMs);
  w.write(2, `Ready:\t${c.ready ? 'True' : 'False'}\n`);
  w.write(2, `Restart Count:\t${c.restartCount}\n`);
  if (c.liveness !== undefined) w.write(2, `Liveness:\t${c.liveness}\n`);
  if (c.readiness !== undefined) w.write(2, `Readiness:\t${c.readiness}\n`);
  if (c.startup !== undefined) w.write(2, `Startup:\t${c.startup}\n`);
  w.write(2, 'Environment:\t<none>\n');
  w.write(2, `Mounts:${c.mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of [...c.mounts].sort((a, b) => a.path.localeCompare(b.path))) w.write(3, `${m.path} from ${m.volume} (${m.readOnly ? 'ro' : 'rw'})\n`);
}

function describePod(pod: PodView, cluster: ClusterView, now: number, epochMs: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pod.name}\n`);
  w.write(0, `Namespace:\t${pod.namespace}\n`);
  w.write(0, 'Priority:\t0\n');
  w.write(0, 'Service Account:\tdefault\n');
  w.write(0, `Node:\t${pod.node === undefined ? '<none>' : `${pod.node}/${pod.hostIp ?? ''}`}\n`);
  if (pod.startedMs !== undefined) w.write(0, `Start Time:\t${rfc1123z(epochMs + pod.startedMs)}\n`);
  writeLabels(w, 'Labels', pod.labels);
  writeAnnotations(w, pod.annotations);
  if (pod.deletingMs !== undefined && pod.phase !== 'Failed' && pod.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${Math.max(0, Math.trunc((now - pod.deletingMs) / 1000))}s)\n`);
  } else w.write(0, `Status:\t${pod.phase}\n`);
  w.write(0, `IP:\t${pod.ip ?? ''}\n`);
  if (pod.ip === undefined) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    w.write(1, `IP:\t${pod.ip}\n`);
  }
  if (pod.controlledBy !== undefined) w.write(0, `Controlled By:\t${pod.controlledBy}\n`);
  w.write(0, `Containers:${pod.containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of pod.containers) writeContainer(w, pod, c, epochMs);
  if (pod.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of pod.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  if (pod.volumes.length === 0) w.write(0, 'Volumes:\t<none>\n');
  else {
    w.write(0, 'Volumes:\n');
    for (const v of pod.volumes) {
      w.write(1, `${v.name}:\n`);
      if (v.configMap !== undefined) {
        w.write(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t' + v.configMap + '\n    Optional:\tfalse\n');
      } else w.write(2, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n');
    }
  }
  w.write(0, `QoS Class:\t${pod.qosClass}\n`);
  w.write(0, 'Node-Selectors:\t<none>\n');
  w.write(0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  w.write(0, '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  const events = cluster.events.filter((e) => e.objectKind === 'Pod' && e.objectName === pod.name && e.namespace === pod.namespace);
  writeEvents(w, events, now);
  return w.toString();
}

function describeService(svc: ServiceView, cluster: ClusterView, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${svc.name}\n`);
  w.write(0, `Namespace:\t${svc.namespace}\n`);
  writeLabels(w, 'Labels', svc.labels);
  writeAnnotations(w, svc.annotations);
  w.write(0, `Selector:\t${formatLabels(svc.selector) === '<none>' ? '' : formatLabels(svc.selector)}\n`);
  w.write(0, `Type:\t${svc.type}\n`);
  w.write(0, 'IP Family Policy:\tSingleStack\n');
  w.write(0, 'IP Families:\tIPv4\n');
  w.write(0, `IP:\t${svc.clusterIp}\n`);
  w.write(0, `IPs:\t${svc.clusterIp === '' ? '<none>' : svc.clusterIp}\n`);
  if (svc.externalIps.length > 0) w.write(0, `External IPs:\t${svc.externalIps.join(',')}\n`);
  if (svc.loadBalancerIngress.length > 0) w.write(0, `LoadBalancer Ingress:\t${svc.loadBalancerIngress.join(', ')}\n`);
  const slices = cluster.endpointSlices.filter((e) => e.service === svc.name && e.namespace === svc.namespace);
  for (const p of svc.ports) {
    const name = p.name === '' ? '<unset>' : p.name;
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(0, `TargetPort:\t${p.targetPort}/${p.protocol}\n`);
    if (p.nodePort !== undefined && p.nodePort > 0) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(0, `Endpoints:\t${readyEndpoints(slices, p.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${svc.sessionAffinity}\n`);
  if (svc.externalTrafficPolicy !== undefined) w.write(0, `External Traffic Policy:\t${svc.externalTrafficPolicy}\n`);
  if (svc.internalTrafficPolicy !== undefined) w.write(0, `Internal Traffic Policy:\t${svc.internalTrafficPolicy}\n`);
  if (svc.healthCheckNodePort !== undefined && svc.healthCheckNodePort !== 0) w.write(0, `HealthCheck NodePort:\t${svc.healthCheckNodePort}\n`);
  const events = cluster.events.filter((e) => e.objectKind === 'Service' && e.objectName === svc.name && e.namespace === svc.namespace);
  writeEvents(w, events, now);
  return w.toString();
}

/** `kubectl describe TYPE [NAME…]` (or `TYPE/NAME`); returns the exit status. */
export function kubectlDescribe(cluster: ClusterView, now: number, epochMs: number, namespace: string, args: readonly string[], io: Io): number {
  const [first, ...names] = args;
  if (first === undefined) {
    io.err('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\n');
    return 1;
  }
  const [typeWord = '', slashName] = first.split('/');
  const kind = resourceKind(typeWord);
  if (kind === undefined) {
    io.err(`error: the server doesn't have a resource type "${typeWord}"\n`);
    return 1;
  }
  const wanted = slashName !== undefined ? [slashName, ...names] : names;
  if (kind === 'nodes') {
    const { text, missing } = describeNodes(cluster, now, epochMs, wanted);
    for (const name of missing) io.err(notFound(kind, name));
    if (text !== '') io.out(text);
    return missing.length > 0 ? 1 : 0;
  }
  if (kind !== 'pods' && kind !== 'services') {
    io.err(`trafficlab: kubectl describe ${typeWord} is not simulated (pods, services and nodes are); try kubectl get ${typeWord} -o wide\n`);
    return 1;
  }
  const objects: readonly (PodView | ServiceView)[] = (kind === 'pods' ? cluster.pods : cluster.services).filter((o) => o.namespace === namespace);
  const sorted = [...objects].sort((a, b) => (a.name < b.name ? -1 : 1));
  const chosen: (PodView | ServiceView)[] = [];
  let status = 0;
  if (wanted.length === 0) chosen.push(...sorted);
  for (const name of wanted) {
    const exact = sorted.find((o) => o.name === name);
    // kubectl falls back to every object whose name starts with the one given.
    const found = exact !== undefined ? [exact] : sorted.filter((o) => o.name.startsWith(name));
    if (found.length === 0) {
      io.err(notFound(kind, name));
      status = 1;
    }
    chosen.push(...found);
  }
  if (chosen.length === 0 && wanted.length === 0) {
    io.err(`No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const texts = chosen.map((o) => (kind === 'pods' ? describePod(o as PodView, cluster, now, epochMs) : describeService(o as ServiceView, cluster, now)));
  io.out(texts.join('\n\n'));
  return status;
}
