/**
 * The scenario file format, as tables of fields. Two kinds of scenario:
 *
 * A direct one, the first step of the story — clients joined to servers by
 * explicit links, no DNS:
 *
 *     name: One client, one server
 *     topology:
 *       clients:
 *         - { id: browser, address: 203.0.113.7, target: app, requests: { every: 1s, path: / } }
 *       servers:
 *         - { id: app, address: 198.51.100.10, port: 80, latencyMs: { min: 20, max: 60 }, errorRate: 0 }
 *       links:
 *         - { from: browser, to: app, latencyMs: 25 }
 *
 * A full one, with any of these sections (each described in `sections/`):
 *
 *     dns:       resolvers and hosted zones (A, CNAME, Route 53 alias to an NLB)   sections/dns.ts
 *     machines:  servers on the internet running an app or nginx                  sections/machines.ts
 *     proxies:   forward proxies                                                  sections/machines.ts
 *     cluster:   nodes in AZs, VPC latency, cluster DNS, NLB addresses, manifests sections/cluster.ts
 *     apps:      how the app in each Deployment behaves                           sections/apps.ts
 *     traffic:   browsers and load generators                                     sections/traffic.ts
 *     faults:    crash, hang, slow, unhealthy, kill, drain, lose-az… at a time    sections/faults.ts
 *
 * Kubernetes manifests go in `cluster.manifests` or follow the scenario as
 * further YAML documents. A key this version does not know is an error, with
 * a suggestion for near misses. Cross-references are checked in
 * `references.ts` (direct) and `references-full.ts` (full).
 */
import { list, maybe, obj, optional, refine, reportAt, required, scalarOrMap, childPath } from './schema';
import type { Check } from './schema';
import type { ClientSpec, FaultSpec, MachineSpec, ProxySpec, RequestsSpec, ServerSpec, TrafficSpec } from './types';
import type { LinkSpec } from '../net';
import type { AppSpec } from '../models/backend';
import { arrivalKind, duration, id, ipv4, method, ms, path, port, positiveDuration, probability, rate, seed, text } from './sections/common';
import { dns } from './sections/dns';
import { machine, proxy } from './sections/machines';
import { clusterFields } from './sections/cluster';
import { trafficClient } from './sections/traffic';
import { fault } from './sections/faults';
import { appsByDeployment } from './sections/apps';

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

const emptyTopology = { clients: [] as ClientSpec[], servers: [] as ServerSpec[], links: [] as LinkSpec[] };

/** The whole file, before cross-references are checked. */
export const scenarioFile = obj('a mapping with name and topology (or dns, machines, cluster and traffic)', {
  name: required(text('a name (any text)')),
  description: optional(text('a description (any text)'), ''),
  seed: optional(seed, 1),
  topology: optional(topology, emptyTopology),
  dns: maybe(dns),
  machines: optional(list('a list of machines', machine), [] as MachineSpec[]),
  proxies: optional(list('a list of forward proxies', proxy), [] as ProxySpec[]),
  cluster: maybe(clusterFields),
  apps: optional(appsByDeployment, {} as Record<string, AppSpec>),
  traffic: optional(list('a list of traffic clients', trafficClient), [] as TrafficSpec[]),
  faults: optional(list('a list of faults', fault), [] as FaultSpec[]),
});
