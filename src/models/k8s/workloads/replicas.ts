/**
 * The ReplicaSet controller's decision: how many pods to create or delete to
 * reach the desired count, and which ones to delete first.
 *
 * Pods being deleted do not count as active, so a deleted or evicted pod is
 * replaced at once, while it is still terminating. When scaling down, the
 * controller deletes the least valuable pods first (`getPodsToDelete`,
 * `ActivePodsWithRanks` in `pkg/controller/controller_utils.go`): not yet
 * scheduled, then pending, then not ready, then those sharing a node with
 * more of their siblings, then ready for less time, then more restarts,
 * then the newest.
 */

/** What the controller reads from each of its pods. */
export interface ReplicaPod {
  readonly name: string;
  /** `pod-template-hash`: which ReplicaSet of the owner the pod belongs to. */
  readonly hash?: string;
  readonly node?: string;
  readonly phase: 'Pending' | 'Running';
  readonly ready: boolean;
  /** When the pod last became ready (undefined when not ready). */
  readonly readySince?: number;
  readonly restartCount: number;
  readonly createdAt: number;
  readonly terminating: boolean;
}

/** What the ReplicaSet controller does next, with its reason. */
export type ReplicaPlan =
  | { readonly kind: 'create'; readonly count: number; readonly why: string }
  | { readonly kind: 'delete'; readonly pods: readonly string[]; readonly why: string }
  | { readonly kind: 'none'; readonly why: string };

function compareForDeletion(pods: readonly ReplicaPod[]) {
  const perNode = new Map<string, number>();
  for (const p of pods) if (p.node !== undefined) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
  const rank = (p: ReplicaPod): number[] => [
    p.node === undefined ? 0 : 1,
    p.phase === 'Pending' ? 0 : 1,
    p.ready ? 1 : 0,
    -(p.node === undefined ? 0 : (perNode.get(p.node) ?? 0)),
    p.readySince === undefined ? 0 : -p.readySince,
    -p.restartCount,
    -p.createdAt,
  ];
  return (a: ReplicaPod, b: ReplicaPod): number => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  };
}

/** Compare the active pods with the desired count and decide. */
export function planReplicas(owner: string, desired: number, pods: readonly ReplicaPod[]): ReplicaPlan {
  const active = pods.filter((p) => !p.terminating);
  const terminating = pods.length - active.length;
  const note = terminating > 0 ? ` (${terminating} terminating, not counted)` : '';
  if (active.length < desired) {
    const count = desired - active.length;
    return { kind: 'create', count, why: `${owner}: ${active.length} of ${desired} replicas active${note}: creating ${count}` };
  }
  if (active.length > desired) {
    const victims = [...active].sort(compareForDeletion(active)).slice(0, active.length - desired);
    return {
      kind: 'delete',
      pods: victims.map((p) => p.name),
      why: `${owner}: ${active.length} active, ${desired} wanted: deleting ${victims.map((p) => p.name).join(', ')} (unready, crowded, newest first)`,
    };
  }
  return { kind: 'none', why: `${owner}: ${desired} of ${desired} replicas active${note}` };
}
