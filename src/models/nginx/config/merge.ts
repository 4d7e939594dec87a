/**
 * Inheritance, as nginx's merge_loc_conf callbacks resolve it: each level
 * takes what it did not set from the level around it, then nginx's defaults.
 *
 * - `root`/`alias` share one slot: a level with neither inherits the outer
 *   one's (alias included), default `html`.
 * - Arrays (`index`, `proxy_set_header`, `access_log`) are inherited whole,
 *   and only when the level defines none.
 * - `proxy_pass` and `return` are never inherited into a nested location.
 */
import type { Conf } from '../model';
import type { LevelSettings } from './tree';

/** Defaults of Debian's nginx 1.22.1 build. */
export const DEFAULTS = {
  root: 'html',
  index: ['index.html'],
  proxyNextUpstream: ['error', 'timeout'],
  proxyTimeoutMs: 60_000,
  /** NGX_HTTP_LOG_PATH of Debian's build (`--http-log-path`). */
  accessLog: { path: '/var/log/nginx/access.log', format: 'combined' },
  /** NGX_ERROR_LOG_PATH of Debian's build (`--error-log-path=stderr`). */
  errorLog: { path: 'stderr', level: 'error' },
} as const;

/**
 * Settings of one level with everything it did not set taken from `outer`
 * (the merged settings around it), without defaults applied yet.
 */
export function inherit(outer: LevelSettings, own: LevelSettings): LevelSettings {
  const m: LevelSettings = { ...own };
  if (own.root === undefined && own.alias === undefined) {
    if (outer.root !== undefined) m.root = outer.root;
    if (outer.alias !== undefined) m.alias = outer.alias;
  }
  m.index = own.index ?? outer.index;
  m.proxySetHeaders = own.proxySetHeaders ?? outer.proxySetHeaders;
  m.proxyNextUpstream = own.proxyNextUpstream ?? outer.proxyNextUpstream;
  m.proxyNextUpstreamTries = own.proxyNextUpstreamTries ?? outer.proxyNextUpstreamTries;
  m.proxyNextUpstreamTimeoutMs = own.proxyNextUpstreamTimeoutMs ?? outer.proxyNextUpstreamTimeoutMs;
  m.proxyConnectTimeoutMs = own.proxyConnectTimeoutMs ?? outer.proxyConnectTimeoutMs;
  m.proxySendTimeoutMs = own.proxySendTimeoutMs ?? outer.proxySendTimeoutMs;
  m.proxyReadTimeoutMs = own.proxyReadTimeoutMs ?? outer.proxyReadTimeoutMs;
  if (own.accessLog === undefined && !own.accessLogOff) {
    m.accessLog = outer.accessLog;
    m.accessLogOff = outer.accessLogOff;
  }
  m.errorLog = own.errorLog ?? outer.errorLog;
  // Handlers are per location: not inherited.
  m.proxyPass = own.proxyPass;
  m.return = own.return;
  return m;
}

/** The effective `Conf` of merged settings, with nginx's defaults for what is still unset. */
export function toConf(s: LevelSettings, mainErrorLog?: { path: string; level: string }): Conf {
  const next = s.proxyNextUpstream ?? [...DEFAULTS.proxyNextUpstream];
  const conf: Conf = {
    root: s.alias ?? s.root ?? DEFAULTS.root,
    index: s.index ?? [...DEFAULTS.index],
    proxySetHeaders: (s.proxySetHeaders ?? []).map(([k, v]) => [k, v]),
    proxyNextUpstream: next.includes('off') ? ['off'] : next,
    proxyNextUpstreamTries: s.proxyNextUpstreamTries ?? 0,
    proxyNextUpstreamTimeoutMs: s.proxyNextUpstreamTimeoutMs ?? 0,
    proxyConnectTimeoutMs: s.proxyConnectTimeoutMs ?? DEFAULTS.proxyTimeoutMs,
    proxySendTimeoutMs: s.proxySendTimeoutMs ?? DEFAULTS.proxyTimeoutMs,
    proxyReadTimeoutMs: s.proxyReadTimeoutMs ?? DEFAULTS.proxyTimeoutMs,
    accessLog: s.accessLogOff ? 'off' : (s.accessLog ?? [{ ...DEFAULTS.accessLog }]).map((l) => ({ ...l })),
    errorLog: { ...(s.errorLog ?? mainErrorLog ?? DEFAULTS.errorLog) },
  };
  if (s.alias !== undefined) conf.alias = s.alias;
  if (s.proxyPass) conf.proxyPass = { ...s.proxyPass };
  if (s.return) conf.return = { ...s.return };
  return conf;
}
