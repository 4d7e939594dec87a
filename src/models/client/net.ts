/**
 * What a traffic client needs from the world, as callbacks: look a name up
 * the way the operating system does, and open TCP connections. The world
 * carries the packets (DNS queries, SYNs, requests) and calls back from
 * engine events, never from inside the call that caused them.
 */

/** What the stub resolver (getaddrinfo) returned. */
export type LookupResult =
  | { readonly ok: true; readonly addresses: readonly string[]; readonly ttlS: number; readonly why: string }
  | { readonly ok: false; readonly why: string };

/** A request as the client writes it on the wire. */
export interface OutgoingRequest {
  readonly id: string;
  readonly method: string;
  /** Request target: `/path?q` (origin form) or `http://host/path` (absolute form, to a forward proxy). */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** A response as the client reads it. */
export interface IncomingResponse {
  readonly status: number;
  /** The component that produced the answer (a backend pod, nginx, a proxy…). */
  readonly servedBy: string;
}

export interface ResponseHandlers {
  response(response: IncomingResponse): void;
  /** RST: the connection died under the request. */
  reset(why: string): void;
}

export interface ClientConnection {
  send(request: OutgoingRequest, handlers: ResponseHandlers): void;
  /** The client is done with the connection (answered, or gave up). */
  close(): void;
}

export interface DialHandlers {
  connected(connection: ClientConnection): void;
  /** RST in answer to the SYN: nothing listens there, or a load balancer refused. */
  refused(why: string): void;
}

/** A connection attempt the client can abandon (its connect timeout, or its request timeout). */
export interface PendingDial {
  abort(): void;
}

export interface ClientNet {
  /** Resolve `name` from `clientIp` as getaddrinfo would; `done` is called once, later. */
  lookup(clientIp: string, name: string, requestId: string, done: (result: LookupResult) => void): void;
  /** Open a connection from `srcIp` to `dstIp:dstPort`; no callback at all when the SYN is lost. */
  dial(srcIp: string, dstIp: string, dstPort: number, requestId: string, handlers: DialHandlers): PendingDial;
}
