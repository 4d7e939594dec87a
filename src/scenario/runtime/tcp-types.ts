/**
 * The vocabulary of connections in a full world: what a host answers to a
 * SYN, what a middlebox keeps on the path, and how a server answers the
 * requests that come on an accepted connection.
 */

/** An HTTP request on the wire. */
export interface HttpMessage {
  /** The request id it belongs to, carried for tracing (an upstream attempt keeps its client request's id). */
  readonly id: string;
  readonly method: string;
  /** Request target as on the request line: `/path?q`, or `http://host/path` to a forward proxy. */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
}

/** An HTTP response on the wire. */
export interface HttpReply {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** The component that produced it, for the client's outcome record. */
  readonly servedBy: string;
}

/** Why a connection is being opened: traffic, or a health check (whose packets are typed `health`). */
export type Purpose = 'traffic' | 'health';

/** A SYN as it reaches a host, with its addresses as they are at that hop (after any NAT). */
export interface Syn {
  readonly connection: string;
  readonly purpose: Purpose;
  readonly requestId?: string;
  /** The component that sent it this hop. */
  readonly from: string;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  /** The address the connection started from, before any SNAT. */
  readonly clientIp: string;
}

/** Source and destination (`ip:port`) as written on a packet crossing one hop, client side first. */
export interface HopAddresses {
  readonly src: string;
  readonly dst: string;
}

/** A middlebox that stays on the path of a connection it forwarded (an NLB node, kube-proxy's conntrack). */
export interface Relay {
  /** A later packet passes here: undefined to let it through, or why the middlebox resets it. */
  check?(): string | undefined;
  /** The connection ended: forget it. */
  closed?(): void;
  /** The connection was established through here: `reset` lets the middlebox end it on its own later. */
  bind?(reset: (why: string) => void): void;
}

export type SynVerdict =
  | { readonly kind: 'accept'; readonly server: ServerSide }
  | {
      readonly kind: 'forward';
      readonly next: string;
      readonly dstIp?: string;
      readonly dstPort?: number;
      /** Source NAT: the address the rest of the path sees instead. */
      readonly srcIp?: string;
      readonly relay?: Relay;
    }
  /** RST back toward the client: nothing listens, or a middlebox refuses. */
  | { readonly kind: 'reset'; readonly why: string }
  /** Silently dropped here; the client times out. */
  | { readonly kind: 'drop'; readonly why: string };

/** Anything packets can be addressed to. */
export interface Host {
  readonly id: string;
  syn(syn: Syn): SynVerdict;
}

/** How an accepted connection's server side answers. */
export interface ServerExchange {
  /** The source address the server sees (after SNAT). */
  readonly peerIp: string;
  readonly peerPort: number;
  readonly localIp: string;
  readonly localPort: number;
  respond(reply: HttpReply): void;
  /** The server resets the connection (its process died holding the request). */
  reset(why: string): void;
}

/** The server end of one accepted connection. */
export interface ServerSide {
  request(message: HttpMessage, exchange: ServerExchange): void;
  /** The client end went away (closed, reset or gave up). */
  closed?(): void;
}

/** What the opener of a connection hears. */
export interface DialHandlers {
  connected(connection: Connection): void;
  refused(why: string): void;
}

export interface ReplyHandlers {
  response(reply: HttpReply): void;
  reset(why: string): void;
}

/** The client end of an established connection. */
export interface Connection {
  readonly id: string;
  send(message: HttpMessage, handlers: ReplyHandlers): void;
  close(): void;
}
