/**
 * Small builders for the typed nginx model, so routing tests can write a
 * config the way nginx.conf reads (`loc('~* \\.jpg$')`) without the parser.
 * Defaults are nginx's (root html, index index.html, proxy timeouts 60 s).
 */
import type { RequestContext } from '../../../../src/models/nginx/routing/context';
import type { Conf, Listen, LocationBlock, LocationModifier, ProxyPass, ServerBlock } from '../../../../src/models/nginx/model';

const pos = { file: 'nginx.conf', line: 1 };

/** Effective settings with nginx's defaults. */
export function conf(over: Partial<Conf> = {}): Conf {
  return {
    root: 'html',
    index: ['index.html'],
    proxySetHeaders: [],
    proxyNextUpstream: ['error', 'timeout'],
    proxyNextUpstreamTries: 0,
    proxyNextUpstreamTimeoutMs: 0,
    proxyConnectTimeoutMs: 60_000,
    proxySendTimeoutMs: 60_000,
    proxyReadTimeoutMs: 60_000,
    accessLog: [{ path: '/var/log/nginx/access.log', format: 'combined' }],
    ...over,
  };
}

/** `proxy_pass URL` split the way the parser splits it. */
export function proxy(url: string): ProxyPass {
  const m = /^(https?):\/\/([^/]*)(\/.*)?$/.exec(url);
  if (!m) throw new Error(`bad proxy_pass URL ${url}`);
  const p: ProxyPass = { url, upstream: m[2] ?? '', hasVariables: url.includes('$') };
  if (m[3] !== undefined) p.uri = m[3];
  if (m[1] === 'https') p.scheme = 'https';
  return p;
}

/** `location [modifier] pattern { … }` from how it is written: `loc('^~ /images/')`. */
export function loc(spec: string, over: Partial<Conf> = {}, children: LocationBlock[] = []): LocationBlock {
  const m = /^(=|\^~|~\*|~|@)?\s*(.*)$/.exec(spec);
  const modifier = (m?.[1] ?? '') as LocationModifier;
  return { modifier, pattern: m?.[2] ?? spec, conf: conf(over), locations: children, pos };
}

/** `listen` from how it is written: `80`, `127.0.0.1:8080`, `80 default_server`. */
export function listen(spec: string): Listen {
  const [addrPort = '', flag] = spec.split(/\s+/);
  const m = /^(?:(.*):)?(\d+)$/.exec(addrPort);
  if (!m) throw new Error(`bad listen ${spec}`);
  return { addr: m[1] ?? '*', port: Number(m[2]), defaultServer: flag === 'default_server' };
}

export function server(opts: { listen?: string[]; names?: string[]; locations?: LocationBlock[]; conf?: Partial<Conf> } = {}): ServerBlock {
  return {
    listens: (opts.listen ?? ['80']).map(listen),
    serverNames: opts.names ?? [],
    conf: conf(opts.conf),
    locations: opts.locations ?? [],
    pos,
  };
}

/** A request context for `GET /` from 127.0.0.1 to 127.0.0.1:80, overridable. */
export function ctx(over: Partial<RequestContext> = {}): RequestContext {
  return {
    method: 'GET',
    requestUri: '/',
    httpVersion: '1.1',
    headers: [],
    remoteAddr: '127.0.0.1',
    remotePort: 40000,
    serverAddr: '127.0.0.1',
    serverPort: 80,
    uri: '/',
    args: '',
    host: '',
    serverName: '',
    ...over,
  };
}
