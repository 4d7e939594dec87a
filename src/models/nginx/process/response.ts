/**
 * The response a client receives, from either nginx's own reply (return,
 * redirect, error page, static file) or an upstream's response: nginx adds
 * `Server` and `Date`, and closes the connection (the simulation's clients
 * send one request per connection).
 */
import { lowerHeaderName, NGINX_VERSION, type Reply } from '../routing';
import type { UpstreamResponse } from './network';

/** Header fields nginx does not pass from an upstream response (proxy_hide_header defaults and hop-by-hop fields). */
const HIDDEN = new Set(['date', 'server', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset', 'connection', 'keep-alive', 'transfer-encoding']);

/** The last second formatted, since many responses share a second (a pure conversion, so caching it is safe). */
let lastSecond = NaN;
let lastDate = '';

function dateHeader(wallMs: number): string {
  const second = Math.floor(wallMs / 1000);
  if (second !== lastSecond) {
    // An explicit instant, converted: the virtual clock's time in RFC 1123 form.
    lastDate = new Date(second * 1000).toUTCString();
    lastSecond = second;
  }
  return lastDate;
}

export interface BuiltResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** The fields every response starts and ends with: shared, since header fields are read, never changed in place. */
const SERVER_FIELD: [string, string] = ['Server', `nginx/${NGINX_VERSION}`];
const CLOSE_FIELD: [string, string] = ['Connection', 'close'];

/** A reply nginx made itself. */
export function fromReply(reply: Reply, wallMs: number): BuiltResponse {
  return {
    status: reply.status,
    headers: [SERVER_FIELD, ['Date', dateHeader(wallMs)], ...reply.headers, CLOSE_FIELD],
    body: reply.body,
  };
}

/** An upstream's response passed through. */
export function fromUpstream(response: UpstreamResponse, wallMs: number): BuiltResponse {
  // One array, filled in order: nginx's own fields, the passed ones, then Connection.
  const headers: [string, string][] = [SERVER_FIELD, ['Date', dateHeader(wallMs)]];
  let length = false;
  for (let i = 0; i < response.headers.length; i++) {
    const field = response.headers[i] as [string, string];
    const lower = lowerHeaderName(field[0]);
    if (HIDDEN.has(lower)) continue;
    if (lower === 'content-length') length = true;
    headers.push(field);
  }
  if (!length) headers.push(['Content-Length', String(response.body.length)]);
  headers.push(CLOSE_FIELD);
  return { status: response.status, headers, body: response.body };
}
