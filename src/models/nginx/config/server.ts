/**
 * `server {}` in http, `listen` and `server_name` (ngx_http_core_module),
 * including nginx's checks across servers: one default server per address,
 * no address twice in one server, listen options set once per address.
 */
import type { Listen } from '../model';
import { CTX } from './directives';
import type { Handler, Parser } from './parser';
import { newSettingsLevel, type HttpNode, type ServerNode } from './tree';
import { atoi, parseSize } from './units';
import { parseUrl } from './url';
import { defineCaptures } from './values';

/** Per http block: what each `addr:port` has seen so far. */
interface AddrState {
  servers: Set<ServerNode>;
  hasDefault: boolean;
  optionsSet: boolean;
}
const registries = new WeakMap<HttpNode, Map<string, AddrState>>();

function registry(http: HttpNode): Map<string, AddrState> {
  let r = registries.get(http);
  if (!r) {
    r = new Map();
    registries.set(http, r);
  }
  return r;
}

interface ListenOptions {
  defaultServer: boolean;
  /** Any socket option (bind, backlog…): nginx allows them once per address. */
  set: boolean;
}

function parseListenParams(p: Parser, params: string[]): ListenOptions {
  const o: ListenOptions = { defaultServer: false, set: false };
  const bad = (what: string, v: string): never => p.fail(`invalid ${what} "${v}"`);
  for (const v of params) {
    if (v === 'default_server' || v === 'default') o.defaultServer = true;
    else if (v === 'bind' || v === 'deferred' || v === 'reuseport') o.set = true;
    else if (v === 'ssl' || v === 'http2' || v === 'proxy_protocol') continue;
    else if (v.startsWith('setfib=')) {
      o.set = true;
      if (Number.isNaN(atoi(v.slice(7)))) bad('setfib', v);
    } else if (v.startsWith('fastopen=')) {
      o.set = true;
      if (Number.isNaN(atoi(v.slice(9)))) bad('fastopen', v);
    } else if (v.startsWith('backlog=')) {
      o.set = true;
      const n = atoi(v.slice(8));
      if (Number.isNaN(n) || n === 0) bad('backlog', v);
    } else if (v.startsWith('rcvbuf=')) {
      o.set = true;
      if (Number.isNaN(parseSize(v.slice(7)))) bad('rcvbuf', v);
    } else if (v.startsWith('sndbuf=')) {
      o.set = true;
      if (Number.isNaN(parseSize(v.slice(7)))) bad('sndbuf', v);
    } else if (v.startsWith('accept_filter=')) o.set = true;
    else if (v.startsWith('ipv6only=')) {
      o.set = true;
      const f = v.slice(9);
      if (f !== 'on' && f !== 'off') p.fail(`invalid parameter "${v}"`);
    } else if (v.startsWith('so_keepalive=')) o.set = true;
    else p.fail(`invalid parameter "${v}"`);
  }
  return o;
}

/** ngx_http_add_addresses' checks for one address of one server. */
function addListen(p: Parser, http: HttpNode, server: ServerNode, addrText: string, o: ListenOptions): void {
  const reg = registry(http);
  let st = reg.get(addrText);
  if (!st) {
    st = { servers: new Set(), hasDefault: false, optionsSet: false };
    reg.set(addrText, st);
  }
  if (o.set && st.optionsSet) p.fail(`duplicate listen options for ${addrText}`);
  if (st.servers.has(server)) p.fail(`a duplicate listen ${addrText}`);
  if (o.defaultServer) {
    if (st.hasDefault) p.fail(`a duplicate default server for ${addrText}`);
    st.hasDefault = true;
  }
  st.optionsSet ||= o.set;
  st.servers.add(server);
}

function addrText(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const serverHandlers: Record<string, Handler> = {
  listen: (p, d) => {
    const server = p.node;
    const http = p.http;
    if (server.kind !== 'server' || !http) return;
    const value = d.args[0] ?? '';
    const r = parseUrl(value, { listen: true, defaultPort: 80, resolve: p.opts.resolve });
    if (!r.ok) return p.fail(`${r.err} in "${value}" of the "listen" directive`);
    const o = parseListenParams(p, d.args.slice(1));
    const u = r.url;
    if (u.unix) {
      addListen(p, http, server, u.host, o);
      server.listens.push({ addr: u.host, port: 0, defaultServer: o.defaultServer });
      return;
    }
    for (const ip of u.ips) {
      addListen(p, http, server, addrText(ip, u.port), o);
      const addr = u.host === '*' ? '*' : ip.includes(':') ? `[${ip}]` : ip;
      server.listens.push({ addr, port: u.port, defaultServer: o.defaultServer });
    }
  },

  server_name: (p, d) => {
    const server = p.node;
    if (server.kind !== 'server') return;
    for (const name of d.args) {
      const ch = name[0];
      if ((ch === '*' && (name.length < 3 || name[1] !== '.')) || (ch === '.' && name.length < 2)) {
        p.fail(`server name "${name}" is invalid`);
      }
      if (ch === '~') defineCaptures(p, name.slice(1));
      server.serverNames.push(name);
    }
  },
};

/** `server {}` inside `http {}` (the upstream `server` is handled in upstream.ts). */
export const httpServerBlock: Handler = (p, d) => {
  const http = p.http;
  if (!http) return;
  const server: ServerNode = { ...newSettingsLevel('server', d.pos), listens: [], serverNames: [], locations: [] };
  http.servers.push(server);
  p.parseBlock(CTX.srv, server);
  if (server.listens.length === 0) {
    // nginx listens on *:80 (when run as root) for a server without `listen`.
    addListen(p, http, server, '0.0.0.0:80', { defaultServer: false, set: false });
    const dflt: Listen = { addr: '*', port: 80, defaultServer: false };
    server.listens.push(dflt);
  }
  if (server.serverNames.length === 0) server.serverNames.push('');
};
