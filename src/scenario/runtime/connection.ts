/**
 * An established connection: the hops its SYN took, the relays on them, and
 * its two ends. Requests walk the hops forward and answers walk them back,
 * each relay checking every packet; a reset from a middlebox or from the
 * server ends it; closing releases what the path holds.
 */
import type { Wire } from './fabric';
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
  private open = true;
  private pending?: ReplyHandlers;
  private readonly wireType: 'health' | 'request';
  private readonly hops: readonly string[];
  private readonly relays: readonly (Relay | undefined)[];
  private readonly addresses: readonly HopAddresses[];

  constructor(
    private readonly tcp: Tcp,
    readonly id: string,
    path: ConnectionPath,
    private readonly server: ServerSide,
    private readonly ends: Pick<ServerExchange, 'peerIp' | 'peerPort' | 'localIp' | 'localPort'>,
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
    const requestId = message.id;
    let wire: Wire | ((i: number) => Wire) = { type: this.wireType, summary, requestId };
    if (this.purpose === 'traffic') {
      // Traffic shows, hop by hop, who appears to talk to whom and what the request says about its client.
      const headers = teachingHeaders(message.headers);
      const addresses = this.addresses;
      wire = (i) => {
        const on = addresses[i];
        return { type: 'request', summary, requestId, src: on?.src, dst: on?.dst, headers };
      };
    }
    this.tcp.walk(
      this.hops,
      wire,
      () => {
        if (this.open) this.server.request(message, new Exchange(this, message.id, this.ends));
      },
      () => undefined,
      (i) => this.relays[i]?.check?.(),
      (i, why) => this.resetFrom(i, why, message.id),
    );
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
    const last = this.hops.length - 2;
    const addresses = this.addresses;
    const wire: Wire | ((i: number) => Wire) =
      this.purpose === 'health'
        ? { type: 'health', summary, requestId }
        : (i) => {
            // Going back, the addresses of hop `last - i` swap ends.
            const on = addresses[last - i];
            return { type: 'response', summary, requestId, src: on?.dst, dst: on?.src };
          };
    const path = [...this.hops].reverse();
    this.tcp.walk(
      path,
      wire,
      () => {
        const handlers = this.pending;
        this.pending = undefined;
        if (this.open) handlers?.response(reply);
      },
      () => undefined,
      (i) => this.relays[this.hops.length - 1 - i]?.check?.(),
      (i, why) => {
        // Reset at a middlebox on the way back: the client hears RST from there.
        const at = this.hops.length - 1 - i;
        this.resetFrom(at, why, requestId);
      },
    );
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
