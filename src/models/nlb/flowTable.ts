/**
 * The NLB's flow table: once a connection is routed, every later packet of
 * it goes to the same target, whatever health or DNS does meanwhile
 * (introduction.md:28), until one of these ends it:
 *
 * - the flow is idle for the listener's idle timeout (350 s by default): the
 *   entry is forgotten silently, and the next packet from either side gets
 *   an RST (load-balancer-listeners.md: packets that are not a new connection
 *   nor part of an active one are reset);
 * - the target becomes unhealthy: the NLB resets the target's flows
 *   (`resetTarget`, called by the runtime);
 * - the target finishes draining with connection termination on.
 *
 * A draining target keeps its flows: draining only stops new ones.
 * Expiry is checked lazily, when a packet arrives, so idle flows cost no
 * timers; `sweep` drops expired entries to bound memory on long runs.
 */
import type { SeenSource } from './clientIp';
import type { FlowTuple, Ip } from './types';

/** One tracked connection. */
export interface Flow {
  readonly key: string;
  readonly tuple: FlowTuple;
  readonly az: string;
  readonly targetGroup: string;
  /** `targetGroup/id:port`, the key the runtime uses for a target. */
  readonly targetKey: string;
  readonly targetIp: Ip;
  readonly targetPort: number;
  /** The source the target sees (client IP preservation). */
  readonly source: SeenSource;
  readonly idleTimeoutMs: number;
  readonly openedAtMs: number;
  lastSeenMs: number;
}

/** What happens to a packet of an existing connection. */
export type PacketDecision = { readonly kind: 'forward'; readonly flow: Flow } | { readonly kind: 'reset'; readonly why: string };

type Forward = Extract<PacketDecision, { kind: 'forward' }>;

/** The flow key: the 5-tuple as the node sees it. */
export function flowKey(t: FlowTuple): string {
  return `${t.protocol} ${t.srcIp}:${t.srcPort}>${t.dstIp}:${t.dstPort}`;
}

const NO_FLOW: PacketDecision = {
  kind: 'reset',
  why: 'no flow for this packet: not a new connection nor part of an active one, so the NLB answers RST',
};

export class FlowTable {
  /**
   * By flow key, each flow held in its forward decision: a packet on a live
   * flow (nearly every packet) then allocates nothing. Callers that already
   * know the key pass it, so the key string is built once per connection.
   */
  private readonly flows = new Map<string, Forward>();

  /** Flows currently tracked (including idle ones not yet swept). */
  get size(): number {
    return this.flows.size;
  }

  /** Start tracking a routed connection. */
  open(flow: Omit<Flow, 'key' | 'lastSeenMs'>, key = flowKey(flow.tuple)): Flow {
    const entry: Flow = {
      key,
      tuple: flow.tuple,
      az: flow.az,
      targetGroup: flow.targetGroup,
      targetKey: flow.targetKey,
      targetIp: flow.targetIp,
      targetPort: flow.targetPort,
      source: flow.source,
      idleTimeoutMs: flow.idleTimeoutMs,
      openedAtMs: flow.openedAtMs,
      lastSeenMs: flow.openedAtMs,
    };
    this.flows.set(key, { kind: 'forward', flow: entry });
    return entry;
  }

  /** A packet of an existing connection at `nowMs`: forward it on its flow, or reset. `key` is `flowKey(tuple)`. */
  packet(tuple: FlowTuple, nowMs: number, key = flowKey(tuple)): PacketDecision {
    const forward = this.flows.get(key);
    if (forward === undefined) return NO_FLOW;
    const flow = forward.flow;
    const idleMs = nowMs - flow.lastSeenMs;
    if (idleMs >= flow.idleTimeoutMs) {
      this.flows.delete(key);
      return {
        kind: 'reset',
        why: `flow idle for ${idleMs / 1000} s ≥ idle timeout ${flow.idleTimeoutMs / 1000} s: the NLB had forgotten it, so the packet gets an RST`,
      };
    }
    flow.lastSeenMs = nowMs;
    return forward;
  }

  /** The connection closed normally (FIN/RST from an end): forget it. */
  close(tuple: FlowTuple, key = flowKey(tuple)): boolean {
    return this.flows.delete(key);
  }

  /** The flows going to a target, in the order they were opened. */
  flowsTo(targetKey: string): Flow[] {
    const out: Flow[] = [];
    for (const { flow } of this.flows.values()) if (flow.targetKey === targetKey) out.push(flow);
    return out;
  }

  /** Forget every flow to a target and return them, so the caller can reset both ends. */
  resetTarget(targetKey: string): Flow[] {
    const flows = this.flowsTo(targetKey);
    for (const f of flows) this.flows.delete(f.key);
    return flows;
  }

  /** Drop flows idle for their timeout; returns how many went. */
  sweep(nowMs: number): number {
    let dropped = 0;
    for (const [key, { flow: f }] of this.flows) {
      if (nowMs - f.lastSeenMs >= f.idleTimeoutMs) {
        this.flows.delete(key);
        dropped++;
      }
    }
    return dropped;
  }
}
