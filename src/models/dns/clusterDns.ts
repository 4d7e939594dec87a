/**
 * Cluster DNS (CoreDNS with the `kubernetes`, `forward` and `cache` plugins),
 * and the resolv.conf the kubelet gives a pod.
 *
 * - `<service>.<namespace>.svc.<cluster domain>` → the Service's ClusterIP,
 *   with the plugin's TTL (CoreDNS default 5 s; kubeadm's Corefile sets 30).
 * - Any other name in the cluster domain: NXDOMAIN, with CoreDNS's SOA whose
 *   MINIMUM is that same TTL. Cluster DNS answers these itself and never
 *   forwards them, so a search-list miss costs one quick round trip.
 * - Everything else goes upstream (`forward . /etc/resolv.conf`).
 * - With `cacheMaxTtlS` (kubeadm: `cache 30`), answers are kept up to that
 *   many seconds and served counting down.
 * Pod records, headless Services and SRV are not modelled.
 */
import type { DnsResponse, Question } from './message';
import { emptyResponse, questionText } from './message';
import type { SoaRecord } from './records';
import { aRecord, soaRecord } from './records';
import type { DnsCache } from './cache';
import { cacheAnswer, cacheLookup, cacheNegative, createCache } from './cache';
import type { StubConfig } from './resolvconf';
import { stubConfig } from './resolvconf';
import { fqdn, isAtOrBelow, labels } from './name';

/** CoreDNS `kubernetes` plugin default TTL, seconds. */
export const COREDNS_DEFAULT_TTL_S = 5;
/** The TTL and cache cap in the Corefile kubeadm installs. */
export const KUBEADM_COREDNS_TTL_S = 30;

export interface ClusterDnsSpec {
  readonly id: string;
  /** The kube-dns Service's ClusterIP (10.96.0.10 on kubeadm clusters). */
  readonly ip: string;
  readonly clusterDomain?: string;
  readonly ttlS?: number;
  /** The ClusterIP of Service `service` in `namespace`, or undefined when there is none. */
  readonly lookupService: (service: string, namespace: string) => string | undefined;
  /**
   * Whether a namespace exists: `<ns>.svc.<domain>` is then an empty name
   * (NODATA), otherwise NXDOMAIN. Unknown namespaces by default.
   */
  readonly namespaceExists?: (namespace: string) => boolean;
  /** Upstream for other names; undefined = upstream did not answer. */
  readonly forward?: (q: Question, nowMs: number) => DnsResponse | undefined;
  /** The `cache` plugin's cap in seconds; leave out for no cache. */
  readonly cacheMaxTtlS?: number;
}

export interface ClusterDns {
  readonly spec: ClusterDnsSpec;
  readonly domain: string;
  readonly ttlS: number;
  readonly soa: SoaRecord;
  readonly cache?: DnsCache;
}

export function createClusterDns(spec: ClusterDnsSpec): ClusterDns {
  const domain = fqdn(spec.clusterDomain ?? 'cluster.local');
  const ttlS = spec.ttlS ?? COREDNS_DEFAULT_TTL_S;
  const soa = soaRecord(
    domain,
    { mname: `ns.dns.${domain}`, rname: `hostmaster.${domain}`, serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: ttlS },
    ttlS,
  );
  const cache = spec.cacheMaxTtlS === undefined ? undefined : createCache({ maxTtlS: spec.cacheMaxTtlS, maxNegativeTtlS: spec.cacheMaxTtlS });
  return { spec, domain, ttlS, soa, ...(cache === undefined ? {} : { cache }) };
}

/** Answer `q` as cluster DNS; undefined when it had to forward and upstream stayed silent. */
export function answerClusterDns(dns: ClusterDns, q: Question, nowMs: number): DnsResponse | undefined {
  const question = { name: fqdn(q.name), type: q.type };
  const cached = dns.cache === undefined ? undefined : cacheLookup(dns.cache, question.name, question.type, nowMs);
  if (cached !== undefined) {
    const negative = cached.entry.negative;
    const base = emptyResponse(
      negative === undefined ? 'answer' : negative.kind === 'NXDOMAIN' ? 'nxdomain' : 'nodata',
      negative?.kind === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR',
      `CoreDNS ${cached.why}`,
    );
    return negative === undefined
      ? { ...base, ra: true, answer: cached.records }
      : { ...base, ra: true, authority: cached.records };
  }
  const response = isAtOrBelow(question.name, dns.domain) ? kubernetes(dns, question) : forward(dns, question, nowMs);
  if (response !== undefined && dns.cache !== undefined) store(dns.cache, question, response, nowMs);
  return response;
}

function kubernetes(dns: ClusterDns, q: Question): DnsResponse {
  const rel = labels(q.name).slice(0, -labels(dns.domain).length);
  const negative = (kind: 'nxdomain' | 'nodata', why: string): DnsResponse => ({
    ...emptyResponse(kind, kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR', `CoreDNS kubernetes plugin: ${why}`, true),
    ra: true,
    authority: [dns.soa],
  });
  // The zone apex, `svc.<domain>` and `<ns>.svc.<domain>` of a real namespace exist but hold no addresses.
  const namespaceName = rel.length === 2 && rel[1] === 'svc' && rel[0] !== undefined ? rel[0] : undefined;
  const isNamespace = namespaceName !== undefined && (dns.spec.namespaceExists?.(namespaceName) ?? false);
  if (rel.length === 0 || (rel.length === 1 && rel[0] === 'svc') || isNamespace) {
    return negative('nodata', `${q.name} has no ${q.type} record`);
  }
  const [service, namespace, svc] = rel;
  if (rel.length !== 3 || svc !== 'svc' || service === undefined || namespace === undefined) {
    return negative('nxdomain', `${q.name} is not a Service name in ${dns.domain}: NXDOMAIN (negative TTL ${dns.ttlS} s)`);
  }
  const ip = dns.spec.lookupService(service, namespace);
  if (ip === undefined) {
    return negative('nxdomain', `no Service ${service} in namespace ${namespace}: NXDOMAIN (negative TTL ${dns.ttlS} s)`);
  }
  if (q.type !== 'A') return negative('nodata', `Service ${service}.${namespace} has an IPv4 ClusterIP only: no ${q.type} record`);
  return {
    ...emptyResponse('answer', 'NOERROR', `CoreDNS kubernetes plugin: ${q.name} → ClusterIP ${ip} (TTL ${dns.ttlS} s)`, true),
    ra: true,
    answer: [aRecord(q.name, ip, dns.ttlS)],
  };
}

function forward(dns: ClusterDns, q: Question, nowMs: number): DnsResponse | undefined {
  if (dns.spec.forward === undefined) {
    return { ...emptyResponse('servfail', 'SERVFAIL', `CoreDNS has no upstream for ${questionText(q)}`), ra: true };
  }
  const upstream = dns.spec.forward(q, nowMs);
  if (upstream === undefined) return undefined;
  return { ...upstream, aa: false, ra: true, why: `CoreDNS forwards ${questionText(q)} upstream: ${upstream.why}` };
}

function store(cache: DnsCache, q: Question, r: DnsResponse, nowMs: number): void {
  if (r.kind === 'answer') {
    cacheAnswer(cache, q.name, q.type, r.answer, nowMs);
    return;
  }
  const soa = r.authority.find((x): x is SoaRecord => x.type === 'SOA');
  if (soa === undefined) return;
  if (r.kind === 'nxdomain') cacheNegative(cache, q.name, q.type, 'NXDOMAIN', soa, nowMs);
  if (r.kind === 'nodata') cacheNegative(cache, q.name, q.type, 'NODATA', soa, nowMs);
}

export interface PodDnsOptions {
  /** The cluster DNS Service IP. */
  readonly nameserver: string;
  readonly clusterDomain?: string;
  /** The node's own search domains, appended by the kubelet (dnsPolicy ClusterFirst). */
  readonly hostSearch?: readonly string[];
}

/**
 * A pod's /etc/resolv.conf under dnsPolicy ClusterFirst
 * (kubelet pkg/kubelet/network/dns/dns.go): `search <ns>.svc.<domain>
 * svc.<domain> <domain>` plus the node's search list, the cluster DNS IP,
 * and `options ndots:5`.
 */
export function podResolvConf(namespace: string, options: PodDnsOptions): StubConfig {
  const domain = (options.clusterDomain ?? 'cluster.local').replace(/\.$/, '');
  return stubConfig({
    nameservers: [options.nameserver],
    search: [`${namespace}.svc.${domain}`, `svc.${domain}`, domain, ...(options.hostSearch ?? [])],
    ndots: 5,
  });
}
