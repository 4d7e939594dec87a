/**
 * Packets that walk a known path hop by hop, each its own listener on every
 * hop (a class rather than closures per hop): any packet along a path, and
 * the SYN-ACK back along the hops its SYN took. Requests and answers on an
 * established connection walk in `connection.ts`.
 */
import type { Established } from './connection';
import type { Fabric, OwnHopLeg, Wire } from './fabric';

/** A walk's wire before its first hop, when it makes one per hop (nothing reads it). */
const NO_WIRE: Wire = { type: 'tcp', summary: '' };

/**
 * One packet walking a path, hop after hop, as `Tcp.walk` describes it with
 * callbacks: the resets (RST) sent back toward a client.
 */
export class Walk implements OwnHopLeg {
  /** The hop under way: path[index] → path[index + 1]. */
  private index = 0;
  hopFrom = '';
  hopTo = '';
  hopWire: Wire;

  constructor(
    private readonly fabric: Fabric,
    readonly hopPacket: string,
    private readonly path: readonly string[],
    private readonly wire: Wire | ((index: number) => Wire),
    private readonly done: () => void,
    private readonly onDropped: ((why: string) => void) | undefined,
    private readonly check: ((index: number) => string | undefined) | undefined,
    private readonly resetAt: ((index: number, why: string) => void) | undefined,
  ) {
    this.hopWire = typeof wire === 'function' ? NO_WIRE : wire;
  }

  step(): void {
    const i = this.index;
    const from = this.path[i];
    const to = this.path[i + 1];
    if (from === undefined || to === undefined) {
      this.done();
      return;
    }
    const wire = this.wire;
    this.hopFrom = from;
    this.hopTo = to;
    this.hopWire = typeof wire === 'function' ? wire(i) : wire;
    this.fabric.carryOwn(this);
  }

  refuse(): undefined {
    return undefined;
  }

  arrived(): void {
    const i = this.index;
    if (i + 2 < this.path.length && this.check !== undefined) {
      const why = this.check(i + 1);
      if (why !== undefined) {
        this.resetAt?.(i + 1, why);
        return;
      }
    }
    this.index = i + 1;
    this.step();
  }

  dropped(why: string): void {
    this.onDropped?.(why);
  }
}

/**
 * The SYN-ACK walking back over the hops its SYN took, server end first (a
 * class rather than a reversed path and two closures: one per connection).
 * Lost on the way, it leaves the connection closed; the opener times out.
 */
export class SynAck implements OwnHopLeg {
  /** Where the SYN-ACK is: a position on the connection's hops, counting down to the opener at 0. */
  private at: number;
  readonly hopPacket: string;
  hopFrom = '';
  hopTo = '';

  constructor(
    private readonly dial: { answered(connection: Established): void },
    private readonly connection: Established,
    readonly hopWire: Wire,
  ) {
    this.at = connection.hops.length - 1;
    this.hopPacket = connection.tcp.fabric.packetId();
  }

  step(): void {
    const at = this.at;
    const hops = this.connection.hops;
    if (at <= 0) {
      this.dial.answered(this.connection);
      return;
    }
    this.hopFrom = hops[at]!;
    this.hopTo = hops[at - 1]!;
    this.connection.tcp.fabric.carryOwn(this);
  }

  refuse(): undefined {
    return undefined;
  }

  arrived(): void {
    this.at--;
    this.step();
  }

  dropped(): void {
    this.connection.close();
  }
}
