/**
 * A link between two components: a packet sent on it arrives after the link's
 * latency, as one engine event. Links are symmetric (a response goes back the
 * way its request came) and never lose or reorder packets by themselves: what
 * is dropped is dropped at the far end, because nothing listens there.
 */
import type { Engine, Trace } from '../sim';
import type { Message, Packet } from './packet';
import { recordedHeadersOf, requestIdOf, summarize, traceTypeOf } from './packet';

/** Something a link can deliver to: a client, a server, later a proxy or a load balancer. */
export interface Endpoint {
  readonly id: string;
  /**
   * Why this endpoint cannot take the packet right now (e.g. "nothing listens
   * on 198.51.100.10:80: app is crashed"), or undefined when it can. Pure: it
   * is asked once per arriving packet and must not change state.
   */
  refusal(packet: Packet): string | undefined;
  /** A packet arrived and was accepted. */
  receive(packet: Packet): void;
  /** A packet was refused here and the host answered with a reset (for counters). */
  refused?(packet: Packet): void;
}

/** A link as the scenario describes it. */
export interface LinkSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** One-way latency, either direction. */
  readonly latencyMs: number;
}

/** What a link needs from its network. */
export interface LinkContext {
  readonly engine: Engine;
  readonly trace: Trace;
  /** The next per-world packet id (`p1`, `p2`…). */
  nextPacketId(): string;
}

export class Link {
  constructor(
    readonly spec: LinkSpec,
    private readonly ends: readonly [Endpoint, Endpoint],
    private readonly ctx: LinkContext,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  /** True when `a` and `b` are this link's two ends, in either order. */
  joins(a: string, b: string): boolean {
    const [x, y] = this.ends;
    return (x.id === a && y.id === b) || (x.id === b && y.id === a);
  }

  /** Send `message` from one end to the other; it arrives `latencyMs` later. */
  send(from: string, message: Message, why?: string): Packet {
    const far = this.farEnd(from);
    const packet: Packet = { id: this.ctx.nextPacketId(), from, to: far.id, message };
    this.ctx.trace.record({
      kind: 'send',
      packet: packet.id,
      type: traceTypeOf(message),
      from,
      to: far.id,
      requestId: requestIdOf(message),
      summary: summarize(message, far.id),
      headers: recordedHeadersOf(message),
      ...(why === undefined ? {} : { why }),
    });
    // Arrival times are rounded to whole microseconds: 2046.271 + 25 is
    // 2071.2709999999997 in floating point, and a trace should read 2071.271.
    const at = Math.round((this.ctx.engine.now + this.spec.latencyMs) * 1000) / 1000;
    this.ctx.engine.scheduleAt(Math.max(at, this.ctx.engine.now), () => this.arrive(packet, far), `deliver ${packet.id}`);
    return packet;
  }

  private arrive(packet: Packet, far: Endpoint): void {
    const common = {
      packet: packet.id,
      type: traceTypeOf(packet.message),
      from: packet.from,
      to: packet.to,
      requestId: requestIdOf(packet.message),
      summary: summarize(packet.message, packet.to),
      headers: recordedHeadersOf(packet.message),
    };
    const refusal = far.refusal(packet);
    if (refusal === undefined) {
      this.ctx.trace.record({ kind: 'deliver', ...common });
      far.receive(packet);
      return;
    }
    this.ctx.trace.record({ kind: 'drop', ...common, why: refusal });
    far.refused?.(packet);
    // The far host's kernel answers a refused segment with a reset, but never
    // a reset with another reset (RFC 9293), so two dead ends cannot ping-pong.
    if (packet.message.type !== 'rst') {
      const rst: Message = { type: 'rst', requestId: common.requestId, reason: 'refused', why: refusal };
      this.send(packet.to, rst, refusal);
    }
  }

  private farEnd(from: string): Endpoint {
    const [a, b] = this.ends;
    if (a.id === from) return b;
    if (b.id === from) return a;
    throw new Error(`link ${this.spec.id} does not touch ${from}`);
  }
}
