/**
 * Where `proxy_pass` sends a request and with which URI
 * (ngx_http_proxy_module.c: ngx_http_proxy_pass, ngx_http_proxy_set_vars,
 * ngx_http_proxy_create_request):
 *
 * - no URI part (`http://up`): the client's request target, byte for byte,
 *   arguments included (`/raw//a/../x%20?a=%20` goes out unchanged);
 * - a URI part (`http://up/x/`): the matched location prefix of the
 *   normalized URI is replaced by it, the rest re-escaped if the client's
 *   path had `%`, then `?args` (so `location /noslash` + `http://up/` sends
 *   `/noslash/x` as `//x`);
 * - variables in the URL: the URI part, once expanded, is sent exactly as it
 *   is (no arguments added); without a URI part, as the first case.
 */
import type { LocationBlock, ProxyPass } from '../model';
import { escapeUri } from './bytes';
import type { RequestContext } from './context';
import type { NormalizedUri } from './normalizeUri';
import { expandVariables } from './template';
import { BoundedCache } from '../../../sim';

/** A proxy_pass URL taken apart the way ngx_parse_url does. */
export interface ProxyUrl {
  scheme: 'http' | 'https';
  /** `host[:port]` as written (for `unix:` URLs, `unix:/path`). */
  authority: string;
  /** `$proxy_host`: the host, plus `:port` as written unless it is the scheme's default. */
  hostHeader: string;
  /** The URI part, undefined when the URL has none. */
  uri?: string;
}

/** Split a proxy_pass URL; undefined when it is not `http://` or `https://`. */
export function splitProxyUrl(url: string): ProxyUrl | undefined {
  const m = /^(https?):\/\//i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http';
  const rest = url.slice(m[0].length);
  if (rest.toLowerCase().startsWith('unix:')) {
    // http://unix:/path/to.sock:/uri — the URI follows the colon after the socket path.
    const colon = rest.indexOf(':', 5);
    const parts: ProxyUrl = { scheme, authority: colon < 0 ? rest : rest.slice(0, colon), hostHeader: 'localhost' };
    if (colon >= 0) parts.uri = rest.slice(colon + 1);
    return parts;
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(authority);
  const host = portMatch?.[1] ?? authority;
  const port = portMatch?.[2];
  const defaultPort = scheme === 'https' ? 443 : 80;
  const hostHeader = port === undefined || Number(port) === defaultPort ? host : `${host}:${port}`;
  const parts: ProxyUrl = { scheme, authority, hostHeader };
  if (slash >= 0) parts.uri = rest.slice(slash);
  return parts;
}

/** The URL with its variables expanded, when it has any and a context is given. */
function effectiveUrl(proxyPass: ProxyPass, ctx?: RequestContext): string {
  return proxyPass.hasVariables && ctx ? expandVariables(proxyPass.url, ctx) : proxyPass.url;
}

/**
 * The host header of each proxy_pass URL without variables, by URL: a pure
 * function of the text, so it is split once rather than per request. Bounded.
 */
const urlHosts = new BoundedCache<string, string | undefined>(1024, (url) => splitProxyUrl(url)?.hostHeader);

function fixedHostHeader(url: string): string | undefined {
  return urlHosts.get(url);
}

/** `$proxy_host` for this proxy_pass (`auth`, `auth:8080`, `localhost` for unix sockets). */
export function proxyHost(proxyPass: ProxyPass, ctx?: RequestContext): string {
  const host = proxyPass.hasVariables && ctx ? splitProxyUrl(effectiveUrl(proxyPass, ctx))?.hostHeader : fixedHostHeader(proxyPass.url);
  return host ?? proxyPass.upstream;
}

export interface MapOptions {
  /** Needed when the URL has variables. */
  ctx?: RequestContext;
  /**
   * The URI was changed by an internal redirect (index): nginx then no longer
   * trusts the client's target and rebuilds it from `$uri`, escaped.
   */
  internal?: boolean;
}

/**
 * The URI on the upstream request line. `location` is where proxy_pass is
 * written (its prefix is what gets replaced); `normalized` is the client's
 * request target after normalizeUri.
 */
export function mapProxyUri(
  proxyPass: ProxyPass,
  location: Pick<LocationBlock, 'modifier' | 'pattern'> | undefined,
  normalized: NormalizedUri,
  opts: MapOptions = {},
): string {
  let uriPart = proxyPass.uri;
  if (proxyPass.hasVariables && opts.ctx) {
    uriPart = splitProxyUrl(effectiveUrl(proxyPass, opts.ctx))?.uri;
    if (uriPart !== undefined && uriPart !== '') return uriPart;
    uriPart = undefined;
  }
  if ((uriPart === undefined || uriPart === '') && !opts.internal) return normalized.raw;
  const prefixed = location !== undefined && (location.modifier === '' || location.modifier === '=' || location.modifier === '^~');
  const cut = uriPart !== undefined && uriPart !== '' && prefixed ? location.pattern.length : 0;
  const rest = normalized.uri.slice(cut);
  const tail = normalized.quoted || opts.internal ? escapeUri(rest) : rest;
  return `${uriPart ?? ''}${tail}${normalized.args !== '' ? `?${normalized.args}` : ''}`;
}

/** The parsed-target view of a context, for mapProxyUri when only the context is at hand. */
export function normalizedFromContext(ctx: RequestContext): NormalizedUri {
  // The path is the target up to the first "?" or "#": was there a "%" before it?
  const raw = ctx.requestUri;
  const query = raw.indexOf('?');
  const fragment = raw.indexOf('#');
  const end = query < 0 ? (fragment < 0 ? raw.length : fragment) : fragment < 0 ? query : Math.min(query, fragment);
  const percent = raw.indexOf('%');
  return { uri: ctx.uri, args: ctx.args, raw, quoted: percent >= 0 && percent < end };
}
