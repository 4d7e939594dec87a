/**
 * Where a new pod goes: a deterministic stand-in for kube-scheduler's
 * spreading.
 *
 * The real scheduler scores nodes (least allocated, the default topology
 * spread constraints over zone and hostname, …) and breaks ties at random.
 * Here the order is fixed, so a scenario always places its pods the same
 * way: the zone with the fewest pods of the same owner, then the node with
 * the fewest pods of that owner, then the node with the fewest pods overall,
 * then the node listed first. Replicas therefore land one per zone before
 * any zone gets a second, which is what the default constraints aim for.
 */
import { unschedulableMessage } from './node-lifecycle';
import type { ClusterNode } from './nodes';

/** A pod already placed, as the scheduler sees it. */
export interface PlacedPod {
  readonly node: string;
  /** The owning workload (e.g. `default/nginx`); spreading counts pods of the same owner. */
  readonly owner: string;
}

export type Placement = { readonly node: ClusterNode; readonly why: string } | { readonly node: undefined; readonly why: string };

/**
 * Pick a node for a new pod of `owner`. `unfit` says why a node is filtered
 * out (cordoned, unreachable), or undefined when it can take the pod.
 */
export function schedule(
  nodes: readonly ClusterNode[],
  placed: readonly PlacedPod[],
  owner: string,
  unfit: (node: ClusterNode) => string | undefined = () => undefined,
): Placement {
  const reasons = nodes.map(unfit);
  const candidates = nodes.filter((_, i) => reasons[i] === undefined);
  if (candidates.length === 0) {
    return { node: undefined, why: unschedulableMessage(nodes.length, reasons.map((r) => r ?? 'did not fit')) };
  }
  const mine = placed.filter((p) => p.owner === owner);
  const zoneOf = new Map(nodes.map((n) => [n.name, n.az]));
  const inZone = (az: string) => mine.filter((p) => zoneOf.get(p.node) === az).length;
  const onNode = (name: string) => mine.filter((p) => p.node === name).length;
  const total = (name: string) => placed.filter((p) => p.node === name).length;
  const scored = candidates.map((n) => ({ n, key: [inZone(n.az), onNode(n.name), total(n.name), n.index] as const }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = a.key[i]! - b.key[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  const best = scored[0]!;
  const [zoneCount, nodeCount] = best.key;
  return {
    node: best.n,
    why: `scheduled on ${best.n.name} (${best.n.az}): fewest ${owner} pods in its zone (${zoneCount}) and on the node (${nodeCount})`,
  };
}
