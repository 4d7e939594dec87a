/**
 * The request nginx 1.22 sends to an upstream (ngx_http_proxy_create_request
 * and ngx_http_proxy_init_headers): `METHOD uri HTTP/1.0`, then the
 * `proxy_set_header` fields in config order, then the defaults the config did
 * not override (`Host: $proxy_host`, `Connection: close`, `Content-Length`
 * when there is a body), then the client's own fields — minus any whose name
 * one of those lists (even with an empty value) and minus the hop-by-hop ones
 * nginx blanks (`TE`, `Keep-Alive`, `Expect`, `Upgrade`). A field whose value
 * comes out empty is not sent. No `X-Real-IP` or `X-Forwarded-For` is added.
 */
import { PairTexts } from '../../../sim';
import type { LocationBlock, ProxyPass } from '../model';
import type { RequestContext } from './context';
import { headerPlan, passes, type PlannedField } from './headerPlan';
import { headerValues, keptHeaders } from './headers';
import { mapProxyUri, normalizedFromContext, proxyHost } from './proxyUri';
import { expandVariables } from './template';

/** What goes on the wire to the upstream (the body, if any, is the client's). */
export interface UpstreamRequestHead {
  method: string;
  /** Path and query as on the request line. */
  uri: string;
  httpVersion: 'HTTP/1.0';
  headers: [string, string][];
  /** `GET /login HTTP/1.0`. */
  requestLine: string;
  /** `$proxy_host`. */
  proxyHost: string;
  /** The upstream group to balance over. */
  upstream: string;
}

export interface UpstreamOptions {
  /**
   * Length of the request body nginx read (it buffers the body, so a chunked
   * client body also goes out with Content-Length). Default: the client's
   * Content-Length, if any.
   */
  bodyLength?: number;
  /** The URI came from an internal redirect (see mapProxyUri). */
  internal?: boolean;
}

/** Upstream request lines by method, then URI: a run sends the same few again and again, so each is made once (bounded, see PairTexts). */
const requestLines = new PairTexts<string, string>((method, uri) => `${method} ${uri} HTTP/1.0`);

/** `METHOD uri HTTP/1.0`, the same string each time it is asked for (see labels.ts). */
function upstreamRequestLine(method: string, uri: string): string {
  return requestLines.get(method, uri);
}

function clientBodyLength(ctx: RequestContext): number | undefined {
  const cl = headerValues(ctx.headers, 'content_length')[0];
  return cl !== undefined && /^\d+$/.test(cl.trim()) ? Number(cl.trim()) : undefined;
}

/**
 * The URI on the upstream request line (mapProxyUri). Without variables, a
 * URI part or an internal redirect it is the client's target as sent, which
 * the context already holds: no parsed view of the target is made for it.
 */
function upstreamUri(pass: ProxyPass, location: LocationBlock, ctx: RequestContext, internal: boolean): string {
  if (!pass.hasVariables && (pass.uri === undefined || pass.uri === '') && !internal) return ctx.requestUri;
  return mapProxyUri(pass, location, normalizedFromContext(ctx), internal ? { ctx, internal: true } : { ctx });
}

/**
 * Build the upstream request for a location with proxy_pass. `ctx` is the
 * client request (its `proxyHost` is filled in here for the expansion: the
 * context is changed).
 */
export function buildUpstreamRequest(location: LocationBlock, ctx: RequestContext, opts: UpstreamOptions = {}): UpstreamRequestHead {
  const pass = location.conf.proxyPass;
  if (!pass) throw new Error(`location ${location.pattern} has no proxy_pass`);
  const host = proxyHost(pass, ctx);
  // Filled in before anything is expanded, so `$proxy_host` reads it (and the context is not copied per request).
  ctx.proxyHost = host;
  const uri = upstreamUri(pass, location, ctx, opts.internal === true);

  const plan = headerPlan(location);
  const headers: [string, string][] = [];
  for (let i = 0; i < plan.fields.length; i++) {
    const planned = plan.fields[i] as PlannedField;
    // A fixed field is the plan's own pair: header fields are read, never changed in place.
    if (planned.kind === 'fixed') {
      headers.push(planned.field);
      continue;
    }
    let value: string;
    if (planned.kind === 'body') {
      const bodyLength = opts.bodyLength ?? clientBodyLength(ctx);
      value = bodyLength === undefined ? '' : String(bodyLength);
    } else value = expandVariables(planned.template, ctx);
    if (value !== '') headers.push([planned.name, value]);
  }
  const kept = keptHeaders(ctx.headers);
  for (let i = 0; i < kept.length; i++) {
    const field = kept[i] as [string, string];
    // The client's field itself: header fields are read, never changed in place.
    if (passes(plan, field[0])) headers.push(field);
  }
  return {
    method: ctx.method,
    uri,
    httpVersion: 'HTTP/1.0',
    headers,
    requestLine: upstreamRequestLine(ctx.method, uri),
    proxyHost: host,
    upstream: pass.upstream,
  };
}
