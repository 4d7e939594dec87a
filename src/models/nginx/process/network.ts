/**
 * What the nginx processor needs from the network to reach its upstreams.
 *
 * Deliberately small and callback-shaped, so that anything can stand behind
 * it: the `trafficlab nginx` command's table of backend behaviours, or later
 * the full world (kube-proxy, Service ClusterIPs, pods with latency and
 * crashes). Every callback must come from an engine event, never from inside
 * the call that caused it, so that nginx sees time move the way it would.
 */

/** The request line and headers nginx sends upstream. */
export interface UpstreamRequest {
  /** The client request this attempt belongs to, for tracing. */
  requestId: string;
  method: string;
  /** Path and query as written on the request line sent upstream. */
  uri: string;
  /** `HTTP/1.0` in nginx 1.22 unless `proxy_http_version` says otherwise. */
  httpVersion: string;
  headers: [string, string][];
  body?: string;
}

/** An upstream's answer (the whole response: the simulation reads it in one piece). */
export interface UpstreamResponse {
  status: number;
  /** The upstream's fields as it sent them: nginx reads them and never changes them, so a network may hand over its own. */
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** Callbacks for one connection attempt; exactly one is called, or none when SYNs are lost. */
export interface ConnectHandlers {
  /** The three-way handshake completed. */
  connected(connection: UpstreamConnection): void;
  /** RST in reply to the SYN: nothing listens (ECONNREFUSED). */
  refused(): void;
}

/** Callbacks for what comes back after sending; at most one is called. */
export interface ResponseHandlers {
  response(response: UpstreamResponse): void;
  /** The upstream closed the connection without a complete response header. */
  closed(): void;
}

/** An established connection to an upstream. */
export interface UpstreamConnection {
  /** Send the request; the network then calls one of `handlers`, or none (the upstream hangs). */
  send(request: UpstreamRequest, handlers: ResponseHandlers): void;
  /** nginx closes its side (done, or gave up on a timeout); no callback follows. */
  close(): void;
}

/** A connection attempt nginx can give up on (connect timeout). */
export interface PendingConnect {
  abort(): void;
}

/** The network as the nginx processor sees it. */
export interface UpstreamNetwork {
  /** Open a TCP connection from `fromIp` to `address` (`ip:port`). */
  connect(fromIp: string, address: string, handlers: ConnectHandlers): PendingConnect;
}
