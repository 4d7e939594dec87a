/**
 * The scenario file format, as tables of fields. Example:
 *
 *     name: One client, one server
 *     description: The starting point of the story - no proxy at all.
 *     seed: 1
 *     topology:
 *       clients:
 *         - id: browser
 *           address: 203.0.113.7
 *           target: app
 *           requests: { every: 1s, path: /, method: GET }   # or { ratePerSec: 2, arrival: poisson }
 *       servers:
 *         - id: app
 *           address: 198.51.100.10
 *           port: 80
 *           latencyMs: { min: 20, max: 60 }                # or a number
 *           errorRate: 0
 *       links:
 *         - { from: browser, to: app, latencyMs: 25 }
 *
 * Top-level keys and `topology` are where later sections go (DNS, NLB,
 * Kubernetes manifests, nginx.conf, faults): adding a key never changes what
 * an existing file means, and a key this version does not know is an error.
 * Cross-references (ids, targets, links) are checked in `references.ts`.
 */
import { isIpv4, isPort } from '../net';
import { durationExpected, parseDuration } from './duration';
import { list, maybe, obj, optional, refine, reportAt, required, scalar, scalarOrMap, childPath } from './schema';
import type { Check } from './schema';
import type { ClientSpec, RequestsSpec, ServerSpec } from './types';
import type { LinkSpec } from '../net';

const text = (expected: string) => scalar(expected, (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined));

/** Ids look like Kubernetes names, so they can later name pods and Services unchanged. */
const idPattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const id = scalar('an id of lowercase letters, digits and "-" (like a Kubernetes name)', (v) =>
  typeof v === 'string' && idPattern.test(v) ? v : undefined,
);
const ipv4 = scalar('an IPv4 address such as 198.51.100.10', (v) => (typeof v === 'string' && isIpv4(v) ? v : undefined));
const port = scalar('a port number 1–65535', (v) => (typeof v === 'number' && isPort(v) ? v : undefined));
const seed = scalar('a whole number ≥ 0', (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined));
const ms = scalar('a number of milliseconds ≥ 0', (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined));
const probability = scalar('a probability from 0 to 1', (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined));
const duration = scalar(durationExpected, parseDuration);
const positiveDuration = scalar(`${durationExpected}, > 0`, (v) => {
  const d = parseDuration(v);
  return d !== undefined && d > 0 ? d : undefined;
});
const rate = scalar('a number of requests per second > 0 and ≤ 10000', (v) =>
  typeof v === 'number' && v > 0 && v <= 10_000 ? v : undefined,
);
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const method = scalar(`an HTTP method (${methods.join(', ')})`, (v) =>
  typeof v === 'string' && methods.includes(v) ? v : undefined,
);
const path = scalar('a path starting with "/", such as /api/users?x=1', (v) =>
  typeof v === 'string' && v.startsWith('/') && !/\s/.test(v) ? v : undefined,
);
const arrivalKind = scalar('fixed or poisson', (v) => (v === 'fixed' || v === 'poisson' ? v : undefined));

/** `latencyMs: 25` or `latencyMs: { min: 20, max: 60 }` (uniform). */
const latencyRange = scalarOrMap('a number of milliseconds ≥ 0, or { min, max }', {
  scalar: refine(ms, (v) => ({ minMs: v, maxMs: v })),
  map: refine(obj('{ min, max } in milliseconds', { min: required(ms), max: required(ms) }), (v, at, ctx) => {
    if (v.max >= v.min) return { minMs: v.min, maxMs: v.max };
    reportAt(ctx, childPath(at, 'max'), `expected max ≥ min (${v.min}), got ${v.max}`);
    return undefined;
  }),
});

const requestsFields = obj('a mapping such as { every: 1s, path: /, method: GET }', {
  every: maybe(positiveDuration),
  ratePerSec: maybe(rate),
  arrival: optional(arrivalKind, 'fixed' as 'fixed' | 'poisson'),
  start: optional(duration, 0),
  method: optional(method, 'GET'),
  path: optional(path, '/'),
  timeout: optional(positiveDuration, 10_000),
});

/** Exactly one of `every` and `ratePerSec` says how often; `arrival` says how regularly. */
const requests: Check<RequestsSpec> = refine(requestsFields, (v, at, ctx) => {
  if ((v.every === undefined) === (v.ratePerSec === undefined)) {
    const both = v.every !== undefined;
    reportAt(
      ctx,
      both ? childPath(at, 'ratePerSec') : at,
      both
        ? 'expected either every or ratePerSec, not both'
        : 'expected how often to send: every (e.g. every: 1s) or ratePerSec (e.g. ratePerSec: 2)',
    );
    return undefined;
  }
  const meanIntervalMs = v.every ?? 1000 / (v.ratePerSec ?? 1);
  return {
    method: v.method,
    path: v.path,
    arrival: { kind: v.arrival, meanIntervalMs, startMs: v.start },
    timeoutMs: v.timeout,
  };
});

const client: Check<ClientSpec> = refine(
  obj('a client: { id, address, target, requests }', {
    id: required(id),
    label: maybe(text('a label (any text)')),
    address: required(ipv4),
    target: required(id),
    requests: required(requests),
  }),
  (v) => ({ ...v, label: v.label ?? v.id }),
);

const server: Check<ServerSpec> = refine(
  obj('a server: { id, address, port, latencyMs, errorRate }', {
    id: required(id),
    label: maybe(text('a label (any text)')),
    address: required(ipv4),
    port: optional(port, 80),
    latencyMs: optional(latencyRange, { minMs: 0, maxMs: 0 }),
    errorRate: optional(probability, 0),
  }),
  (v) => ({ id: v.id, label: v.label ?? v.id, address: v.address, port: v.port, latency: v.latencyMs, errorRate: v.errorRate }),
);

const link: Check<LinkSpec> = refine(
  obj('a link: { from, to, latencyMs }', {
    id: maybe(id),
    from: required(id),
    to: required(id),
    latencyMs: optional(ms, 0),
  }),
  (v) => ({ id: v.id ?? `${v.from}-${v.to}`, from: v.from, to: v.to, latencyMs: v.latencyMs }),
);

const topology = obj('a mapping with clients, servers and links', {
  clients: optional(list('a list of clients', client), [] as ClientSpec[]),
  servers: optional(list('a list of servers', server), [] as ServerSpec[]),
  links: optional(list('a list of links', link), [] as LinkSpec[]),
});

/** The whole file, before cross-references are checked. */
export const scenarioFile = obj('a mapping with name and topology', {
  name: required(text('a name (any text)')),
  description: optional(text('a description (any text)'), ''),
  seed: optional(seed, 1),
  topology: required(topology),
});
