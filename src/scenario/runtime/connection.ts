/**
 * An established connection: the hops its SYN took, the relays on them, and
 * its two ends. Requests walk the hops forward and answers walk them back,
 * each relay checking every packet; a reset from a middlebox or from the
 * server ends it; closing releases what the path holds.
 */
import type { OwnHopLeg, Wire, WireType } from './fabric';
import type { Tcp } from './tcp';
import type { Connection, HopAddresses, HttpMessage, HttpReply, Purpose, Relay, ReplyHandlers, ServerExchange, ServerSide } from './tcp-types';
import { teachingHeaders } from './wire-headers';

/** The path an accepted SYN took: components, the relays on them, and the addresses on each hop. */
export interface ConnectionPath {
  readonly hops: readonly string[];
  readonly relays: readonly (Relay | undefined)[];
  /** `addresses[k]` is on the wire between `hops[k]` and `hops[k + 1]`. */
  readonly addresses: readonly HopAddresses[];
}

/** An accepted connection: the hops it took, the relays on them, and its two ends. */
export class Established implements Connection {
  /** Read by this module's walks (`MessageWalk`), as are the fields below. */
  open = true;
  pending?: ReplyHandlers;
  private readonly wireType: 'health' | 'request';
  readonly hops: readonly string[];
  readonly relays: readonly (Relay | undefined)[];
  readonly addresses: readonly HopAddresses[];

  constructor(
    readonly tcp: Tcp,
    readonly id: string,
    path: ConnectionPath,
    readonly server: ServerSide,
    readonly ends: Pick<ServerExchange, 'peerIp' | 'peerPort' | 'localIp' | 'localPort'>,
    private readonly purpose: Purpose,
    private readonly requestId: string | undefined,
  ) {
    this.wireType = purpose === 'health' ? 'health' : 'request';
    this.hops = path.hops;
    this.relays = path.relays;
    this.addresses = path.addresses;
    this.relays.forEach((relay, i) => relay?.bind?.((why) => this.resetFrom(i, why, this.requestId)));
  }

  send(message: HttpMessage, handlers: ReplyHandlers): void {
    if (!this.open) return;
    this.pending = handlers;
    const summary = this.tcp.texts.request.get(message.target, message.method);
    // Traffic shows, hop by hop, who appears to talk to whom and what the request says about its client.
    const traffic = this.purpose === 'traffic';
    new MessageWalk(this, this.wireType, summary, message.id, traffic ? teachingHeaders(message.headers) : undefined, traffic, message, undefined).go();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.pending = undefined;
    for (const relay of this.relays) relay?.closed?.();
    this.server.closed?.();
  }

  /** A middlebox at hop `index` resets the connection: RST to the client, the server forgets it. */
  resetFrom(index: number, why: string, requestId: string | undefined): void {
    if (!this.open) return;
    const handlers = this.pending;
    const back = this.hops.slice(0, index + 1).reverse();
    this.close();
    if (handlers === undefined) return;
    const wire: Wire = { type: this.purpose === 'health' ? 'health' : 'tcp', summary: 'RST (connection reset)', ...(requestId === undefined ? {} : { requestId }) };
    this.tcp.walk(back, wire, () => handlers.reset(why));
  }

  /** The server's answer to `requestId` walks back to the client. */
  respond(requestId: string, reply: HttpReply): void {
    if (!this.open) return;
    const summary = this.tcp.texts.response.get(reply.servedBy, reply.status);
    const health = this.purpose === 'health';
    new MessageWalk(this, health ? 'health' : 'response', summary, requestId, undefined, !health, undefined, reply).go();
  }

  /** The server resets the connection while holding `requestId`: RST back to the client. */
  serverReset(requestId: string, why: string): void {
    if (!this.open) return;
    const handlers = this.pending;
    const wire: Wire = { type: this.purpose === 'health' ? 'health' : 'tcp', summary: `RST ← ${this.ends.localIp}:${this.ends.localPort}`, requestId };
    const path = [...this.hops].reverse();
    this.open = false;
    this.pending = undefined;
    for (const relay of this.relays) relay?.closed?.();
    this.tcp.walk(path, wire, () => handlers?.reset(why));
  }
}

/**
 * One message walking a connection's hops: a request forward to the server,
 * or an answer back to the client. It is its own listener on each hop and
 * its own `Wire`, whose `src`/`dst` are set for each hop as it leaves (the
 * fabric reads a wire only while it writes that hop's records, before the
 * next hop starts). One object per message, rather than a path copy, four
 * closures and a wire per hop: every request and every response goes this
 * way (one class for both, so the fabric sees one shape). A relay on the way
 * may reset the connection there; nothing is heard of a lost packet.
 */
class MessageWalk implements OwnHopLeg, Wire {
  src: string | undefined = undefined;
  dst: string | undefined = undefined;
  /** The hop under way, counted from the start of this walk. */
  private index = 0;
  readonly hopPacket: string;
  hopFrom = '';
  hopTo = '';
  readonly hopWire: Wire = this;
  /** Walking from the server back to the client (an answer). */
  private readonly back: boolean;

  constructor(
    private readonly connection: Established,
    readonly type: WireType,
    readonly summary: string,
    readonly requestId: string,
    readonly headers: Readonly<Record<string, string>> | undefined,
    /** Whether hop records carry the hop's addresses (traffic does, health checks do not). */
    private readonly addressed: boolean,
    /** The request, going forward; or the answer, going back. */
    private readonly message: HttpMessage | undefined,
    private readonly reply: HttpReply | undefined,
  ) {
    this.back = reply !== undefined;
    this.hopPacket = connection.tcp.fabric.packetId();
  }

  /** Send the hop under way, or end the walk once the last hop has landed. */
  go(): void {
    const { hops, addresses } = this.connection;
    const n = hops.length;
    const i = this.index;
    if (i + 1 >= n) {
      this.end();
      return;
    }
    // Positions on the connection's hops, client side first.
    const from = this.back ? n - 1 - i : i;
    const to = this.back ? from - 1 : from + 1;
    if (this.addressed) {
      // `addresses[k]` is between hops k and k+1; going back, its ends swap.
      const on = addresses[this.back ? to : from];
      this.src = this.back ? on?.dst : on?.src;
      this.dst = this.back ? on?.src : on?.dst;
    }
    this.hopFrom = hops[from]!;
    this.hopTo = hops[to]!;
    this.connection.tcp.fabric.carryOwn(this);
  }

  refuse(): undefined {
    return undefined;
  }

  arrived(): void {
    const connection = this.connection;
    const n = connection.hops.length;
    const i = this.index;
    if (i + 2 < n) {
      // Landed on a middlebox (not the far end): its relay checks the packet.
      const at = this.back ? n - 2 - i : i + 1;
      const why = connection.relays[at]?.check?.();
      if (why !== undefined) {
        // The client hears RST from there.
        connection.resetFrom(at, why, this.requestId);
        return;
      }
    }
    this.index = i + 1;
    this.go();
  }

  dropped(): void {
    // Lost on the way: the client's timeout covers it.
  }

  /** The last hop landed: the server takes the request, or the client hears the answer, if the connection is still open. */
  private end(): void {
    const { connection, message, reply } = this;
    if (reply !== undefined) {
      const handlers = connection.pending;
      connection.pending = undefined;
      if (connection.open) handlers?.response(reply);
    } else if (message !== undefined && connection.open) {
      connection.server.request(message, new Exchange(connection, message.id, connection.ends));
    }
  }
}

/** The server side of one request on a connection: where it came from, and how to answer it. */
class Exchange implements ServerExchange {
  readonly peerIp: string;
  readonly peerPort: number;
  readonly localIp: string;
  readonly localPort: number;

  constructor(
    private readonly connection: Established,
    private readonly requestId: string,
    ends: Pick<ServerExchange, 'peerIp' | 'peerPort' | 'localIp' | 'localPort'>,
  ) {
    this.peerIp = ends.peerIp;
    this.peerPort = ends.peerPort;
    this.localIp = ends.localIp;
    this.localPort = ends.localPort;
  }

  respond(reply: HttpReply): void {
    this.connection.respond(this.requestId, reply);
  }

  reset(why: string): void {
    this.connection.serverReset(this.requestId, why);
  }
}
