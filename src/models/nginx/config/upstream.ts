/**
 * `upstream {}` blocks and what goes in them: `server` lines with their
 * parameters, the balancing methods and `zone` (ngx_http_upstream_module and
 * the hash, ip_hash, least_conn, random and zone modules), plus
 * `ngx_http_upstream_add`, which `proxy_pass` shares to find or create the
 * group a URL names.
 */
import type { SourcePos, UpstreamServer } from '../model';
import { CTX } from './directives';
import type { Handler, Parser } from './parser';
import { UPS, type HttpNode, type UpstreamNode } from './tree';
import { atoi, parseSize, parseTime } from './units';
import { formatAddress, parseUrl, type ParsedUrl } from './url';
import { once, useVariables } from './values';

const ALL_PARAMS = UPS.weight | UPS.maxConns | UPS.maxFails | UPS.failTimeout | UPS.down;

/**
 * ngx_http_upstream_add: finds the group `host` (case-insensitively) or
 * creates it. `create` is set for an `upstream {}` block; `url` is set for a
 * `proxy_pass` target.
 */
export function upstreamAdd(
  p: Parser,
  http: HttpNode,
  host: string,
  create: boolean,
  url: ParsedUrl | undefined,
  pos: SourcePos,
): UpstreamNode {
  const port = url?.port ?? 0;
  const noPort = url?.noPort ?? true;
  for (const u of http.upstreams) {
    if (u.host.toLowerCase() !== host.toLowerCase()) continue;
    const uCreate = (u.flags & UPS.create) !== 0;
    if (create && uCreate) p.fail(`duplicate upstream "${host}"`);
    if (uCreate && !noPort) p.fail(`upstream "${host}" may not have port ${port}`);
    if (create && !u.noPort) {
      p.failAt(`upstream "${host}" may not have port ${u.port}`, u.pos);
    }
    if (u.port && port && u.port !== port) continue;
    if (create) {
      u.flags = UPS.create | ALL_PARAMS | UPS.backup;
      u.port = 0;
      u.implicit = false;
      u.name = host;
    }
    return u;
  }
  const node: UpstreamNode = {
    kind: 'upstream',
    seen: new Set(),
    name: create ? host : `${host}:${port}`,
    host,
    method: { kind: 'round_robin' },
    methodSet: false,
    servers: [],
    implicit: !create,
    flags: create ? UPS.create | ALL_PARAMS | UPS.backup : 0,
    port,
    noPort,
    pos,
  };
  if (url?.unix) {
    node.servers.push(defaultServer(url.host, [url.host], pos));
  } else if (url && url.ips.length === 1) {
    // An IP literal needs no resolution: nginx makes its one peer right away.
    node.servers.push(defaultServer(`${url.host}:${port}`, [formatAddress(url.ips[0] ?? '', port)], pos));
  }
  http.upstreams.push(node);
  return node;
}

/** A peer with nginx's defaults: weight 1, max_fails 1, fail_timeout 10 s. */
export function defaultServer(spec: string, addresses: string[], pos: SourcePos): UpstreamServer {
  return { spec, addresses, weight: 1, maxFails: 1, failTimeoutMs: 10_000, maxConns: 0, backup: false, down: false, pos };
}

function parseServerParams(p: Parser, ups: UpstreamNode, params: string[], s: UpstreamServer): void {
  for (const v of params) {
    const invalid = (): never => p.fail(`invalid parameter "${v}"`);
    const need = (flag: number): void => {
      if (!(ups.flags & flag)) p.fail(`balancing method does not support parameter "${v}"`);
    };
    if (v.startsWith('weight=')) {
      need(UPS.weight);
      const n = atoi(v.slice(7));
      if (Number.isNaN(n) || n === 0) invalid();
      s.weight = n;
    } else if (v.startsWith('max_conns=')) {
      need(UPS.maxConns);
      const n = atoi(v.slice(10));
      if (Number.isNaN(n)) invalid();
      s.maxConns = n;
    } else if (v.startsWith('max_fails=')) {
      need(UPS.maxFails);
      const n = atoi(v.slice(10));
      if (Number.isNaN(n)) invalid();
      s.maxFails = n;
    } else if (v.startsWith('fail_timeout=')) {
      need(UPS.failTimeout);
      const sec = parseTime(v.slice(13), true);
      if (Number.isNaN(sec)) invalid();
      s.failTimeoutMs = sec * 1000;
    } else if (v === 'backup') {
      need(UPS.backup);
      s.backup = true;
    } else if (v === 'down') {
      need(UPS.down);
      s.down = true;
    } else {
      invalid();
    }
  }
}

/** Sets a balancing method; nginx only warns when one replaces another. */
function setMethod(ups: UpstreamNode, method: UpstreamNode['method'], flags: number): void {
  ups.method = method;
  ups.methodSet = true;
  ups.flags = UPS.create | flags;
}

/** Upstream zones by name, to tell a zone's size from a missing one after parsing. */
export interface ZoneUse {
  name: string;
  size: number;
  pos: SourcePos;
}
export const zonesOf = new WeakMap<Parser, ZoneUse[]>();

export const upstreamHandlers: Record<string, Handler> = {
  upstream: (p, d) => {
    const http = p.http;
    if (!http) return;
    const name = d.args[0] ?? '';
    const ups = upstreamAdd(p, http, name, true, undefined, d.pos);
    ups.blockPos = d.pos;
    p.parseBlock(CTX.ups, ups);
    if (ups.servers.length === 0) p.fail('no servers are inside upstream');
  },

  server: (p, d) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    const value = d.args[0] ?? '';
    const s = defaultServer(value, [], d.pos);
    parseServerParams(p, ups, d.args.slice(1), s);
    const r = parseUrl(value, { defaultPort: 80, resolve: p.opts.resolve });
    if (!r.ok) return p.fail(`${r.err} in upstream "${value}"`);
    s.addresses = r.url.unix ? [r.url.host] : r.url.ips.map((ip) => formatAddress(ip, r.url.port));
    ups.servers.push(s);
  },

  hash: (p, d) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    const key = d.args[0] ?? '';
    useVariables(p, key);
    if (d.args.length === 2 && d.args[1] !== 'consistent') p.fail(`invalid parameter "${d.args[1]}"`);
    setMethod(ups, { kind: 'hash', key, consistent: d.args.length === 2 }, ALL_PARAMS);
  },

  ip_hash: (p) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    setMethod(ups, { kind: 'ip_hash' }, ALL_PARAMS);
  },

  least_conn: (p) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    setMethod(ups, { kind: 'least_conn' }, ALL_PARAMS | UPS.backup);
  },

  random: (p, d) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    const [first, second] = d.args;
    if (first !== undefined && first !== 'two') p.fail(`invalid parameter "${first}"`);
    if (second !== undefined && second !== 'least_conn') p.fail(`invalid parameter "${second}"`);
    setMethod(ups, { kind: 'random', two: first === 'two', leastConn: second === 'least_conn' }, ALL_PARAMS);
  },

  zone: (p, d) => {
    const ups = p.node;
    if (ups.kind !== 'upstream') return;
    const [name = '', sizeText] = d.args;
    if (name.length === 0) p.fail(`invalid zone name "${name}"`);
    let size = 0;
    if (sizeText !== undefined) {
      size = parseSize(sizeText);
      if (Number.isNaN(size)) p.fail(`invalid zone size "${sizeText}"`);
      // nginx wants at least 8 pages (4 KiB each on Linux).
      if (size < 8 * 4096) p.fail(`zone "${name}" is too small`);
    }
    const zones = zonesOf.get(p) ?? [];
    zonesOf.set(p, zones);
    const same = zones.find((z) => z.name === name);
    if (same && same.size && size && same.size !== size) {
      p.fail(`the size ${size} of shared memory zone "${name}" conflicts with already declared size ${same.size}`);
    }
    if (same) same.size ||= size;
    else zones.push({ name, size, pos: p.here() });
    ups.zone = name;
  },

  keepalive: (p, d) => {
    once(p, d);
    const n = atoi(d.args[0] ?? '');
    if (Number.isNaN(n) || n === 0) p.fail(`invalid value "${d.args[0]}" in "${d.name}" directive`);
  },
};
