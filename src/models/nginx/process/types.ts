/**
 * A client request as it reaches an nginx instance, and what the instance
 * answers, with the upstream variables nginx would log.
 */

/** One HTTP request on a client connection. */
export interface ClientRequest {
  /** Stable id, carried in every trace record about this request. */
  id: string;
  method: string;
  /** The request target exactly as on the request line (`/a/../b?x=1`). */
  uri: string;
  httpVersion: 'HTTP/1.0' | 'HTTP/1.1';
  /** Header fields in order, names as sent. */
  headers: [string, string][];
  body?: string;
  /** The client's end of the connection. */
  clientIp: string;
  clientPort: number;
  /** The nginx socket the client connected to. */
  localIp: string;
  localPort: number;
}

/** What nginx sent back, plus what its variables held at the end of the request. */
export interface ClientResponse {
  status: number;
  headers: [string, string][];
  body: string;
  /** `$upstream_addr`, `-` when no upstream was involved. */
  upstreamAddr: string;
  /** `$upstream_status`, `-` when no upstream was involved. */
  upstreamStatus: string;
  /** The URI nginx put on the request line of its last upstream attempt, if any. */
  upstreamUri?: string;
  /** Which worker process handled the connection (0-based). */
  worker: number;
}
