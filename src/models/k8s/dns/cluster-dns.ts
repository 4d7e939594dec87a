/**
 * Cluster DNS for Services: `<service>.<namespace>.svc.<cluster domain>` →
 * the ClusterIP (CoreDNS `kubernetes` plugin), and the `/etc/resolv.conf` a
 * pod gets (`pkg/kubelet/network/dns/dns.go`): search
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5`.
 *
 * TTL: the plugin's default is 5 s; kubeadm's Corefile sets `ttl 30`, which
 * most clusters run with, so 30 is the default here. The DNS model applies
 * the search list; this module answers only fully qualified names.
 */

export const CLUSTER_DOMAIN = 'cluster.local';
export const KUBEADM_DNS_TTL_SECONDS = 30;

/** A Service as DNS sees it. */
export interface ServiceRecord {
  readonly name: string;
  readonly namespace: string;
  readonly clusterIP: string;
}

export type ClusterDnsAnswer =
  | { readonly rcode: 'NOERROR'; readonly name: string; readonly ip: string; readonly ttl: number; readonly why: string }
  | { readonly rcode: 'NXDOMAIN'; readonly name: string; readonly why: string }
  /** Not a cluster name: the resolver should forward it upstream. */
  | { readonly rcode: 'NOT_CLUSTER'; readonly name: string; readonly why: string };

/** Answer an A query for a fully qualified name (a trailing dot is allowed). */
export function lookupClusterName(
  services: readonly ServiceRecord[],
  query: string,
  options: { domain?: string; ttl?: number } = {},
): ClusterDnsAnswer {
  const domain = options.domain ?? CLUSTER_DOMAIN;
  const name = query.toLowerCase().replace(/\.$/, '');
  if (name !== domain && !name.endsWith(`.${domain}`)) {
    return { rcode: 'NOT_CLUSTER', name, why: `${name} is outside ${domain}: forwarded to the upstream resolver` };
  }
  const labels = name.slice(0, name.length - domain.length).replace(/\.$/, '').split('.');
  if (labels.length === 3 && labels[2] === 'svc') {
    const [svc, ns] = labels as [string, string, string];
    const found = services.find((s) => s.name === svc && s.namespace === ns);
    if (found !== undefined) {
      return {
        rcode: 'NOERROR',
        name,
        ip: found.clusterIP,
        ttl: options.ttl ?? KUBEADM_DNS_TTL_SECONDS,
        why: `${name} is Service ${ns}/${svc}: its ClusterIP ${found.clusterIP}`,
      };
    }
    return { rcode: 'NXDOMAIN', name, why: `no Service ${svc} in namespace ${ns}` };
  }
  return { rcode: 'NXDOMAIN', name, why: `${name} is not <service>.<namespace>.svc.${domain}` };
}

export interface ResolvConf {
  readonly nameserver: string;
  readonly search: readonly string[];
  readonly ndots: number;
}

/** The resolv.conf of a pod in `namespace` (dnsPolicy ClusterFirst). */
export function podResolvConf(namespace: string, dnsIp: string, domain = CLUSTER_DOMAIN): ResolvConf {
  return { nameserver: dnsIp, search: [`${namespace}.svc.${domain}`, `svc.${domain}`, domain], ndots: 5 };
}

export function formatResolvConf(conf: ResolvConf): string {
  return `search ${conf.search.join(' ')}\nnameserver ${conf.nameserver}\noptions ndots:${conf.ndots}\n`;
}
