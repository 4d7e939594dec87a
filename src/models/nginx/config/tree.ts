/**
 * What the parser records while it reads, before inheritance is resolved:
 * one node per block, holding only what was written at that level (unset
 * fields stay undefined, as nginx's NGX_CONF_UNSET does until merge time).
 */
import type { BalanceMethod, Listen, ProxyPass, Return, SourcePos, UpstreamServer } from '../model';

/** Values of the location-level settings the simulation models, as written at one level. */
export interface LevelSettings {
  root?: string;
  alias?: string;
  index?: string[];
  proxyPass?: ProxyPass;
  proxySetHeaders?: [string, string][];
  proxyNextUpstream?: string[];
  proxyNextUpstreamTries?: number;
  proxyNextUpstreamTimeoutMs?: number;
  proxyConnectTimeoutMs?: number;
  proxySendTimeoutMs?: number;
  proxyReadTimeoutMs?: number;
  accessLog?: { path: string; format: string }[];
  accessLogOff?: boolean;
  errorLog?: { path: string; level: string };
  return?: Return;
}

/** Common to every block that carries settings; `seen` serves the "is duplicate" checks. */
interface LevelBase {
  settings: LevelSettings;
  seen: Set<string>;
  pos: SourcePos;
}

export interface MainNode {
  kind: 'main';
  seen: Set<string>;
  workerProcesses?: number | 'auto';
  errorLog?: { path: string; level: string };
  events: boolean;
  http?: HttpNode;
}

export interface EventsNode {
  kind: 'events';
  seen: Set<string>;
}

export interface HttpNode extends LevelBase {
  kind: 'http';
  servers: ServerNode[];
  upstreams: UpstreamNode[];
  logFormats: Map<string, string>;
  /** Every static proxy_pass and its group, whose final name is known only when `http {}` ends. */
  passes: { pass: ProxyPass; upstream: UpstreamNode }[];
}

export interface ServerNode extends LevelBase {
  kind: 'server';
  listens: Listen[];
  serverNames: string[];
  locations: LocationNode[];
}

export interface LocationNode extends LevelBase {
  kind: 'location';
  modifier: '' | '=' | '^~' | '~' | '~*' | '@';
  pattern: string;
  locations: LocationNode[];
}

/** An `if` or `limit_except` block: nginx's nameless locations. */
export interface NamelessNode extends LevelBase {
  kind: 'if' | 'limit_except';
}

export type LevelNode = HttpNode | ServerNode | LocationNode | NamelessNode;

/** nginx's NGX_HTTP_UPSTREAM_* flags: which `server` parameters the method allows. */
export const UPS = {
  create: 1,
  weight: 2,
  maxFails: 4,
  failTimeout: 8,
  down: 16,
  backup: 32,
  maxConns: 64,
} as const;

export interface UpstreamNode {
  kind: 'upstream';
  seen: Set<string>;
  name: string;
  /** nginx's uscf->host: the block name, or the host of an implicit group. */
  host: string;
  method: BalanceMethod;
  /** Set once a method directive ran (for the "load balancing method redefined" rule). */
  methodSet: boolean;
  servers: UpstreamServer[];
  zone?: string;
  implicit: boolean;
  flags: number;
  /** The port of an implicit upstream (0 = from a block), and whether it was written. */
  port: number;
  noPort: boolean;
  /** Where nginx records the group: the block, or the `proxy_pass` that created it. */
  pos: SourcePos;
  blockPos?: SourcePos;
}

export type AnyNode = MainNode | EventsNode | LevelNode | UpstreamNode;

export function newSettingsLevel<K extends LevelNode['kind']>(kind: K, pos: SourcePos) {
  return { kind, settings: {}, seen: new Set<string>(), pos };
}
