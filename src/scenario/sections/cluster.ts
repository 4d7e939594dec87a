/**
 * The `cluster` section: nodes in AZs, the network inside the VPC, cluster
 * DNS, the NLB addresses, and the Kubernetes objects themselves.
 *
 *     cluster:
 *       region: eu-west-1
 *       nodes:
 *         - { name: node-1, ip: 10.0.1.10, az: eu-west-1a }
 *       latency: { sameNodeMs: 0.05, sameAzMs: 0.25, crossAzMs: 1 }
 *       dns: { ttl: 30 }                                   # CoreDNS TTL (kubeadm's Corefile)
 *       loadBalancers:
 *         - { service: nginx-loadbalancer, addresses: { eu-west-1a: 52.16.0.10 } }
 *       manifests:                                         # real Kubernetes objects, as kubectl apply takes them
 *         - apiVersion: apps/v1
 *           kind: Deployment
 *           …
 *
 * Manifests may also follow the scenario as further YAML documents (after a
 * `---`), exactly as in a file for `kubectl apply -f`. They are validated in
 * `manifests.ts`.
 */
import { isMap, isSeq, type Node } from 'yaml';
import type { Check } from '../schema';
import { describe, list, maybe, obj, optional, posOf, read, refine, report, required, scalar } from '../schema';
import type { LoadBalancerSpec, NodeSpecScenario } from '../types';
import { DEFAULT_VPC_LATENCY, type VpcLatency } from '../runtime/placement';
import { id, ipv4, ms, wholeNumber } from './common';

/** A manifest not yet validated: its node, its path, and the document it belongs to. */
export interface RawManifest {
  readonly node: Node;
  readonly path: string;
}

export const rawManifests: Check<RawManifest[]> = {
  expected: 'a list of Kubernetes objects (Deployment, Service, ConfigMap, Namespace)',
  parse(node, path, ctx) {
    if (node === null || !isSeq(node)) {
      report(ctx, posOf(node, ctx), path, `expected ${this.expected}, got ${describe(node)}`);
      return undefined;
    }
    return node.items.map((item, i) => ({ node: item as Node, path: `${path}[${i}]` }));
  },
};

const az = scalar('an Availability Zone such as eu-west-1a', (v) => (typeof v === 'string' && /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(v) ? v : undefined));
const region = scalar('an AWS region such as eu-west-1', (v) => (typeof v === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? v : undefined));

const node: Check<NodeSpecScenario> = obj('a node: { name, ip, az }', { name: required(id), ip: required(ipv4), az: required(az) });

const latency: Check<VpcLatency> = obj('{ sameNodeMs, sameAzMs, crossAzMs }', {
  sameNodeMs: optional(ms, DEFAULT_VPC_LATENCY.sameNodeMs),
  sameAzMs: optional(ms, DEFAULT_VPC_LATENCY.sameAzMs),
  crossAzMs: optional(ms, DEFAULT_VPC_LATENCY.crossAzMs),
});

/** `{ eu-west-1a: 52.16.0.10, … }`. */
const addressesByAz: Check<Record<string, string>> = {
  expected: 'a mapping of AZ to IPv4 address',
  parse(n, path, ctx) {
    if (n === null || !isMap(n)) {
      report(ctx, posOf(n, ctx), path, `expected ${this.expected}, got ${describe(n)}`);
      return undefined;
    }
    const out: Record<string, string> = {};
    let ok = true;
    for (const pair of n.items) {
      const key = read(az, pair.key as Node | null, `${path}[key]`, ctx);
      const ip = read(ipv4, pair.value as Node | null, `${path}.${String(key)}`, ctx);
      if (key === undefined || ip === undefined) ok = false;
      else out[key] = ip;
    }
    return ok ? out : undefined;
  },
};

const serviceRef = scalar('a LoadBalancer Service, as name or namespace/name', (v) =>
  typeof v === 'string' && /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v) ? v : undefined,
);

const loadBalancer: Check<LoadBalancerSpec> = refine(
  obj('a load balancer: { service, name, addresses, linkMs }', {
    service: required(serviceRef),
    name: maybe(id),
    addresses: optional(addressesByAz, {} as Record<string, string>),
    linkMs: optional(ms, 1),
  }),
  (v) => ({ service: v.service.includes('/') ? v.service : `default/${v.service}`, ...(v.name === undefined ? {} : { name: v.name }), addresses: v.addresses, linkMs: v.linkMs }),
);

export const clusterFields = obj('a mapping with nodes and manifests', {
  region: optional(region, 'eu-west-1'),
  nodes: required(list('a list of nodes', node)),
  latency: optional(latency, DEFAULT_VPC_LATENCY),
  dns: optional(obj('{ ttl }', { ttl: optional(wholeNumber(0, 3600), 30) }), { ttl: 30 }),
  loadBalancers: optional(list('a list of load balancers', loadBalancer), [] as LoadBalancerSpec[]),
  manifests: optional(rawManifests, [] as RawManifest[]),
});
