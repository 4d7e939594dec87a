/**
 * Node conditions as the control plane sees them, and the decisions that
 * follow: when the node lifecycle controller notices a silent kubelet, when
 * the taint manager evicts, which nodes the scheduler may use, and what
 * `kubectl get nodes` prints. Plain functions over plain data; the engine
 * events that apply them live in `node-controller.ts`.
 *
 * Sources (kubernetes/kubernetes):
 * - `--node-monitor-grace-period`: 40 s up to Kubernetes 1.31; 50 s from 1.32
 *   (CHANGELOG-1.32, kube-controller-manager). The simulated nodes report
 *   kubelet v1.30, so 40 s.
 * - `--node-monitor-period` 5 s: how often the controller looks
 *   (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`).
 * - The kubelet renews its Lease every 10 s (`nodeLeaseDurationSeconds` 40 ×
 *   0.25) and posts status every 10 s (`nodeStatusUpdateFrequency`).
 * - The DefaultTolerationSeconds admission plugin gives every pod
 *   `node.kubernetes.io/unreachable:NoExecute` for 300 s
 *   (`--default-unreachable-toleration-seconds`), after which the taint
 *   manager evicts it.
 */

/** `--node-monitor-grace-period` for Kubernetes ≤ 1.31 (50 s since 1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 40_000;
/** `--node-monitor-period`. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** The kubelet's heartbeat (Lease renewal and node status) period. */
export const NODE_HEARTBEAT_MS = 10_000;
/** `tolerationSeconds` the DefaultTolerationSeconds admission plugin adds for unreachable and not-ready. */
export const DEFAULT_TOLERATION_SECONDS = 300;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** A node's state in the API: its Ready condition and `spec.unschedulable`. */
export interface NodeCondition {
  readonly name: string;
  /** `True`, or `Unknown` once the controller stops hearing from the kubelet (kubectl prints NotReady). */
  readonly ready: 'True' | 'Unknown';
  /** Cordoned (`kubectl cordon`, or the first half of `kubectl drain`). */
  readonly unschedulable: boolean;
}

/** The first multiple of `step` strictly after `t`. */
function nextTickAfter(t: number, step: number): number {
  return (Math.floor(t / step) + 1) * step;
}

/**
 * When the node lifecycle controller marks a node whose kubelet went silent
 * at `cutAtMs`: the first monitor tick at which the last heartbeat is more
 * than the grace period old (`probeTimestamp + gracePeriod` before now).
 */
export function notReadyAt(cutAtMs: number, graceMs = NODE_MONITOR_GRACE_PERIOD_MS): { atMs: number; why: string } {
  const lastHeartbeat = Math.floor(cutAtMs / NODE_HEARTBEAT_MS) * NODE_HEARTBEAT_MS;
  const atMs = nextTickAfter(lastHeartbeat + graceMs, NODE_MONITOR_PERIOD_MS);
  return {
    atMs,
    why: `no kubelet heartbeat since ${lastHeartbeat / 1000} s, more than --node-monitor-grace-period ${graceMs / 1000} s: Ready=Unknown ("Kubelet stopped posting node status."), taint ${TAINT_UNREACHABLE}`,
  };
}

/** When a node whose kubelet can talk again at `backAtMs` is Ready: its next heartbeat (the controller's tick falls on it). */
export function readyAgainAt(backAtMs: number): { atMs: number; why: string } {
  const atMs = Math.ceil(backAtMs / NODE_HEARTBEAT_MS) * NODE_HEARTBEAT_MS;
  return { atMs, why: `the kubelet posted node status again: Ready=True, taint ${TAINT_UNREACHABLE} removed` };
}

/** When the taint manager evicts a pod that tolerates the unreachable taint for `tolerationSeconds`. */
export function evictAt(taintedAtMs: number, tolerationSeconds = DEFAULT_TOLERATION_SECONDS): { atMs: number; why: string } {
  return {
    atMs: taintedAtMs + tolerationSeconds * 1000,
    why: `taint ${TAINT_UNREACHABLE}:NoExecute tolerated for tolerationSeconds ${tolerationSeconds}: evicting (the kubelet cannot be told, so the pod stays Terminating until the node is back)`,
  };
}

/** Why the scheduler cannot use this node, as its filter plugins say it, or undefined when it can. */
export function unfitReason(node: NodeCondition): string | undefined {
  if (node.ready !== 'True') return `had untolerated taint {${TAINT_UNREACHABLE}: }`;
  if (node.unschedulable) return 'were unschedulable';
  return undefined;
}

/** kube-scheduler's FailedScheduling message: `0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had ….` */
export function unschedulableMessage(total: number, reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  // The scheduler sorts the finished strings (`sort.Strings`), counts included.
  const parts = [...counts.entries()].map(([r, n]) => `${n} node(s) ${r}`).sort();
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/** STATUS in `kubectl get nodes`. */
export function nodeStatus(node: NodeCondition): string {
  const ready = node.ready === 'True' ? 'Ready' : 'NotReady';
  return node.unschedulable ? `${ready},SchedulingDisabled` : ready;
}
