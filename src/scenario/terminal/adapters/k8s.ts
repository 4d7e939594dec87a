/**
 * The cluster as kubectl sees it, read from the Kubernetes model at one
 * instant: pods (with their containers' states, probes and conditions),
 * Services with their allocated ports and load balancer ingress,
 * EndpointSlices, Deployments, nodes, and the events the kubelet and the
 * scheduler wrote to the trace (repeated ones counted, as the API
 * aggregates them). Objects the scenario applied are taken to exist from
 * `appliedAtMs` (the model keeps no creation time for them).
 */
import type { TraceRecord } from '../../../models/shell/../../sim';
import type { Cluster, DefaultedProbe, PendingPod, PodRuntime } from '../../../models/shell/../../models/k8s';
import type { ClusterView, ContainerState, EventView, PodView, ServiceView } from '../../../models/shell/host/cluster';
import { nodeViews } from './k8s-nodes';

export interface ClusterViewOptions {
  /** Virtual time the scenario's objects were applied (default 0). */
  readonly appliedAtMs?: number;
  /** The trace component whose logs are a pod's container output (nginx's instance, the app's…). */
  readonly componentOf?: (namespace: string, pod: string) => string | undefined;
  /** Deployment names (`namespace/name`) the scenario applied, so one with no pods still lists. */
  readonly deployments?: readonly string[];
  /** The kubelet version nodes report (default v1.30.4-eks). */
  readonly kubeletVersion?: string;
}

/** kubectl's probe text (DescribeProbe). */
export function probeText(p: DefaultedProbe): string {
  const attrs = `delay=${p.initialDelaySeconds}s timeout=${p.timeoutSeconds}s period=${p.periodSeconds}s #success=${p.successThreshold} #failure=${p.failureThreshold}`;
  const h = p.handler;
  if (h.kind === 'httpGet') return `http-get ${h.scheme.toLowerCase()}://${h.host ?? ''}:${h.port}${h.path} ${attrs}`;
  return `tcp-socket ${h.host ?? ''}:${h.port} ${attrs}`;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function podView(pod: PodRuntime, cluster: Cluster, options: ClusterViewOptions): PodView {
  const v = pod.view();
  const ref = pod.ref;
  const c = ref.container;
  const [ns = ref.namespace, deploymentName = ''] = ref.owner.split('/');
  const deployment = cluster.deployment(ns, deploymentName);
  const node = cluster.nodes.find((n) => n.name === ref.node);
  let state: ContainerState = { kind: 'waiting', reason: 'ContainerCreating' };
  if (v.container?.state === 'running') state = { kind: 'running', startedMs: v.container.startedAt };
  else if (v.container?.state === 'waiting') state = { kind: 'waiting', reason: v.container.reason };
  else if (v.container?.state === 'terminated') {
    state = { kind: 'terminated', reason: v.container.reason, exitCode: v.container.exitCode, startedMs: pod.createdAt, finishedMs: v.container.finishedAt };
  }
  const running = v.container?.state === 'running';
  const cond = (ok: boolean) => (ok ? 'True' : 'False') as 'True' | 'False';
  // On a NotReady node the node lifecycle controller sets the pod's Ready condition to False; the container status stays.
  const nodeReady = !cluster.nodeStatus(ref.node).startsWith('NotReady');
  const hash = ref.labels['pod-template-hash'];
  const component = options.componentOf?.(ref.namespace, ref.name);
  return {
    name: ref.name,
    namespace: ref.namespace,
    labels: ref.labels,
    annotations: {},
    createdMs: pod.createdAt,
    startedMs: pod.createdAt,
    phase: v.phase,
    ...(v.deletedAt === undefined ? {} : { deletingMs: v.deletedAt }),
    node: ref.node,
    ...(node === undefined ? {} : { hostIp: node.ip }),
    ...(v.ip === undefined ? {} : { ip: v.ip }),
    ...(deployment === undefined ? {} : { controlledBy: `ReplicaSet/${hash === undefined ? deployment.replicaSet : `${deploymentName}-${hash}`}` }),
    containers: [
      {
        name: c.name,
        image: c.image,
        ports: c.ports.map((p) => ({ containerPort: p.containerPort, protocol: p.protocol, ...(p.name === undefined ? {} : { name: p.name }) })),
        ready: v.ready,
        restartCount: v.restartCount,
        state,
        // The model keeps when the last run ended, not how; kubectl needs the time for "(45s ago)".
        ...(v.lastTerminationAt === undefined
          ? {}
          : { lastState: { kind: 'terminated' as const, reason: 'Error', exitCode: 1, startedMs: pod.createdAt, finishedMs: v.lastTerminationAt } }),
        ...(c.livenessProbe === undefined ? {} : { liveness: probeText(c.livenessProbe) }),
        ...(c.readinessProbe === undefined ? {} : { readiness: probeText(c.readinessProbe) }),
        ...(c.startupProbe === undefined ? {} : { startup: probeText(c.startupProbe) }),
        mounts: c.volumeMounts.map((m) => ({ path: m.mountPath, volume: m.name, readOnly: m.readOnly === true })),
      },
    ],
    conditions: [
      { type: 'PodReadyToStartContainers', status: cond(v.container !== undefined && v.container.state !== 'waiting') },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: cond(v.ready && nodeReady) },
      { type: 'ContainersReady', status: cond(v.ready && running) },
      { type: 'PodScheduled', status: 'True' },
    ],
    volumes: (deployment?.spec.template.spec.volumes ?? []).map((vol) => ({ name: vol.name, ...(vol.configMap === undefined ? {} : { configMap: vol.configMap.name }) })),
    qosClass: 'BestEffort',
    ...(component === undefined ? {} : { component }),
  };
}

/** A pod no node could take: Pending, no node, no IP, its container waiting with no reason. */
function pendingView(p: PendingPod): PodView {
  const [, deploymentName = ''] = p.owner.split('/');
  const c = p.container;
  return {
    name: p.name,
    namespace: p.namespace,
    labels: p.labels,
    annotations: {},
    createdMs: p.createdAt,
    phase: 'Pending',
    controlledBy: `ReplicaSet/${deploymentName}-${p.labels['pod-template-hash'] ?? ''}`,
    containers: [
      {
        name: c.name,
        image: c.image,
        ports: c.ports.map((x) => ({ containerPort: x.containerPort, protocol: x.protocol, ...(x.name === undefined ? {} : { name: x.name }) })),
        ready: false,
        restartCount: 0,
        state: { kind: 'waiting', reason: '' },
        mounts: c.volumeMounts.map((m) => ({ path: m.mountPath, volume: m.name, readOnly: m.readOnly === true })),
      },
    ],
    conditions: [{ type: 'PodScheduled', status: 'False' }],
    volumes: [],
    qosClass: 'BestEffort',
  };
}

/** `Warning BackOff pod/web-1: Back-off restarting…` log lines (stream `events`) → events, repeats counted. */
export function eventsFromTrace(records: readonly TraceRecord[]): EventView[] {
  const byKey = new Map<string, EventView>();
  for (const r of records) {
    if (r.kind !== 'log' || r.stream !== 'events') continue;
    const m = /^(Normal|Warning) (\S+) (\w+)\/([^:]+): (.*)$/.exec(r.line);
    if (m === null) continue;
    const [, type = 'Normal', reason = '', kind = '', name = '', message = ''] = m;
    const namespace = /^pod:([^/]+)\//.exec(r.component)?.[1] ?? 'default';
    const key = `${namespace}|${type}|${reason}|${kind}|${name}|${message}`;
    const seen = byKey.get(key);
    const objectKind = kind === 'pod' ? 'Pod' : kind === 'service' ? 'Service' : kind === 'deployment' ? 'Deployment' : kind === 'node' ? 'Node' : kind;
    const source =
      reason === 'Scheduled' || reason === 'FailedScheduling'
        ? 'default-scheduler'
        : reason === 'TaintManagerEviction'
          ? 'taint-eviction-controller'
          : kind === 'pod'
            ? 'kubelet'
            : `${kind}-controller`;
    byKey.set(
      key,
      seen === undefined
        ? { namespace, type: type as 'Normal' | 'Warning', reason, objectKind, objectName: name, message, source, firstMs: r.t, lastMs: r.t, count: 1 }
        : { ...seen, lastMs: r.t, count: seen.count + 1 },
    );
  }
  return [...byKey.values()];
}

/** Everything kubectl can list, now. */
export function clusterView(cluster: Cluster, records: readonly TraceRecord[], options: ClusterViewOptions = {}): ClusterView {
  const applied = options.appliedAtMs ?? 0;
  const pods = [...cluster.podList().map((p) => podView(p, cluster, options)), ...cluster.pendingPods().map(pendingView)].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const services: ServiceView[] = cluster.allServices().map((s) => ({
    name: s.spec.metadata.name,
    namespace: s.spec.metadata.namespace,
    labels: s.spec.metadata.labels,
    annotations: s.spec.metadata.annotations,
    createdMs: applied,
    type: s.spec.type,
    clusterIp: s.clusterIP,
    externalIps: [],
    loadBalancerIngress: s.ingress.map((i) => i.hostname),
    ports: s.ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort, ...(p.nodePort === undefined ? {} : { nodePort: p.nodePort }) })),
    selector: s.spec.selector,
    sessionAffinity: s.spec.sessionAffinity,
    ...(s.spec.externalTrafficPolicy === undefined ? {} : { externalTrafficPolicy: s.spec.externalTrafficPolicy }),
    internalTrafficPolicy: s.spec.internalTrafficPolicy,
    ...(s.healthCheckNodePort === undefined ? {} : { healthCheckNodePort: s.healthCheckNodePort }),
  }));
  // The API server creates the `kubernetes` Service at the first address of the service range (kube-dns has the tenth).
  services.push({
    name: 'kubernetes',
    namespace: 'default',
    labels: { component: 'apiserver', provider: 'kubernetes' },
    annotations: {},
    createdMs: applied,
    type: 'ClusterIP',
    clusterIp: numberToIp(ipToNumber(cluster.dnsIp) - 9),
    externalIps: [],
    loadBalancerIngress: [],
    ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 443 }],
    selector: {},
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
  });
  const endpointSlices = cluster.allServices().flatMap((s) =>
    cluster.endpointSlices(s.spec.metadata.namespace, s.spec.metadata.name).map((e) => ({
      name: e.name,
      namespace: e.namespace,
      service: e.service,
      labels: { 'kubernetes.io/service-name': e.service, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      createdMs: applied,
      addressType: e.addressType,
      ports: e.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      endpoints: e.endpoints.map((x) => ({
        addresses: [x.address],
        ready: x.conditions.ready,
        serving: x.conditions.serving,
        terminating: x.conditions.terminating,
        ...(x.nodeName === undefined ? {} : { nodeName: x.nodeName }),
        ...(x.zone === undefined ? {} : { zone: x.zone }),
        targetRef: `Pod/${x.targetRef.name}`,
      })),
    })),
  );
  const owners = new Set([...(options.deployments ?? []), ...cluster.podList().map((p) => p.ref.owner)]);
  const deployments = [...owners].flatMap((owner) => {
    const [ns = 'default', name = ''] = owner.split('/');
    const d = cluster.deployment(ns, name);
    if (d === undefined) return [];
    // UP-TO-DATE counts the current template's pods; READY and AVAILABLE count every ReplicaSet's (a rollout has two).
    const sets = new Set(d.replicaSets.map((rs) => `ReplicaSet/${rs.name}`));
    const all = pods.filter((p) => p.controlledBy !== undefined && sets.has(p.controlledBy) && p.deletingMs === undefined);
    const mine = all.filter((p) => p.controlledBy === `ReplicaSet/${d.replicaSet}`);
    const ready = all.filter((p) => p.conditions.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    return [
      {
        name,
        namespace: ns,
        labels: d.spec.metadata.labels,
        createdMs: applied,
        replicas: d.replicas,
        updatedReplicas: mine.length,
        readyReplicas: ready,
        availableReplicas: ready,
        selector: d.spec.selector,
        containers: d.spec.template.spec.containers.map((c) => ({ name: c.name, image: c.image })),
      },
    ];
  });
  const nodes = nodeViews(cluster, records, applied, options.kubeletVersion);
  return { namespace: 'default', pods, services, endpointSlices, deployments, events: eventsFromTrace(records), nodes };
}
