/**
 * The typed nginx configuration model: the contract between the config parser
 * (`config/`), the request router (`routing/`), the upstream balancer
 * (`upstream/`) and the request processor that ties them to the engine.
 *
 * The parser produces it with inheritance already resolved, the way nginx's
 * merge_conf callbacks do, so consumers never walk up the block tree.
 */

/** Where a directive or block stands in the configuration, for messages like `nginx -t`'s. */
export interface SourcePos {
  file: string;
  line: number;
}

/** A whole, checked configuration as `nginx -t` would accept it. */
export interface NginxConfig {
  /** `worker_processes`; `auto` is kept as written, the processor decides what it means. */
  workerProcesses: number | 'auto';
  upstreams: UpstreamBlock[];
  servers: ServerBlock[];
  /** `log_format` name → format string (with `combined` always present). */
  logFormats: Record<string, string>;
  /** Valid directives the simulation accepts but does not model, in file order. */
  notSimulated: NotSimulated[];
}

export interface NotSimulated extends SourcePos {
  directive: string;
}

/** Balancing method of an upstream group. */
export type BalanceMethod =
  | { kind: 'round_robin' }
  | { kind: 'least_conn' }
  | { kind: 'ip_hash' }
  | { kind: 'hash'; key: string; consistent: boolean }
  | { kind: 'random'; two: boolean; leastConn: boolean };

/** One `server` line of an upstream, or one address of an implicit upstream. */
export interface UpstreamServer {
  /** The server as written (`auth-service:80`, `10.0.1.10:3000`, `unix:/x`), used by ketama hashing. */
  spec: string;
  /** Resolved `ip:port` addresses, in resolver order; a name may give several peers. */
  addresses: string[];
  weight: number;
  maxFails: number;
  failTimeoutMs: number;
  maxConns: number;
  backup: boolean;
  down: boolean;
  pos: SourcePos;
}

export interface UpstreamBlock {
  name: string;
  method: BalanceMethod;
  servers: UpstreamServer[];
  /** `zone name [size]`: run-time state shared by all workers. */
  zone?: string;
  /** Created by `proxy_pass http://host:port` rather than an `upstream {}` block. */
  implicit: boolean;
  /**
   * nginx's own name for the group, which `$upstream_addr` shows when no peer
   * is live: the block's name, or only the host of an implicit `host:port` one.
   */
  host?: string;
  pos: SourcePos;
}

export interface Listen {
  /** `*` for a port-only listen, else the IP as written (`127.0.0.1`). */
  addr: string;
  port: number;
  defaultServer: boolean;
}

/** `proxy_pass` target, split the way ngx_http_proxy_module splits it. */
export interface ProxyPass {
  /** The URL as written, e.g. `http://auth/`. */
  url: string;
  /** Upstream group name (an explicit block or an implicit `host:port` one). */
  upstream: string;
  /** The URI part (`/`, `/api/`), or undefined when there is none. */
  uri?: string;
  /** True when the URL contains variables (then resolution happens at run time). */
  hasVariables: boolean;
  /** `https` for an `https://` URL; absent means `http`. */
  scheme?: 'http' | 'https';
}

/** `return code [text|URL]` / `return URL`. */
export interface Return {
  code: number;
  /** Text or URL, with variables still unexpanded. */
  text?: string;
}

/**
 * Effective settings of a server or location after nginx's merge: every field
 * holds the value that applies there, defaults included.
 */
export interface Conf {
  /** `root` (default `html`, relative to the prefix), or undefined when `alias` is set. */
  root: string;
  alias?: string;
  index: string[];
  proxyPass?: ProxyPass;
  return?: Return;
  /** `proxy_set_header` pairs in order, after the "inherited only if none here" rule. */
  proxySetHeaders: [string, string][];
  /** `proxy_next_upstream` flags: `error`, `timeout`, `invalid_header`, `http_500`…, `non_idempotent`, or `off`. */
  proxyNextUpstream: string[];
  proxyNextUpstreamTries: number;
  proxyNextUpstreamTimeoutMs: number;
  proxyConnectTimeoutMs: number;
  proxySendTimeoutMs: number;
  proxyReadTimeoutMs: number;
  /** `access_log path [format]`, or `off`. */
  accessLog: { path: string; format: string }[] | 'off';
  errorLog?: { path: string; level: string };
}

export type LocationModifier = '' | '=' | '^~' | '~' | '~*' | '@';

export interface LocationBlock {
  modifier: LocationModifier;
  /** The prefix, exact URI, regex source or `@name`. */
  pattern: string;
  conf: Conf;
  locations: LocationBlock[];
  pos: SourcePos;
}

export interface ServerBlock {
  listens: Listen[];
  /** Server names as written: `example.com`, `*.example.com`, `mail.*`, `~^api\d+`, `""`, `_`. */
  serverNames: string[];
  /** Settings at server level (used when no location matches, and for server-level `return`). */
  conf: Conf;
  locations: LocationBlock[];
  pos: SourcePos;
}

/** A configuration error, worded and placed as `nginx -t` does. */
export interface ConfigError {
  /** e.g. `unknown directive "proxy_pas"`. */
  message: string;
  file: string;
  line: number;
  /**
   * True when nginx prints this error without ` in FILE:LINE` (for example
   * `unknown "foo" variable`, found after parsing); `file` and `line` then
   * point at the use that caused it.
   */
  unplaced?: boolean;
}
