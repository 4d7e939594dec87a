/**
 * Where an NLB node sends a NEW connection.
 *
 * 1. The listener on the destination port picks the target group; traffic
 *    to a port with no listener is dropped ("unintended traffic",
 *    load-balancer-listeners.md), so the client sees a timeout.
 * 2. The node's candidates are the healthy targets it can reach: its own AZ
 *    with cross-zone off, every enabled AZ with it on (`failover.ts`).
 * 3. Below the routing-failover minimum (by default: no healthy target) it
 *    fails open and uses every target it can reach, healthy or not. With
 *    every AZ unhealthy this is "route to all targets" (behaviour.md §3).
 * 4. No target at all: the connection is reset (a model choice; AWS does not
 *    document what the client sees then).
 *
 * The flow hash (protocol, addresses, ports, TCP sequence number) is
 * modelled as one uniform draw per new connection from the seeded stream the
 * world passes in: behaviour.md treats each new connection as hashed
 * independently and its caveats call "uniform random per connection" an
 * approximation of a black box. Later packets of the flow follow the flow
 * table (`flowTable.ts`), never this function.
 */
import { flat, PairTexts, type Rng } from '../../sim';
import { sourceSeenByTarget } from './clientIp';
import type { SeenSource } from './clientIp';
import { belowMinimum, crossZoneEnabled, zoneView } from './failover';
import type { FlowTuple, Listener, Nlb, NlbNode, Target, TargetGroup } from './types';

export interface RouteRequest {
  /** The AZ of the NLB node the client reached (the one whose IP it connected to). */
  readonly azOfNode: string;
  readonly flow5Tuple: FlowTuple;
  /** The flow-hash stream, e.g. `random.stream('nlb:web:flow-hash')`: one draw per new connection. */
  readonly rng: Rng;
}

export type RouteDecision =
  | {
      readonly kind: 'forward';
      readonly node: NlbNode;
      readonly listener: Listener;
      readonly targetGroup: TargetGroup;
      readonly target: Target;
      /** How many targets the draw was among. */
      readonly candidates: number;
      /** True when the node routed to unhealthy targets too (routing failover). */
      readonly failOpen: boolean;
      /** What the target sees as the source (client IP preservation). */
      readonly source: SeenSource;
      readonly why: string;
    }
  | { readonly kind: 'reset'; readonly why: string }
  | { readonly kind: 'drop'; readonly why: string };

function label(t: Target): string {
  return `${t.id}:${t.port}`;
}

/** Where a node's candidates come from, as the `why` says it: one text per AZ and setting. */
const scopes = new PairTexts<string, boolean>((az, crossZone) => (crossZone ? 'all enabled AZs (cross-zone on)' : `${az} only (cross-zone off)`));

/** A forward's `why` and what it was made from: the last one per target, reused while they stay the same. */
interface ForwardWhy {
  readonly failOpen: boolean;
  readonly healthy: number;
  readonly available: number;
  readonly scope: string;
  readonly source: string;
  readonly why: string;
}

const forwardWhys = new WeakMap<Target, ForwardWhy>();

/**
 * The `why` of a forward to `target`. It is the same, connection after
 * connection, until health or settings change, so it is made once and shared
 * (`scope` and `source` are shared texts, so comparing them is cheap).
 */
function forwardWhy(target: Target, failOpen: boolean, healthy: number, available: number, scope: string, source: string): string {
  const last = forwardWhys.get(target);
  if (last !== undefined && last.failOpen === failOpen && last.healthy === healthy && last.available === available && last.scope === scope && last.source === source) return last.why;
  const candidates = failOpen ? available : healthy;
  const how = failOpen
    ? `fail-open: ${healthy} healthy of ${available} in ${scope}, so all ${candidates} are candidates`
    : `flow hash over ${candidates} healthy target(s) in ${scope}`;
  const why = flat(`${how} → ${label(target)} (${target.az}); ${source}`);
  forwardWhys.set(target, { failOpen, healthy, available, scope, source, why });
  return why;
}

/** Route one new TCP connection arriving at the node in `azOfNode`. */
export function routeConnection(nlb: Nlb, request: RouteRequest): RouteDecision {
  const { azOfNode, flow5Tuple: flow, rng } = request;
  // Plain loops: this runs for every new connection.
  let node: NlbNode | undefined;
  for (const n of nlb.nodes) if (n.az === azOfNode) node = node ?? n;
  if (node === undefined) {
    return { kind: 'drop', why: `no NLB node in ${azOfNode}: the AZ is not enabled` };
  }
  let listener: Listener | undefined;
  for (const l of nlb.listeners) if (l.port === flow.dstPort) listener = listener ?? l;
  if (listener === undefined) {
    return { kind: 'drop', why: `no listener on port ${flow.dstPort}: the NLB drops unintended traffic` };
  }
  let tg: TargetGroup | undefined;
  for (const g of nlb.targetGroups) if (g.name === listener.targetGroup) tg = tg ?? g;
  if (tg === undefined) {
    return { kind: 'reset', why: `listener ${listener.port} forwards to unknown target group ${listener.targetGroup}` };
  }
  const view = zoneView(nlb, tg, azOfNode);
  const scope = scopes.get(azOfNode, crossZoneEnabled(nlb, tg));
  const failOpen = belowMinimum(tg.routingFailover, view);
  const candidates = failOpen ? view.available : view.healthy;
  if (candidates.length === 0) {
    return {
      kind: 'reset',
      why: `no target in ${tg.name} for ${scope}: nothing registered there, so the connection is reset`,
    };
  }
  const target = candidates[rng.int(candidates.length)] as Target;
  const source = sourceSeenByTarget(tg, node, flow);
  return {
    kind: 'forward',
    node,
    listener,
    targetGroup: tg,
    target,
    candidates: candidates.length,
    failOpen,
    source,
    why: forwardWhy(target, failOpen, view.healthy.length, view.available.length, scope, source.why),
  };
}
