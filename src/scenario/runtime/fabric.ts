/**
 * The wire of a full world: every packet crosses one link at a time, each
 * crossing is one engine event, and each leaves a `send` record when it
 * leaves and a `deliver` (or `drop`) record when it lands. A packet keeps its
 * id from hop to hop, so a reader can follow it from the browser to a pod.
 *
 * Links are not declared one by one: the latency between two components
 * follows from where they are (`placement.ts`), and a link appears in the
 * snapshot the first time a packet crosses it (or when the world declares
 * it up front, so the diagram can show the path before anything moves).
 * A component that is down (its AZ lost) neither sends nor receives: packets
 * to it are dropped where they land.
 */
import type { Engine, Trace, TraceInput } from '../../sim';

/** What a packet is, for the trace: `dns`, `tcp` (SYN, SYN-ACK, RST), `request`, `response`, `health`. */
export type WireType = 'dns' | 'tcp' | 'request' | 'response' | 'health';

export interface Wire {
  readonly type: WireType;
  /** `SYN → 10.0.1.10:31234`, `GET /auth/login`, `A? my-nlb-url.com.` */
  readonly summary: string;
  readonly requestId?: string;
  /** `ip:port` of the two ends as written on the packet at this hop (after NAT), on request and response hops. */
  readonly src?: string;
  readonly dst?: string;
  /** The teaching headers a request carries (`teachingHeaders`), on request hops. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FabricLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly latencyMs: number;
}

export interface FabricOptions {
  /** One-way latency between two components, in ms. */
  latency(a: string, b: string): number;
  /** Why a component cannot send or receive now (its AZ is lost), or undefined. */
  down(component: string): string | undefined;
  /** Why the link a–b carries nothing now (cut by a fault), or undefined; asked as a packet leaves and as it lands. */
  cut?(a: string, b: string): string | undefined;
}

/** Who hears how one hop of a packet ends (see `Fabric.carry`). */
export interface HopLeg {
  /** On landing: why the far end does not take the packet, or undefined when it does. */
  refuse(): string | undefined;
  /** Delivered, after the `deliver` record. */
  arrived(): void;
  /** Dropped (the sender or the far end is down, the link is cut, or `refuse` said why). */
  dropped(why: string): void;
}

/**
 * A leg with one hop under way at a time that keeps that hop itself: the
 * packet, the hop's two ends and its wire, read when the hop lands
 * (`Fabric.carryOwn`). The connection code's walks are such legs: the
 * fabric then makes no object per hop for them.
 */
export interface OwnHopLeg extends HopLeg {
  readonly hopPacket: string;
  readonly hopFrom: string;
  readonly hopTo: string;
  readonly hopWire: Wire;
}

/** `hop`'s callbacks as a leg. */
class CallbackLeg implements HopLeg {
  constructor(
    private readonly onArrive: () => void,
    private readonly onRefuse: (() => string | undefined) | undefined,
    private readonly onDropped: ((why: string) => void) | undefined,
  ) {}

  refuse(): string | undefined {
    return this.onRefuse?.();
  }

  arrived(): void {
    this.onArrive();
  }

  dropped(why: string): void {
    this.onDropped?.(why);
  }
}

/** A packet on a link: what its landing needs (one object per hop rather than a closure and its context). */
class InFlight {
  constructor(
    readonly fabric: Fabric,
    readonly id: string,
    readonly from: string,
    readonly to: string,
    readonly wire: Wire,
    readonly leg: HopLeg,
  ) {}
}

/** One function for every landing, so scheduling a hop makes no closure. */
function land(hop: InFlight): void {
  hop.fabric.arrive(hop.id, hop.from, hop.to, hop.wire, hop.leg);
}

export class Fabric {
  private packets = 0;
  /** Links in the order they appeared, and a two-level index for the per-hop lookup (no key strings). */
  private readonly linkList: FabricLink[] = [];
  private readonly linkIndex = new Map<string, Map<string, FabricLink>>();

  constructor(
    private readonly engine: Engine,
    private readonly trace: Trace,
    private readonly options: FabricOptions,
  ) {}

  /** Lands the hop an `OwnHopLeg` has under way: one function per fabric, so scheduling a hop makes no closure. */
  private readonly landOwn = (leg: OwnHopLeg): void => {
    this.arrive(leg.hopPacket, leg.hopFrom, leg.hopTo, leg.hopWire, leg);
  };

  /** A new packet id: `p1`, `p2`… in the order packets are created. */
  packetId(): string {
    return `p${++this.packets}`;
  }

  /** Make sure the link a–b exists (for the diagram), and return its one-way latency. */
  declare(a: string, b: string): number {
    return this.link(a, b).latencyMs;
  }

  /** The links so far, in the order they appeared. */
  links(): FabricLink[] {
    return [...this.linkList];
  }

  /**
   * Carry packet `id` from `from` to `to`. On landing, `refuse` may say why the
   * far end does not take it (the packet is then dropped there and `dropped`
   * hears why); otherwise `arrive` runs, after the `deliver` record.
   */
  hop(
    id: string,
    from: string,
    to: string,
    wire: Wire,
    arrive: () => void,
    refuse?: () => string | undefined,
    dropped?: (why: string) => void,
  ): void {
    this.carry(id, from, to, wire, new CallbackLeg(arrive, refuse, dropped));
  }

  /**
   * `hop` for a caller that is its own listener: the connection code sends
   * every packet of every request this way, and one object with methods costs
   * less than three closures per hop.
   */
  carry(id: string, from: string, to: string, wire: Wire, leg: HopLeg): void {
    const latencyMs = this.leave(id, from, to, wire, leg);
    if (latencyMs !== undefined) this.engine.scheduleCall(latencyMs, land, new InFlight(this, id, from, to, wire, leg), 'deliver');
  }

  /** `carry` for a leg that keeps its hop itself (set its `hop…` fields first; they must stay until the hop lands). */
  carryOwn(leg: OwnHopLeg): void {
    const latencyMs = this.leave(leg.hopPacket, leg.hopFrom, leg.hopTo, leg.hopWire, leg);
    if (latencyMs !== undefined) this.engine.scheduleCall(latencyMs, this.landOwn, leg, 'deliver');
  }

  /** A packet leaves `from`: its `send` record and the hop's latency, or its `drop` (the sender cannot send) and undefined. */
  private leave(id: string, from: string, to: string, wire: Wire, leg: HopLeg): number | undefined {
    const link = this.link(from, to);
    const sender = this.options.down(from) ?? this.options.cut?.(from, to);
    if (sender !== undefined) {
      this.record('drop', id, from, to, wire, sender);
      leg.dropped(sender);
      return undefined;
    }
    this.record('send', id, from, to, wire);
    return link.latencyMs;
  }

  /** A packet reaches the far end of its hop (`land`, scheduled by `carry`). */
  arrive(id: string, from: string, to: string, wire: Wire, leg: HopLeg): void {
    const why = this.options.down(to) ?? this.options.cut?.(from, to) ?? leg.refuse();
    if (why !== undefined) {
      this.record('drop', id, from, to, wire, why);
      leg.dropped(why);
      return;
    }
    this.record('deliver', id, from, to, wire);
    leg.arrived();
  }

  private record(kind: 'send' | 'deliver' | 'drop', id: string, from: string, to: string, wire: Wire, why?: string): void {
    // One object literal of a fixed shape per record: this runs for every hop of every packet.
    // Undefined fields are left out of JSON lines, so the bytes are those of an absent key.
    // The headers object is shared by the records of one message: nobody writes to a record.
    const headers = wire.headers as Record<string, string> | undefined;
    // `t: 0, seq: 0` are placeholders the trace stamps: written first, the object keeps its shape.
    if (why === undefined) this.trace.record({ t: 0, seq: 0, kind, packet: id, type: wire.type, from, to, src: wire.src, dst: wire.dst, requestId: wire.requestId, summary: wire.summary, headers } as TraceInput);
    else this.trace.record({ t: 0, seq: 0, kind, packet: id, type: wire.type, from, to, src: wire.src, dst: wire.dst, requestId: wire.requestId, summary: wire.summary, headers, why } as TraceInput);
  }

  private link(a: string, b: string): FabricLink {
    let row = this.linkIndex.get(a);
    if (row === undefined) {
      row = new Map();
      this.linkIndex.set(a, row);
    }
    let link = row.get(b);
    if (link === undefined) {
      link = this.linkIndex.get(b)?.get(a);
      if (link === undefined) {
        link = { id: `${a}~${b}`, from: a, to: b, latencyMs: this.options.latency(a, b) };
        this.linkList.push(link);
      }
      row.set(b, link);
    }
    return link;
  }
}
