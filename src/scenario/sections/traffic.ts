/**
 * The `traffic` section: who sends what, how often.
 *
 *     traffic:
 *       - id: browser                   # one person's browser: one address, a host cache
 *         kind: browser
 *         address: 203.0.113.7
 *         url: http://my-nlb-url.com/auth/login
 *         every: 1s
 *       - id: office
 *         kind: browser
 *         address: 192.168.1.23
 *         proxy: corp-proxy             # through a forward proxy: the proxy resolves and connects
 *         url: http://www.example.com/
 *         every: 2s
 *       - id: load                      # a load generator: many source addresses, a mix of paths
 *         kind: load
 *         addresses: { from: 203.0.113.10, count: 20 }
 *         url: http://my-nlb-url.com
 *         paths: [ { path: /, weight: 4 }, { path: /api/users, weight: 3 }, { path: /auth/login } ]
 *         ratePerSec: 50
 *         arrival: poisson
 */
import { isMap } from 'yaml';
import type { PathWeight } from '../../models/client';
import type { Check } from '../schema';
import { childPath, list, maybe, obj, oneOrMany, optional, refine, reportAt, required, scalar, scalarOrMap } from '../schema';
import type { TrafficSpec } from '../types';
import { arrivalKind, bool, count, duration, id, ipv4, method, ms, path, positiveDuration, rate, text, url, wholeNumber } from './common';

const kind = scalar('browser or load', (v) => (v === 'browser' || v === 'load' ? v : undefined));

/** `{ from: 203.0.113.10, count: 20 }`: consecutive addresses. */
const range = refine(obj('{ from, count }', { from: required(ipv4), count: required(count(4096)) }), (v, at, ctx) => {
  const parts = v.from.split('.').map(Number);
  const base = (((parts[0] ?? 0) * 256 + (parts[1] ?? 0)) * 256 + (parts[2] ?? 0)) * 256 + (parts[3] ?? 0);
  if (base + v.count - 1 > 0xffffffff) {
    reportAt(ctx, childPath(at, 'count'), `expected a count that stays below 255.255.255.255, got ${v.count}`);
    return undefined;
  }
  return Array.from({ length: v.count }, (_, i) => {
    const n = base + i;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
});
const poolExpected = 'an IPv4 address, a list of them, or { from, count }';
const addressPool: Check<string[]> = {
  expected: poolExpected,
  parse(node, p, ctx) {
    if (node !== null && isMap(node)) return range.parse(node, p, ctx);
    return oneOrMany(poolExpected, ipv4).parse(node, p, ctx);
  },
};

const pathEntry: Check<PathWeight> = scalarOrMap('a path, or { path, weight, method }', {
  scalar: refine(path, (v) => ({ method: 'GET', path: v, weight: 1 })),
  map: refine(
    obj('{ path, weight, method }', { path: required(path), weight: optional(wholeNumber(1, 1_000_000), 1), method: optional(method, 'GET') }),
    (v) => ({ method: v.method, path: v.path, weight: v.weight }),
  ),
});

const fields = obj('a client: { id, kind, address(es), url, every | ratePerSec }', {
  id: required(id),
  label: maybe(text('a label (any text)')),
  kind: optional(kind, 'browser' as 'browser' | 'load'),
  address: maybe(ipv4),
  addresses: maybe(addressPool),
  url: required(url),
  method: optional(method, 'GET'),
  paths: maybe(list('a list of paths', pathEntry)),
  every: maybe(positiveDuration),
  ratePerSec: maybe(rate),
  arrival: optional(arrivalKind, 'fixed' as 'fixed' | 'poisson'),
  start: optional(duration, 0),
  stop: maybe(duration),
  timeout: optional(positiveDuration, 10_000),
  connectTimeout: optional(positiveDuration, 3_000),
  linkMs: optional(ms, 10),
  resolver: maybe(id),
  proxy: maybe(id),
  hostCache: maybe(bool),
});

export const trafficClient: Check<TrafficSpec> = refine(fields, (v, at, ctx): TrafficSpec | undefined => {
  if ((v.every === undefined) === (v.ratePerSec === undefined)) {
    const both = v.every !== undefined;
    reportAt(ctx, both ? childPath(at, 'ratePerSec') : at, both ? 'expected either every or ratePerSec, not both' : 'expected how often to send: every (e.g. every: 1s) or ratePerSec (e.g. ratePerSec: 50)');
    return undefined;
  }
  if ((v.address === undefined) === (v.addresses === undefined)) {
    reportAt(ctx, at, v.address === undefined ? 'expected the source address: address (one) or addresses (a pool)' : 'expected address or addresses, not both');
    return undefined;
  }
  const addresses = v.addresses ?? (v.address === undefined ? [] : [v.address]);
  if (v.kind === 'browser' && addresses.length > 1) {
    reportAt(ctx, childPath(at, 'addresses'), `expected one address for a browser (kind: load sends from a pool), got ${addresses.length}`);
    return undefined;
  }
  const mix = v.paths ?? [{ method: v.method, path: v.url.path, weight: 1 }];
  return {
    id: v.id,
    label: v.label ?? v.id,
    kind: v.kind,
    addresses,
    host: v.url.host,
    port: v.url.port,
    mix,
    arrival: { kind: v.arrival, meanIntervalMs: v.every ?? 1000 / (v.ratePerSec ?? 1), startMs: v.start },
    timeoutMs: v.timeout,
    connectTimeoutMs: v.connectTimeout,
    linkMs: v.linkMs,
    ...(v.resolver === undefined ? {} : { resolver: v.resolver }),
    ...(v.proxy === undefined ? {} : { proxy: v.proxy }),
    ...(v.stop === undefined ? {} : { stopMs: v.stop }),
    ...(v.hostCache === undefined ? {} : { hostCache: v.hostCache }),
  };
});
