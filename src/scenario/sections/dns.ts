/**
 * The `dns` section: the recursive resolvers clients use, and the hosted
 * zones (Route 53) with their records.
 *
 *     dns:
 *       resolvers:
 *         - { id: resolver, address: 192.0.2.53, linkMs: 1 }
 *       zones:
 *         - zone: my-nlb-url.com
 *           records:
 *             - { name: my-nlb-url.com, alias: nginx-loadbalancer }    # Route 53 alias to the Service's NLB
 *             - { name: www.example.com, a: 198.51.100.10, ttl: 300 }
 *             - { name: shop.example.com, cname: www.example.com }
 *
 * Root and TLD servers are built from the zones (`models/dns/hierarchy.ts`).
 */
import type { Check } from '../schema';
import { childPath, list, maybe, obj, oneOrMany, optional, refine, reportAt, required, scalar } from '../schema';
import type { DnsSpec, RecordSpec, ResolverSpec, ZoneSpec } from '../types';
import { hostname, id, ipv4, ms, wholeNumber } from './common';

export const DEFAULT_RESOLVER: ResolverSpec = { id: 'resolver', address: '192.0.2.53', linkMs: 1 };

const resolver: Check<ResolverSpec> = obj('a resolver: { id, address, linkMs }', {
  id: required(id),
  address: required(ipv4),
  linkMs: optional(ms, DEFAULT_RESOLVER.linkMs),
});

const addressList = oneOrMany('an IPv4 address or a list of them', ipv4);

const serviceRef = scalar('a LoadBalancer Service, as name or namespace/name (e.g. nginx-loadbalancer)', (v) =>
  typeof v === 'string' && /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v) ? v : undefined,
);

const record: Check<RecordSpec> = refine(
  obj('a record: { name, a | cname | alias, ttl }', {
    name: required(hostname),
    a: maybe(addressList),
    cname: maybe(hostname),
    alias: maybe(serviceRef),
    ttl: optional(wholeNumber(0, 2_147_483_647), 300),
  }),
  (v, at, ctx): RecordSpec | undefined => {
    const kinds = [v.a, v.cname, v.alias].filter((x) => x !== undefined).length;
    if (kinds !== 1) {
      reportAt(ctx, at, `expected exactly one of a, cname, alias; got ${kinds === 0 ? 'none' : kinds}`);
      return undefined;
    }
    if (v.alias !== undefined) {
      if (ctx.positions.has(childPath(at, 'ttl'))) {
        reportAt(ctx, childPath(at, 'ttl'), 'expected no ttl on an alias: Route 53 answers an alias with the target\'s TTL (60 s for an NLB)');
        return undefined;
      }
      return { kind: 'alias', name: v.name, service: v.alias };
    }
    if (v.cname !== undefined) return { kind: 'cname', name: v.name, target: v.cname, ttlS: v.ttl };
    return { kind: 'a', name: v.name, addresses: v.a ?? [], ttlS: v.ttl };
  },
);

const nameServer = obj('a name server: { name, ip }', { name: required(hostname), ip: required(ipv4) });

const zone: Check<ZoneSpec> = refine(
  obj('a hosted zone: { zone, nameServers, records }', {
    zone: required(hostname),
    nameServers: maybe(list('a list of name servers', nameServer)),
    records: optional(list('a list of records', record), [] as RecordSpec[]),
  }),
  (v, at, ctx): ZoneSpec | undefined => {
    const apex = v.zone.replace(/\.$/, '');
    let ok = true;
    v.records.forEach((r, i) => {
      const name = r.name.replace(/\.$/, '');
      if (name !== apex && !name.endsWith(`.${apex}`)) {
        reportAt(ctx, childPath(childPath(childPath(at, 'records'), i), 'name'), `expected a name in zone ${apex}, got ${r.name}`);
        ok = false;
      }
    });
    if (!ok) return undefined;
    // Route 53 hands each hosted zone four name servers; one is enough for the simulation.
    const nameServers = v.nameServers ?? [{ name: 'ns-1.awsdns-01.com', ip: '205.251.192.1' }];
    return { zone: apex, nameServers, records: v.records };
  },
);

export const dns: Check<DnsSpec> = refine(
  obj('a mapping with resolvers and zones', {
    resolvers: optional(list('a list of resolvers', resolver), [DEFAULT_RESOLVER]),
    serverLinkMs: optional(ms, 10),
    zones: optional(list('a list of hosted zones', zone), [] as ZoneSpec[]),
  }),
  (v) => v,
);
