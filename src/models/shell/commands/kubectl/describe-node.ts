/**
 * `kubectl describe node NAME`: the layout of kubectl's NodeDescriber
 * (k8s.io/kubectl/pkg/describe, describeNode and describeNodeResource). The
 * taints follow from the node's state as the control plane sets them: a
 * cordoned node carries `node.kubernetes.io/unschedulable:NoSchedule`, a
 * node whose kubelet went silent `node.kubernetes.io/unreachable` with both
 * effects, and its conditions turn Unknown. The simulated pods request no
 * resources (QoS BestEffort), so every request and limit is 0.
 */
import type { ClusterView, NodeView } from '../../host';
import { age, rfc1123z } from '../../format/age';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describe-writer';

/** An m5.large as EKS reports it (capacity, then allocatable), in SortableResourceNames order. */
const CAPACITY: readonly (readonly [string, string, string])[] = [
  ['cpu', '2', '1930m'],
  ['ephemeral-storage', '20959212Ki', '18242267924'],
  ['hugepages-1Gi', '0', '0'],
  ['hugepages-2Mi', '0', '0'],
  ['memory', '7910348Ki', '7220172Ki'],
  ['pods', '29', '29'],
];

/** The kubelet posts status (and renews its Lease) every 10 s. */
const HEARTBEAT_MS = 10_000;

/** A node's taints as `key:effect`, in kubectl's order (effect, then key). */
export function nodeTaints(node: NodeView): string[] {
  const taints: { key: string; effect: string }[] = [];
  if (!node.ready) {
    taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' });
  }
  if (node.unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  const order = (t: { key: string; effect: string }) => `${t.effect},${t.key}`;
  return taints.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)).map((t) => `${t.key}:${t.effect}`);
}

function labelsOf(node: NodeView): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': 'm5.large',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': 'm5.large',
  };
  if (node.zone !== undefined) {
    labels['topology.kubernetes.io/zone'] = node.zone;
    labels['topology.kubernetes.io/region'] = node.zone.replace(/[a-z]$/, '');
  }
  return labels;
}

/** The kubelet's last heartbeat the API server got: the latest tick while it can talk, the one before the cut after. */
function lastHeartbeat(node: NodeView, now: number): number {
  if (!node.ready) return node.lastHeartbeatMs ?? node.createdMs;
  return Math.floor(now / HEARTBEAT_MS) * HEARTBEAT_MS;
}

function writeConditions(w: DescribeWriter, node: NodeView, now: number, epochMs: number): void {
  const beat = rfc1123z(epochMs + lastHeartbeat(node, now));
  const since = rfc1123z(epochMs + (node.readyChangedMs ?? node.createdMs));
  const rows: [string, string, string][] = [
    ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'KubeletReady', 'kubelet is posting ready status'],
  ];
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const [type, reason, message] of rows) {
    // A silent kubelet: the node lifecycle controller sets every condition Unknown.
    if (!node.ready) w.write(1, `${type} \tUnknown \t${beat} \t${since} \tNodeStatusUnknown \tKubelet stopped posting node status.\n`);
    else w.write(1, `${type} \t${type === 'Ready' ? 'True' : 'False'} \t${beat} \t${since} \t${reason} \t${message}\n`);
  }
}

function describeNode(node: NodeView, cluster: ClusterView, now: number, epochMs: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${node.name}\n`);
  w.write(0, `Roles:\t${node.roles.length === 0 ? '<none>' : node.roles.join(',')}\n`);
  writeLabels(w, 'Labels', labelsOf(node));
  writeAnnotations(w, {
    'alpha.kubernetes.io/provided-node-ip': node.internalIp,
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  });
  w.write(0, `CreationTimestamp:\t${rfc1123z(epochMs + node.createdMs)}\n`);
  const taints = nodeTaints(node);
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((t, i) => w.write(0, `${i === 0 ? '' : '\t'}${t}\n`));
  w.write(0, `Unschedulable:\t${node.unschedulable ? 'true' : 'false'}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(epochMs + lastHeartbeat(node, now))}\n`);
  writeConditions(w, node, now, epochMs);
  w.write(0, 'Addresses:\n');
  w.write(1, `InternalIP:\t${node.internalIp}\n`);
  if (node.externalIp !== undefined) w.write(1, `ExternalIP:\t${node.externalIp}\n`);
  w.write(1, `Hostname:\t${node.name}\n`);
  w.write(0, 'Capacity:\n');
  for (const [name, capacity] of CAPACITY) w.write(0, `  ${name}:\t${capacity}\n`);
  w.write(0, 'Allocatable:\n');
  for (const [name, , allocatable] of CAPACITY) w.write(0, `  ${name}:\t${allocatable}\n`);
  w.write(0, 'System Info:\n');
  w.write(0, `  Kernel Version:\t${node.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${node.osImage}\n`);
  w.write(0, '  Operating System:\tlinux\n');
  w.write(0, '  Architecture:\tamd64\n');
  w.write(0, `  Container Runtime Version:\t${node.containerRuntime}\n`);
  w.write(0, `  Kubelet Version:\t${node.version}\n`);
  w.write(0, `  Kube-Proxy Version:\t${node.version}\n`);
  if (node.instanceId !== undefined && node.zone !== undefined) w.write(0, `ProviderID:\taws:///${node.zone}/${node.instanceId}\n`);
  const pods = cluster.pods
    .filter((p) => p.node === node.name && p.phase !== 'Succeeded' && p.phase !== 'Failed')
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) w.write(1, `${p.namespace}\t${p.name}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${age(p.createdMs, now)}\n`);
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
  writeEvents(w, cluster.events.filter((e) => e.objectKind === 'Node' && e.objectName === node.name), now);
  return w.toString();
}

/** The nodes named (every node when none is), described; names that match nothing come back in `missing`. */
export function describeNodes(cluster: ClusterView, now: number, epochMs: number, names: readonly string[]): { text: string; missing: string[] } {
  const sorted = [...cluster.nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chosen: NodeView[] = [];
  const missing: string[] = [];
  if (names.length === 0) chosen.push(...sorted);
  for (const name of names) {
    const exact = sorted.find((n) => n.name === name);
    // As for pods, kubectl falls back to every node whose name starts with the one given.
    const found = exact !== undefined ? [exact] : sorted.filter((n) => n.name.startsWith(name));
    if (found.length === 0) missing.push(name);
    chosen.push(...found);
  }
  return { text: chosen.map((n) => describeNode(n, cluster, now, epochMs)).join('\n\n'), missing };
}
