/**
 * Address parsing as nginx's `ngx_parse_url` does it (`src/core/ngx_inet.c`)
 * for `listen`, upstream `server` and `proxy_pass`: `host[:port][/uri]`,
 * `[ipv6]:port`, `unix:/path`, a bare port for `listen`. Host names go to the
 * caller's resolver; IP literals never do.
 */
import { atoi } from './units';

export interface UrlOptions {
  /** `listen`: a bare number is a port, `*` is the wildcard, no URI allowed. */
  listen?: boolean;
  /** `proxy_pass`: a URI part is allowed after the host. */
  uriPart?: boolean;
  /** Leave host names unresolved (nginx's no_resolve, used by proxy_pass). */
  noResolve?: boolean;
  defaultPort: number;
  resolve: (host: string) => string[] | undefined;
}

export interface ParsedUrl {
  /** Host as written (without brackets for IPv6), `*`, or the `unix:` path. */
  host: string;
  port: number;
  /** True when no port was written (the default port applies). */
  noPort: boolean;
  uri?: string;
  /** Resolved IPs (IPv6 without brackets); empty when not resolved yet. */
  ips: string[];
  unix: boolean;
  /** True for `*`, a bare port, or 0.0.0.0. */
  wildcard: boolean;
}

export type UrlResult = { ok: true; url: ParsedUrl } | { ok: false; err: string };

/** `ngx_inet_addr`: a strict dotted quad, each part 0-255. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * inet_aton's forms (`1.1`, `10.257`, `0x7f.1`, `2130706433`), which
 * getaddrinfo accepts as addresses where nginx's strict parser did not:
 * the dotted quad they stand for, or undefined.
 */
export function inetAton(s: string): string | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) n = part.length > 2 ? parseInt(part.slice(2), 16) : 0;
    else if (/^0[0-7]*$/.test(part)) n = parseInt(part, 8);
    else if (/^[1-9][0-9]*$/.test(part)) n = Number(part);
    else return undefined;
    nums.push(n);
  }
  const last = nums.pop() ?? 0;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return undefined;
  const bytes = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes.join('.');
}

/** A loose IPv6 literal check (hex groups and colons, at most one `::`, optional IPv4 tail). */
export function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const double = s.split('::').length - 1;
  if (double > 1) return false;
  let groups = s.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  let extra = 0;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = groups.length + extra;
  return double === 1 ? count < 8 : count === 8;
}

/** Orders addresses as ngx_inet_resolve_host does: all IPv4 first, then IPv6. */
export function orderAddresses(ips: string[]): string[] {
  return [...ips.filter((ip) => !ip.includes(':')), ...ips.filter((ip) => ip.includes(':'))];
}

/** `ip:port`, bracketing IPv6 like nginx's ngx_sock_ntop. */
export function formatAddress(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function parseUrl(url: string, opts: UrlOptions): UrlResult {
  if (url.slice(0, 5).toLowerCase() === 'unix:') return parseUnix(url, opts);
  if (url.startsWith('[')) return parseInet6(url, opts);
  return parseInet(url, opts);
}

function parseUnix(url: string, opts: UrlOptions): UrlResult {
  let path = url.slice(5);
  if (opts.uriPart) {
    const colon = path.indexOf(':');
    if (colon >= 0) path = path.slice(0, colon);
  }
  if (path.length === 0) return { ok: false, err: 'no path in the unix domain socket' };
  return { ok: true, url: { host: 'unix:' + path, port: 0, noPort: true, ips: [], unix: true, wildcard: false } };
}

function splitUri(rest: string, opts: UrlOptions): { hostPort: string; uri?: string } | { err: string } {
  const slash = rest.indexOf('/');
  const q = rest.indexOf('?');
  let cut = slash;
  if (q >= 0 && (cut < 0 || q < cut)) cut = q;
  if (cut < 0) return { hostPort: rest };
  if (opts.listen || !opts.uriPart) return { err: 'invalid host' };
  if (cut === 0) return { err: 'no host' };
  return { hostPort: rest.slice(0, cut), uri: rest.slice(cut) };
}

function parsePort(text: string): number | undefined {
  const n = atoi(text);
  return Number.isNaN(n) || n < 1 || n > 65535 ? undefined : n;
}

function parseInet(url: string, opts: UrlOptions): UrlResult {
  const split = splitUri(url, opts);
  if ('err' in split) return { ok: false, err: split.err };
  let host = split.hostPort;
  let port = opts.defaultPort;
  let noPort = true;
  const colon = host.indexOf(':');
  if (colon >= 0) {
    const p = parsePort(host.slice(colon + 1));
    if (p === undefined) return { ok: false, err: 'invalid port' };
    port = p;
    noPort = false;
    host = host.slice(0, colon);
  } else if (split.uri === undefined && opts.listen) {
    // A listen value that is a number is a port on the wildcard address.
    const n = atoi(host);
    if (!Number.isNaN(n)) {
      if (n < 1 || n > 65535) return { ok: false, err: 'invalid port' };
      return { ok: true, url: { host: '*', port: n, noPort: false, ips: ['0.0.0.0'], unix: false, wildcard: true } };
    }
  }
  if (host.length === 0) return { ok: false, err: 'no host' };
  const base = { host, port, noPort, ...(split.uri !== undefined ? { uri: split.uri } : {}), unix: false };
  if (opts.listen && host === '*') return { ok: true, url: { ...base, ips: ['0.0.0.0'], wildcard: true } };
  if (isIPv4(host)) return { ok: true, url: { ...base, ips: [host], wildcard: host === '0.0.0.0' } };
  if (opts.noResolve) return { ok: true, url: { ...base, ips: [], wildcard: false } };
  const numeric = inetAton(host);
  if (numeric !== undefined) return { ok: true, url: { ...base, ips: [numeric], wildcard: numeric === '0.0.0.0' } };
  const ips = opts.resolve(host);
  if (!ips || ips.length === 0) return { ok: false, err: 'host not found' };
  return { ok: true, url: { ...base, ips: orderAddresses(ips), wildcard: false } };
}

function parseInet6(url: string, opts: UrlOptions): UrlResult {
  const close = url.indexOf(']');
  if (close < 0) return { ok: false, err: 'invalid host' };
  const host = url.slice(1, close);
  let rest = url.slice(close + 1);
  let uri: string | undefined;
  let port = opts.defaultPort;
  let noPort = true;
  if (rest.startsWith(':')) {
    const m = /^:([^/?]*)(.*)$/.exec(rest) ?? ['', '', ''];
    const p = parsePort(m[1] ?? '');
    if (p === undefined) return { ok: false, err: 'invalid port' };
    port = p;
    noPort = false;
    rest = m[2] ?? '';
  }
  if (rest.length > 0) {
    if (opts.listen || !opts.uriPart || !(rest.startsWith('/') || rest.startsWith('?'))) {
      return { ok: false, err: 'invalid host' };
    }
    uri = rest;
  }
  if (host.length === 0 || !isIPv6(host)) return { ok: false, err: 'invalid IPv6 address' };
  return {
    ok: true,
    url: { host, port, noPort, ...(uri !== undefined ? { uri } : {}), ips: [host], unix: false, wildcard: /^[0:]+$/.test(host) },
  };
}
