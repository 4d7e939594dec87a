/**
 * ngx_http_proxy_module's directives that the simulation models:
 * `proxy_pass` (and the implicit upstream it may create), `proxy_set_header`,
 * `proxy_next_upstream*` and the three timeouts.
 */
import type { ProxyPass } from '../model';
import type { Directive, Handler, Parser } from './parser';
import type { LevelSettings } from './tree';
import { upstreamAdd } from './upstream';
import { atoi, parseTime } from './units';
import { parseUrl } from './url';
import { once, useVariables } from './values';
import { scanVariables } from './variables';

/** proxy_next_upstream's values in nginx's bitmask order. */
export const NEXT_UPSTREAM_FLAGS = [
  'error',
  'timeout',
  'invalid_header',
  'http_500',
  'http_502',
  'http_503',
  'http_504',
  'http_403',
  'http_404',
  'http_429',
  'updating',
  'non_idempotent',
  'off',
];

function settingsOf(p: Parser): LevelSettings | undefined {
  const n = p.node;
  return n.kind === 'http' || n.kind === 'server' || n.kind === 'location' || n.kind === 'if' || n.kind === 'limit_except'
    ? n.settings
    : undefined;
}

function msecSlot(key: keyof LevelSettings): Handler {
  return (p, d) => {
    once(p, d);
    const ms = parseTime(d.args[0] ?? '', false);
    if (Number.isNaN(ms)) p.failDirective(d, 'invalid value');
    const s = settingsOf(p);
    if (s) (s as Record<string, unknown>)[key] = ms;
  };
}

function proxyPass(p: Parser, d: Directive): void {
  const node = p.node;
  const s = settingsOf(p);
  if (!s || !p.http) return;
  if (s.proxyPass) p.failDirective(d, 'is duplicate');
  const url = d.args[0] ?? '';
  const scan = scanVariables(url);
  if ('names' in scan && scan.names.length > 0) {
    useVariables(p, url);
    const host = /^[a-z]+:\/\/([^/]*)/i.exec(url)?.[1] ?? url;
    s.proxyPass = { url, upstream: host, hasVariables: true };
    return;
  }
  let add: number;
  let scheme: 'http' | 'https';
  if (url.slice(0, 7).toLowerCase() === 'http://') {
    add = 7;
    scheme = 'http';
  } else if (url.slice(0, 8).toLowerCase() === 'https://') {
    add = 8;
    scheme = 'https';
  } else {
    return p.fail('invalid URL prefix');
  }
  const rest = url.slice(add);
  const r = parseUrl(rest, { uriPart: true, noResolve: true, defaultPort: scheme === 'http' ? 80 : 443, resolve: p.opts.resolve });
  if (!r.ok) return p.fail(`${r.err} in upstream "${rest}"`);
  const ups = upstreamAdd(p, p.http, r.url.host, false, r.url, d.pos);
  const pass: ProxyPass = { url, upstream: ups.name, hasVariables: false, ...(scheme === 'https' ? { scheme } : {}) };
  if (r.url.uri !== undefined) pass.uri = r.url.uri;
  const nameless = node.kind === 'if' || node.kind === 'limit_except';
  const regexOrNamed = node.kind === 'location' && (node.modifier === '~' || node.modifier === '~*' || node.modifier === '@');
  if ((nameless || regexOrNamed) && r.url.uri !== undefined) {
    p.fail(
      '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, ' +
        'or inside "if" statement, or inside "limit_except" block',
    );
  }
  s.proxyPass = pass;
  p.http.passes.push({ pass, upstream: ups });
}

export const proxyHandlers: Record<string, Handler> = {
  proxy_pass: proxyPass,

  proxy_set_header: (p, d) => {
    const [name = '', value = ''] = d.args;
    useVariables(p, value);
    const s = settingsOf(p);
    if (s) s.proxySetHeaders = [...(s.proxySetHeaders ?? []), [name, value]];
  },

  proxy_next_upstream: (p, d) => {
    const s = settingsOf(p);
    const flags = new Set(s?.proxyNextUpstream ?? []);
    for (const v of d.args) {
      const f = NEXT_UPSTREAM_FLAGS.find((x) => x === v.toLowerCase());
      if (!f) return p.fail(`invalid value "${v}"`);
      flags.add(f);
    }
    if (s) s.proxyNextUpstream = NEXT_UPSTREAM_FLAGS.filter((f) => flags.has(f));
  },

  proxy_next_upstream_tries: (p, d) => {
    once(p, d);
    const n = atoi(d.args[0] ?? '');
    if (Number.isNaN(n)) p.failDirective(d, 'invalid number');
    const s = settingsOf(p);
    if (s) s.proxyNextUpstreamTries = n;
  },

  proxy_next_upstream_timeout: msecSlot('proxyNextUpstreamTimeoutMs'),
  proxy_connect_timeout: msecSlot('proxyConnectTimeoutMs'),
  proxy_send_timeout: msecSlot('proxySendTimeoutMs'),
  proxy_read_timeout: msecSlot('proxyReadTimeoutMs'),
};
