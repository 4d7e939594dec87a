/**
 * HTTP messages as plain data. Nothing here parses bytes: a request is what a
 * request line and a Host header say, a response is a status. Components add
 * fields as later hops need them (headers for nginx, bodies for POST).
 */

/** One HTTP request as the client sent it. */
export interface HttpRequest {
  /** Stable id for following the request across hops, e.g. `browser#3`. */
  readonly id: string;
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly path: string;
  /** The Host header. */
  readonly host: string;
}

/** One HTTP response. */
export interface HttpResponse {
  /** The request this answers. */
  readonly requestId: string;
  readonly status: number;
  /** The component that produced the answer (a backend, or a proxy answering for it). */
  readonly servedBy: string;
}

/** Reason phrases for the statuses the simulation produces (RFC 9110). */
const reasons: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase for a status (`500` → `Internal Server Error`), or '' when unknown. */
export function reasonPhrase(status: number): string {
  return reasons[status] ?? '';
}

/** `500 Internal Server Error`, or just `599` for a status without a known phrase. */
export function statusLine(status: number): string {
  const reason = reasonPhrase(status);
  return reason === '' ? String(status) : `${status} ${reason}`;
}
