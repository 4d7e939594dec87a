/**
 * The rows `kubectl get` prints for each resource type, built from the
 * host's plain cluster data the way the API server's table printers build
 * them (pkg/printers/internalversion/printers.go): pod STATUS from the
 * container states, RESTARTS with "(45s ago)", endpoints capped at three
 * with "+ N more...", LoadBalancer EXTERNAL-IP or <pending>.
 */
import type { ClusterView, DeploymentView, EndpointSliceView, EventView, NodeView, PodView, ServiceView } from '../../host';
import { age } from '../../format/age';
import type { ResourceKind } from './resources';

export interface Column {
  readonly header: string;
  /** Shown only with `-o wide` (priority 1 in the API's column definitions). */
  readonly wide: boolean;
}

export interface Row {
  readonly name: string;
  readonly namespace: string;
  /** One cell per column, in column order. */
  readonly cells: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

const col = (header: string, wide = false): Column => ({ header, wide });

/** `app=web,tier=edge`, keys sorted; `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',');
}

/** `a,b,c + 2 more...`, or `fallback` when empty (listWithMoreString and friends). */
function capped(items: readonly string[], fallback: string): string {
  if (items.length === 0) return fallback;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** READY, STATUS and RESTARTS of a pod, as printPod computes them. */
export function podStatus(pod: PodView, now: number): { ready: string; status: string; restarts: string } {
  let reason = pod.phase;
  let readyContainers = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let hasRunning = false;
  for (let i = pod.containers.length - 1; i >= 0; i--) {
    const c = pod.containers[i];
    if (c === undefined) continue;
    restarts += c.restartCount;
    if (c.lastState?.kind === 'terminated' && (lastRestart === undefined || c.lastState.finishedMs > lastRestart)) {
      lastRestart = c.lastState.finishedMs;
    }
    if (c.state.kind === 'waiting' && c.state.reason !== '') reason = c.state.reason;
    else if (c.state.kind === 'terminated') reason = c.state.reason !== '' ? c.state.reason : `ExitCode:${c.state.exitCode}`;
    else if (c.ready && c.state.kind === 'running') {
      hasRunning = true;
      readyContainers++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.deletingMs !== undefined && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${age(lastRestart, now)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${pod.containers.length}`, status: reason, restarts: restartText };
}

function podTable(pods: readonly PodView[], now: number): Table {
  return {
    columns: [col('NAME'), col('READY'), col('STATUS'), col('RESTARTS'), col('AGE'), col('IP', true), col('NODE', true), col('NOMINATED NODE', true), col('READINESS GATES', true)],
    rows: pods.map((p) => {
      const s = podStatus(p, now);
      return {
        name: p.name,
        namespace: p.namespace,
        labels: p.labels,
        cells: [p.name, s.ready, s.status, s.restarts, age(p.createdMs, now), p.ip ?? '<none>', p.node ?? '<none>', '<none>', '<none>'],
      };
    }),
  };
}

/** EXTERNAL-IP of a service (getServiceExternalIP, wide: server-side printing never clips it). */
function externalIp(s: ServiceView): string {
  if (s.type === 'LoadBalancer') {
    const lb = [...new Set(s.loadBalancerIngress)].sort();
    const all = [...lb, ...s.externalIps];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  if (s.type === 'ClusterIP' || s.type === 'NodePort') return s.externalIps.length > 0 ? s.externalIps.join(',') : '<none>';
  return '<unknown>';
}

/** `80:31080/TCP,443/TCP` (makePortString). */
export function portsText(s: ServiceView): string {
  const text = s.ports.map((p) => (p.nodePort !== undefined && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return text === '' ? '<none>' : text;
}

function serviceTable(services: readonly ServiceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), col('AGE'), col('SELECTOR', true)],
    rows: services.map((s) => ({
      name: s.name,
      namespace: s.namespace,
      labels: s.labels,
      cells: [s.name, s.type, s.clusterIp === '' ? '<none>' : s.clusterIp, externalIp(s), portsText(s), age(s.createdMs, now), formatLabels(s.selector)],
    })),
  };
}

/** `10.0.1.5:80,10.0.2.7:80`: ready addresses × ports of a service's slices (formatEndpointSlices), for `portName` or all ports. */
export function readyEndpoints(slices: readonly EndpointSliceView[], portName?: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  for (const slice of slices) {
    for (const port of slice.ports) {
      if (portName !== undefined && port.name !== portName) continue;
      for (const e of slice.endpoints) if (e.ready && e.addresses[0] !== undefined) list.push(`${e.addresses[0]}:${port.port}`);
    }
  }
  return list.length === 0 ? '' : capped(list, '');
}

function endpointsTable(services: readonly ServiceView[], slices: readonly EndpointSliceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('ENDPOINTS'), col('AGE')],
    rows: services.map((s) => {
      const own = slices.filter((e) => e.service === s.name && e.namespace === s.namespace);
      const text = readyEndpoints(own);
      return { name: s.name, namespace: s.namespace, labels: s.labels, cells: [s.name, text === '' || text === '<none>' ? '<none>' : text, age(s.createdMs, now)] };
    }),
  };
}

function sliceTable(slices: readonly EndpointSliceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), col('AGE')],
    rows: slices.map((e) => ({
      name: e.name,
      namespace: e.namespace,
      labels: e.labels,
      cells: [
        e.name,
        e.addressType,
        capped(e.ports.map((p) => String(p.port)), '<unset>'),
        capped(e.endpoints.flatMap((x) => x.addresses), '<unset>'),
        age(e.createdMs, now),
      ],
    })),
  };
}

function deploymentTable(deployments: readonly DeploymentView[], now: number): Table {
  return {
    columns: [col('NAME'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('AGE'), col('CONTAINERS', true), col('IMAGES', true), col('SELECTOR', true)],
    rows: deployments.map((d) => ({
      name: d.name,
      namespace: d.namespace,
      labels: d.labels,
      cells: [
        d.name,
        `${d.readyReplicas}/${d.replicas}`,
        String(d.updatedReplicas),
        String(d.availableReplicas),
        age(d.createdMs, now),
        d.containers.map((c) => c.name).join(','),
        d.containers.map((c) => c.image).join(','),
        formatLabels(d.selector),
      ],
    })),
  };
}

function eventTable(events: readonly EventView[], now: number): Table {
  return {
    columns: [
      col('LAST SEEN'),
      col('TYPE'),
      col('REASON'),
      col('OBJECT'),
      col('SUBOBJECT', true),
      col('SOURCE', true),
      col('MESSAGE'),
      col('FIRST SEEN', true),
      col('COUNT', true),
      col('NAME', true),
    ],
    rows: events.map((e, i) => {
      const name = `${e.objectName}.${(0x17a0000000000000n + BigInt(i)).toString(16)}`;
      return {
        name,
        namespace: e.namespace,
        labels: {},
        cells: [
          age(e.lastMs, now),
          e.type,
          e.reason,
          `${e.objectKind.toLowerCase()}/${e.objectName}`,
          '',
          e.source,
          e.message.trim(),
          age(e.firstMs, now),
          String(e.count),
          name,
        ],
      };
    }),
  };
}

function nodeTable(nodes: readonly NodeView[], now: number): Table {
  return {
    columns: [
      col('NAME'),
      col('STATUS'),
      col('ROLES'),
      col('AGE'),
      col('VERSION'),
      col('INTERNAL-IP', true),
      col('EXTERNAL-IP', true),
      col('OS-IMAGE', true),
      col('KERNEL-VERSION', true),
      col('CONTAINER-RUNTIME', true),
    ],
    rows: nodes.map((n) => ({
      name: n.name,
      namespace: '',
      labels: {},
      cells: [
        n.name,
        n.ready ? 'Ready' : 'NotReady',
        n.roles.length === 0 ? '<none>' : n.roles.join(','),
        age(n.createdMs, now),
        n.version,
        n.internalIp,
        n.externalIp ?? '<none>',
        n.osImage,
        n.kernelVersion,
        n.containerRuntime,
      ],
    })),
  };
}

function byNamespaceAndName<T extends { namespace: string; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The table for one resource type, rows in the API's order (namespace, then name). */
export function tableFor(kind: ResourceKind, cluster: ClusterView, now: number): Table {
  switch (kind) {
    case 'pods':
      return podTable(byNamespaceAndName(cluster.pods), now);
    case 'services':
      return serviceTable(byNamespaceAndName(cluster.services), now);
    case 'endpoints':
      return endpointsTable(
        byNamespaceAndName(cluster.services).filter((s) => Object.keys(s.selector).length > 0 || cluster.endpointSlices.some((e) => e.service === s.name)),
        cluster.endpointSlices,
        now,
      );
    case 'endpointslices':
      return sliceTable(byNamespaceAndName(cluster.endpointSlices), now);
    case 'deployments':
      return deploymentTable(byNamespaceAndName(cluster.deployments), now);
    case 'events': {
      // Event names start with the object's name, so the API lists them grouped by object, oldest first.
      const sorted = [...cluster.events].sort(
        (a, b) => a.namespace.localeCompare(b.namespace) || a.objectName.localeCompare(b.objectName) || a.firstMs - b.firstMs,
      );
      return eventTable(sorted, now);
    }
    case 'nodes':
      return nodeTable([...cluster.nodes].sort((a, b) => a.name.localeCompare(b.name)), now);
  }
}
