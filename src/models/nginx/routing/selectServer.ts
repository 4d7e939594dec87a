/**
 * Which `server {}` block answers a request (nginx's
 * `ngx_http_init_connection` + `ngx_http_find_virtual_server`, and the rules
 * in server_names.xml / request_processing.xml):
 *
 * 1. the listening socket: servers on a specific `addr:port` listen own
 *    connections to that address; `*:port` servers see only the rest;
 * 2. the Host header (port and trailing dot removed, lower-cased): exact
 *    name, longest `*.suffix`, longest `prefix.*`, first regex in config order;
 * 3. otherwise the socket's default server: `default_server`, else the first
 *    server listed for that socket.
 */
import type { Listen, ServerBlock } from '../model';
import { validateHost } from './host';
import { matchRegex } from './pcre';

/** The connection and the Host header of one request. */
export interface ServerQuery {
  localAddr: string;
  localPort: number;
  /** The Host header as sent, or undefined when there was none. */
  host?: string;
  httpVersion: '1.0' | '1.1';
}

export type ServerSelection =
  | {
      kind: 'server';
      server: ServerBlock;
      /** The normalized host (`''` when the request had none). */
      host: string;
      /** The server_name that matched, or undefined when the default server was used. */
      matchedName?: string;
      /** Positional captures of a matching regex server_name (index 0 = whole match). */
      captures: string[];
      /** Named captures of a matching regex server_name: they become variables. */
      named: Record<string, string>;
      why: string;
    }
  | {
      /** nginx answers 400 from the socket's default server (where it also logs it). */
      kind: 'bad-request';
      status: 400;
      server: ServerBlock;
      why: string;
    }
  | { kind: 'no-listener'; why: string };

function bare(addr: string): string {
  return addr.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function isIpv6(addr: string): boolean {
  return bare(addr).includes(':');
}

/** A wildcard listen takes connections of its own family only (ipv6only=on is nginx's default). */
function wildcardTakes(listenAddr: string, local: string): boolean {
  const a = bare(listenAddr);
  if (a === '*' || a === '0.0.0.0') return !isIpv6(local);
  if (a === '::') return isIpv6(local);
  return false;
}

function isWildcard(addr: string): boolean {
  const a = bare(addr);
  return a === '*' || a === '0.0.0.0' || a === '::';
}

interface Socket {
  /** The servers on the socket that owns the connection, in config order. */
  servers: { server: ServerBlock; listen: Listen }[];
  label: string;
}

/** The listening socket a connection to localAddr:localPort lands on. */
function findSocket(servers: readonly ServerBlock[], localAddr: string, localPort: number): Socket | undefined {
  const local = bare(localAddr);
  const collect = (pred: (l: Listen) => boolean): Socket['servers'] => {
    const found: Socket['servers'] = [];
    for (const server of servers) {
      const listen = server.listens.find((l) => l.port === localPort && pred(l));
      if (listen) found.push({ server, listen });
    }
    return found;
  };
  const specific = collect((l) => !isWildcard(l.addr) && bare(l.addr) === local);
  if (specific.length > 0) return { servers: specific, label: `${specific[0]?.listen.addr}:${localPort}` };
  const wild = collect((l) => wildcardTakes(l.addr, local));
  if (wild.length > 0) return { servers: wild, label: `${wild[0]?.listen.addr}:${localPort}` };
  return undefined;
}

function defaultOf(socket: Socket): { server: ServerBlock; why: string } {
  const marked = socket.servers.find((s) => s.listen.defaultServer);
  if (marked) return { server: marked.server, why: `the default_server of ${socket.label}` };
  const first = socket.servers[0];
  if (!first) throw new Error('socket without servers');
  return { server: first.server, why: `the first server listening on ${socket.label} (no default_server)` };
}

/** Server names as nginx keeps them: a server without server_name has the name "". */
function namesOf(server: ServerBlock): string[] {
  return server.serverNames.length > 0 ? server.serverNames : [''];
}

interface NameHit {
  server: ServerBlock;
  name: string;
  captures: string[];
  named: Record<string, string>;
  kind: string;
}

/** Steps 1–4 of name matching; undefined when nothing matches. */
function matchName(candidates: readonly ServerBlock[], host: string): NameHit | undefined {
  const plain = (server: ServerBlock, name: string, kind: string): NameHit => ({ server, name, captures: [], named: {}, kind });
  let head: NameHit | undefined;
  let headLen = -1;
  let tail: NameHit | undefined;
  let tailLen = -1;
  for (const server of candidates) {
    for (const written of namesOf(server)) {
      if (written.startsWith('~')) continue;
      const name = written.toLowerCase();
      // ".example.com" is also the exact name "example.com" (nginx adds it to both hashes).
      const exact = name.startsWith('.') ? name.slice(1) : name;
      if (exact === host && !name.includes('*')) return plain(server, written, 'exactly');
      // Strict > keeps the first server when two define the same wildcard (nginx ignores the later one).
      if (name.startsWith('*.') || name.startsWith('.')) {
        const suffix = name.startsWith('*') ? name.slice(1) : name;
        if (host.endsWith(suffix) && suffix.length > headLen) {
          head = plain(server, written, 'as the longest leading wildcard');
          headLen = suffix.length;
        }
      } else if (name.endsWith('.*')) {
        const prefix = name.slice(0, -1);
        if (host.startsWith(prefix) && host.length > prefix.length && prefix.length > tailLen) {
          tail = plain(server, written, 'as the longest trailing wildcard');
          tailLen = prefix.length;
        }
      }
    }
  }
  if (head) return head;
  if (tail) return tail;
  for (const server of candidates) {
    for (const written of namesOf(server)) {
      if (!written.startsWith('~')) continue;
      const m = matchRegex(written.slice(1), false, host);
      if (m) return { server, name: written, captures: m.captures, named: m.named, kind: 'as the first matching regex' };
    }
  }
  return undefined;
}

/**
 * Selections already made, per configuration: the answer depends only on the
 * servers and the query, and every request of a run asks one of a few
 * queries. Shared answers are read, never changed. Bounded per configuration.
 */
const selections = new WeakMap<readonly ServerBlock[], Known>();
const SELECTIONS_LIMIT = 4096;

/** One configuration's selections by query, and the last query answered (most requests repeat it, so it is compared field by field before a key is built). */
interface Known {
  byKey: Map<string, ServerSelection>;
  last?: { query: ServerQuery; selection: ServerSelection };
}

function sameQuery(a: ServerQuery, b: ServerQuery): boolean {
  return a.localAddr === b.localAddr && a.localPort === b.localPort && a.httpVersion === b.httpVersion && a.host === b.host;
}

/** Pick the server block for a request; see the module comment for the order. */
export function selectServer(servers: readonly ServerBlock[], query: ServerQuery): ServerSelection {
  let known = selections.get(servers);
  if (known === undefined) {
    known = { byKey: new Map() };
    selections.set(servers, known);
  }
  if (known.last !== undefined && sameQuery(known.last.query, query)) return known.last.selection;
  const key = `${query.localAddr} ${query.localPort} ${query.httpVersion} ${query.host === undefined ? '' : `H${query.host}`}`;
  let selection = known.byKey.get(key);
  if (selection === undefined) {
    if (known.byKey.size >= SELECTIONS_LIMIT) known.byKey.clear();
    selection = select(servers, query);
    known.byKey.set(key, selection);
  }
  // A copy of the query: the caller's object may be changed after the call.
  const last: ServerQuery = { localAddr: query.localAddr, localPort: query.localPort, httpVersion: query.httpVersion };
  if (query.host !== undefined) last.host = query.host;
  known.last = { query: last, selection };
  return selection;
}

function select(servers: readonly ServerBlock[], query: ServerQuery): ServerSelection {
  const socket = findSocket(servers, query.localAddr, query.localPort);
  if (!socket) {
    return { kind: 'no-listener', why: `nothing listens on ${query.localAddr}:${query.localPort}` };
  }
  const fallback = defaultOf(socket);
  let host = '';
  if (query.host === undefined) {
    if (query.httpVersion === '1.1') {
      return { kind: 'bad-request', status: 400, server: fallback.server, why: 'client sent HTTP/1.1 request without "Host" header' };
    }
  } else {
    const valid = validateHost(query.host);
    if (valid === undefined) {
      return { kind: 'bad-request', status: 400, server: fallback.server, why: `client sent invalid host header "${query.host}"` };
    }
    host = valid;
  }
  const candidates = socket.servers.map((s) => s.server);
  const hit = matchName(candidates, host);
  const shown = query.host === undefined ? 'a request without Host' : `Host "${host}"`;
  if (hit) {
    return {
      kind: 'server',
      server: hit.server,
      host,
      matchedName: hit.name,
      captures: hit.captures,
      named: hit.named,
      why: `${shown} matched server_name "${hit.name}" ${hit.kind} on ${socket.label}`,
    };
  }
  return {
    kind: 'server',
    server: fallback.server,
    host,
    captures: [],
    named: {},
    why: `no server_name on ${socket.label} matches ${shown}: ${fallback.why} answers`,
  };
}
