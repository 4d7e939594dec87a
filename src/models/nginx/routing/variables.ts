/**
 * nginx's variables (ngx_http_variables.c and the proxy, log and upstream
 * modules) read from a RequestContext. A variable can be "not found"
 * (undefined here), which is not the same as empty: the access log writes
 * "-" for not found and nothing for empty, while `return`, `proxy_set_header`
 * and the like write nothing for both.
 */
import type { RequestContext } from './context';
import { headerValues } from './headers';
import { formatSeconds, formatTimeIso8601, formatTimeLocal } from './timeFormat';
import { BoundedCache } from '../../../sim';

/** The nginx version this model follows, for `$nginx_version` and error pages. */
export const NGINX_VERSION = '1.22.1';

const found = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

/** `$host`: the Host without port, or the server's name when the request had none. */
export function hostVariable(ctx: RequestContext): string {
  return ctx.host !== '' ? ctx.host : ctx.serverName;
}

/** `$request`: the request line as the client sent it. */
export function requestLine(ctx: RequestContext): string {
  return `${ctx.method} ${ctx.requestUri} HTTP/${ctx.httpVersion}`;
}

/** `ngx_http_arg`: the first `name=value` in the arguments, name compared without case. */
export function argValue(args: string, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const pair of args.split('&')) {
    const eq = pair.indexOf('=');
    if (eq >= 0 && pair.slice(0, eq).toLowerCase() === want) return pair.slice(eq + 1);
  }
  return undefined;
}

/** The value of cookie `name` in the Cookie header(s), name compared without case. */
function cookieValue(ctx: RequestContext, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const header of headerValues(ctx.headers, 'cookie')) {
    for (const piece of header.split(';')) {
      const item = piece.trim();
      const eq = item.indexOf('=');
      if (eq >= 0 && item.slice(0, eq).toLowerCase() === want) return item.slice(eq + 1);
    }
  }
  return undefined;
}

/** `$http_NAME`: the first field, except the ones nginx 1.22 joins (X-Forwarded-For ", ", Cookie "; "). */
function httpHeader(ctx: RequestContext, name: string): string | undefined {
  const values = headerValues(ctx.headers, name);
  if (values.length === 0) return undefined;
  if (name === 'x_forwarded_for') return values.join(', ');
  if (name === 'cookie') return values.join('; ');
  return values[0];
}

function fieldOf(fields: readonly [string, string][] | undefined, name: string): string | undefined {
  return fields ? headerValues(fields, name)[0] : undefined;
}

function requestTime(ctx: RequestContext): string {
  if (ctx.nowMs === undefined || ctx.startMs === undefined) return '0.000';
  return formatSeconds(ctx.nowMs - ctx.startMs);
}

/** Reads one variable from a request's context. */
export type Getter = (ctx: RequestContext) => string | undefined;

/** Variables with a fixed name. */
const FIXED: Record<string, Getter> = {
  host: hostVariable,
  server_name: (c) => c.serverName,
  server_addr: (c) => c.serverAddr,
  server_port: (c) => String(c.serverPort),
  server_protocol: (c) => `HTTP/${c.httpVersion}`,
  remote_addr: (c) => c.remoteAddr,
  remote_port: (c) => String(c.remotePort),
  remote_user: (c) => found(c.remoteUser),
  scheme: (c) => c.scheme ?? 'http',
  https: (c) => (c.scheme === 'https' ? 'on' : ''),
  request_method: (c) => c.method,
  request: requestLine,
  request_uri: (c) => c.requestUri,
  uri: (c) => c.uri,
  document_uri: (c) => c.uri,
  // nginx reports empty arguments as not found (the log shows "-").
  args: (c) => found(c.args),
  query_string: (c) => found(c.args),
  is_args: (c) => (c.args !== '' ? '?' : ''),
  content_type: (c) => fieldOf(c.headers, 'content_type'),
  content_length: (c) => fieldOf(c.headers, 'content_length'),
  proxy_host: (c) => c.proxyHost,
  proxy_add_x_forwarded_for: (c) => {
    const xff = httpHeader(c, 'x_forwarded_for');
    return xff === undefined ? c.remoteAddr : `${xff}, ${c.remoteAddr}`;
  },
  status: (c) => String(c.status ?? 0).padStart(3, '0'),
  body_bytes_sent: (c) => String(c.bodyBytesSent ?? 0),
  bytes_sent: (c) => String(c.bytesSent ?? 0),
  request_length: (c) => String(c.requestLength ?? 0),
  time_local: (c) => formatTimeLocal(c.nowMs ?? 0, c.tzOffsetMinutes),
  time_iso8601: (c) => formatTimeIso8601(c.nowMs ?? 0, c.tzOffsetMinutes),
  msec: (c) => formatSeconds(c.nowMs ?? 0),
  request_time: requestTime,
  upstream_addr: (c) => found(c.upstreamAddr),
  upstream_status: (c) => found(c.upstreamStatus),
  upstream_response_time: (c) => found(c.upstreamResponseTime),
  upstream_connect_time: (c) => found(c.upstreamConnectTime),
  upstream_header_time: (c) => found(c.upstreamHeaderTime),
  document_root: (c) => c.documentRoot,
  realpath_root: (c) => c.documentRoot,
  request_filename: (c) => c.requestFilename,
  hostname: (c) => c.hostname,
  pid: (c) => (c.pid === undefined ? undefined : String(c.pid)),
  connection: (c) => (c.connection === undefined ? undefined : String(c.connection)),
  connection_requests: (c) => (c.connectionRequests === undefined ? undefined : String(c.connectionRequests)),
  request_id: (c) => c.requestId,
  nginx_version: () => NGINX_VERSION,
};

/** Families of variables named by a prefix (`$http_user_agent`, `$arg_page`). */
const PREFIXED: [string, (ctx: RequestContext, rest: string) => string | undefined][] = [
  ['http_', httpHeader],
  ['sent_http_', (c, rest) => fieldOf(c.responseHeaders, rest)],
  ['upstream_http_', (c, rest) => fieldOf(c.upstreamHeaders, rest)],
  ['cookie_', cookieValue],
  ['arg_', (c, rest) => argValue(c.args, rest)],
];

/** True for a variable nginx knows (built-in, a prefix family, or one of the given named captures). */
export function isKnownVariable(name: string, namedCaptures: readonly string[] = []): boolean {
  const n = name.toLowerCase();
  if (n in FIXED) return true;
  if (PREFIXED.some(([prefix]) => n.startsWith(prefix))) return true;
  return namedCaptures.some((c) => c.toLowerCase() === n);
}

/**
 * Built-in variables whose values are digits, times and the like: never a
 * control, non-ASCII, `"` or `\` character, so the access log writes them
 * as they are without looking for one.
 */
const PLAIN = new Set([
  'status',
  'body_bytes_sent',
  'bytes_sent',
  'request_length',
  'time_local',
  'time_iso8601',
  'msec',
  'request_time',
  'server_port',
  'remote_port',
  'pid',
  'connection',
  'connection_requests',
]);

/** True when `$name`'s values never need access-log escaping (see PLAIN). */
export function isPlainVariable(name: string): boolean {
  return PLAIN.has(name.toLowerCase());
}

/** What `$name` reads, decided from the name alone: a built-in, a prefix family, else a named capture. */
function resolveGetter(name: string): Getter {
  const n = name.toLowerCase();
  const fixed = FIXED[n];
  if (fixed) return fixed;
  for (const [prefix, get] of PREFIXED) {
    if (n.startsWith(prefix)) {
      const rest = n.slice(prefix.length);
      return (ctx) => get(ctx, rest);
    }
  }
  return (ctx) => {
    for (const [k, v] of Object.entries(ctx.named ?? {})) {
      if (k.toLowerCase() === n) return v;
    }
    return undefined;
  };
}

/**
 * Getters by variable name as written. Which getter a name means depends on
 * the name only (the tables above never change), so it is worked out once
 * per name rather than per request; bounded like the other name caches.
 */
const getters = new BoundedCache<string, Getter>(1024, (name) => resolveGetter(name));

/** The function that reads `$name` from a context (see lookupVariable). */
export function variableGetter(name: string): Getter {
  return getters.get(name);
}

/**
 * The value of `$name`, or undefined when nginx would find none. Names are
 * case-insensitive, as in nginx. Positional captures (`$1`) are not variables:
 * see template.ts.
 */
export function lookupVariable(name: string, ctx: RequestContext): string | undefined {
  return variableGetter(name)(ctx);
}
