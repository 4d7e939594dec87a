/**
 * REQUESTS.jsonl for `trafficlab nginx`: one client request a line.
 *
 * Only `atMs` and `uri` are required. The defaults that depend on the
 * configuration (Host, port, which listening address to connect to) are
 * filled in by `withDefaults`, which the differential harness also uses so
 * that the simulated and the real nginx receive the very same requests.
 */
import type { NginxConfig } from '../../models/nginx/model';
import { InputError, parseJson, type JsonNode } from './json';

/** A request as written in the file (`line` is its line in REQUESTS.jsonl). */
export interface RequestLine {
  line: number;
  atMs: number;
  uri: string;
  method?: string;
  host?: string;
  port?: number;
  client?: string;
  /** `1.0` or `1.1` (default): an extension of the contract, for requests without Host. */
  http?: '1.0' | '1.1';
  headers: [string, string][];
  body?: string;
}

/** A request with every default applied, ready to send. */
export interface ClientRequestSpec {
  line: number;
  atMs: number;
  method: string;
  uri: string;
  /** Host header value; empty means no Host header at all. */
  host: string;
  http: '1.0' | '1.1';
  /** The nginx socket the client connects to. */
  address: string;
  port: number;
  client: string;
  headers: [string, string][];
  body?: string;
}

const FIELDS = new Set(['atMs', 'method', 'uri', 'host', 'port', 'client', 'http', 'headers', 'body']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Spaces and control characters end a request-line token on the wire, so they cannot be in one. */
function hasSpaceOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

function hasLineBreakOrNul(s: string): boolean {
  return s.includes('\r') || s.includes('\n') || s.includes('\u0000');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Read REQUESTS.jsonl; blank lines are skipped. Throws `InputError` with the line. */
export function parseRequests(text: string, file: string): RequestLine[] {
  const requests: RequestLine[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    requests.push(request(parseJson(raw, file, index + 1), file));
  });
  return requests;
}

function request(node: JsonNode, file: string): RequestLine {
  const line = node.line;
  if (node.kind !== 'object') throw new InputError(file, line, 'expected one JSON object per line');
  const req: RequestLine = { line, atMs: -1, uri: '', headers: [] };
  for (const [key, value] of node.entries) {
    if (!FIELDS.has(key)) throw new InputError(file, line, `unknown field "${key}" (expected ${[...FIELDS].join(', ')})`);
    if (key === 'atMs') {
      if (value.kind !== 'number' || !(value.value >= 0)) throw new InputError(file, line, '"atMs" must be a number ≥ 0');
      req.atMs = value.value;
    } else if (key === 'port') {
      if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value < 1 || value.value > 65535) {
        throw new InputError(file, line, '"port" must be an integer from 1 to 65535');
      }
      req.port = value.value;
    } else if (key === 'headers') {
      req.headers = headers(value, file, line);
    } else {
      if (value.kind !== 'string') throw new InputError(file, line, `"${key}" must be a string`);
      const s = value.value;
      if (key === 'uri') {
        if (s === '' || hasSpaceOrControl(s)) throw new InputError(file, line, '"uri" must be non-empty, without spaces or control characters');
        req.uri = s;
      } else if (key === 'method') {
        if (!/^[A-Z]{1,20}$/.test(s)) throw new InputError(file, line, `"method" must be an upper-case HTTP method, got "${s}"`);
        req.method = s;
      } else if (key === 'host') {
        if (hasSpaceOrControl(s)) throw new InputError(file, line, '"host" must not contain spaces or control characters');
        req.host = s;
      } else if (key === 'http') {
        if (s !== '1.0' && s !== '1.1') throw new InputError(file, line, `"http" must be "1.0" or "1.1", got "${s}"`);
        req.http = s;
      } else if (key === 'client') {
        if (!IPV4.test(s)) throw new InputError(file, line, `"client" must be an IPv4 address, got "${s}"`);
        req.client = s;
      } else {
        req.body = s;
      }
    }
  }
  if (req.atMs < 0) throw new InputError(file, line, 'missing "atMs"');
  if (req.uri === '') throw new InputError(file, line, 'missing "uri"');
  if (req.body !== undefined && !BODY_METHODS.has(req.method ?? 'GET')) {
    throw new InputError(file, line, `"body" goes only with POST, PUT or PATCH, not ${req.method ?? 'GET'}`);
  }
  return req;
}

function headers(node: JsonNode, file: string, line: number): [string, string][] {
  if (node.kind !== 'object') throw new InputError(file, line, '"headers" must be an object of strings');
  return node.entries.map(([name, value]) => {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new InputError(file, line, `"${name}" is not a valid header name`);
    if (/^(host|content-length|transfer-encoding|connection)$/i.test(name)) {
      throw new InputError(file, line, `header "${name}" is set by trafficlab (use "host" or "body" instead)`);
    }
    if (value.kind !== 'string' || hasLineBreakOrNul(value.value)) throw new InputError(file, line, `header "${name}" must be a one-line string`);
    return [name, value.value];
  });
}

/** The first listen of the first server block, as nginx would bind it. */
function firstListen(config: NginxConfig): { addr: string; port: number } {
  const listen = config.servers[0]?.listens[0];
  // A server without `listen` listens on *:80 (nginx run as root, as in production).
  return listen ?? { addr: '*', port: 80 };
}

/**
 * The default Host: the first server's first name when it is a plain name
 * (not empty, `_`, a wildcard or a regex), else `localhost`.
 */
function defaultHost(config: NginxConfig): string {
  const name = config.servers[0]?.serverNames[0];
  if (name === undefined || name === '' || name === '_' || name.includes('*') || name.startsWith('~')) return 'localhost';
  return name;
}

/**
 * The address a client dials for `port`: the first explicit IPv4 `listen`
 * on that port (only it would accept the connection), else loopback.
 */
function addressFor(config: NginxConfig, port: number): string {
  for (const server of config.servers) {
    for (const listen of server.listens) {
      if (listen.port === port && IPV4.test(listen.addr)) return listen.addr;
    }
  }
  return '127.0.0.1';
}

/** Apply the configuration-dependent defaults of the contract. */
export function withDefaults(requests: RequestLine[], config: NginxConfig): ClientRequestSpec[] {
  const listen = firstListen(config);
  const host = defaultHost(config);
  return requests.map((r) => {
    const port = r.port ?? listen.port;
    const spec: ClientRequestSpec = {
      line: r.line,
      atMs: r.atMs,
      method: r.method ?? 'GET',
      uri: r.uri,
      host: r.host ?? host,
      http: r.http ?? '1.1',
      address: addressFor(config, port),
      port,
      client: r.client ?? '127.0.0.1',
      headers: r.headers,
    };
    if (r.body !== undefined) spec.body = r.body;
    return spec;
  });
}
