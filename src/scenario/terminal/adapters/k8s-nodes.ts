/**
 * Nodes as kubectl sees them, from the Kubernetes model and the node
 * controller's trace records: Ready or NotReady, cordoned or not, when the
 * Ready condition last changed, and the last heartbeat of a kubelet that was
 * cut off (its AZ lost).
 */
import type { TraceRecord } from '../../../sim';
import type { Cluster } from '../../../models/k8s';
import type { NodeView } from '../../../models/shell/host/cluster';

/** The kubelet posts node status every 10 s. */
const HEARTBEAT_MS = 10_000;

/** Every node of `cluster`, now; `appliedAtMs` stands for their creation. */
export function nodeViews(cluster: Cluster, records: readonly TraceRecord[], appliedAtMs: number, kubeletVersion = 'v1.30.4-eks-a737599'): NodeView[] {
  // The node controller's records: Ready flips (`state`, STATUS before and after) and a kubelet cut off (`decision`).
  const readyChanged = new Map<string, number>();
  const cutAt = new Map<string, number>();
  const names = new Set(cluster.nodes.map((n) => n.name));
  for (const r of records) {
    if ((r.kind !== 'state' && r.kind !== 'decision') || !names.has(r.component)) continue;
    if (r.kind === 'state' && r.from.split(',')[0] !== r.to.split(',')[0] && /^(Not)?Ready/.test(r.to)) readyChanged.set(r.component, r.t);
    if (r.kind === 'decision' && r.decision === 'kubelet cut off') cutAt.set(r.component, r.t);
  }
  return cluster.nodes.map((n) => {
    const status = cluster.nodeStatus(n.name);
    const changed = readyChanged.get(n.name);
    const cut = cutAt.get(n.name);
    const ready = !status.startsWith('NotReady');
    return {
      name: n.name,
      createdMs: appliedAtMs,
      ready,
      unschedulable: status.endsWith(',SchedulingDisabled'),
      zone: n.az,
      instanceId: n.instanceId,
      ...(changed === undefined ? {} : { readyChangedMs: changed }),
      // Its last heartbeat before the cut is the last one the API server got.
      ...(cut === undefined || ready ? {} : { lastHeartbeatMs: Math.floor(cut / HEARTBEAT_MS) * HEARTBEAT_MS }),
      roles: [],
      version: kubeletVersion,
      internalIp: n.ip,
      osImage: 'Amazon Linux 2023.5.20240819',
      kernelVersion: '6.1.102-111.182.amzn2023.x86_64',
      containerRuntime: 'containerd://1.7.20',
    };
  });
}
