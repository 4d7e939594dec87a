/**
 * A Kubernetes node on the fabric, and what a pod's program asks of cluster
 * DNS when it starts. A node answers SYNs to its own address through its
 * kube-proxy (a NodePort goes to an endpoint, perhaps on another node, with
 * SNAT under externalTrafficPolicy Cluster; the healthCheckNodePort is
 * answered by kube-proxy itself), and forwards packets for its own pods.
 */
import type { Trace } from '../../sim';
import type { Cluster } from '../../models/k8s/cluster/cluster';
import type { PodRef } from '../../models/k8s/pod/pod';
import type { Hosts } from './hosts';
import type { Host, SynVerdict } from './tcp-types';

/** The host of node `node` at `ip`. */
export function kubeNodeHost(node: string, ip: string, cluster: Cluster, hosts: Hosts, nodeOfPod: (component: string) => string | undefined): Host {
  return {
    id: node,
    syn: (syn): SynVerdict => {
      if (syn.dstIp === ip) {
        const d = cluster.connect(node, { dstIp: syn.dstIp, dstPort: syn.dstPort, srcIp: syn.srcIp, srcPort: syn.srcPort }, syn.requestId);
        switch (d.kind) {
          case 'refused':
            return { kind: 'reset', why: d.why };
          case 'dropped':
            return { kind: 'drop', why: d.why };
          case 'healthz':
            return {
              kind: 'accept',
              server: {
                request: (_m, ex) => ex.respond({ status: d.answer.status, headers: [['Content-Type', 'application/json']], body: d.answer.body, servedBy: `kube-proxy:${node}` }),
              },
            };
          case 'forward': {
            const owner = hosts.owner(d.to.ip);
            if (owner === undefined) return { kind: 'drop', why: `no pod at ${d.to.ip}` };
            const next = d.crossNode && d.endpoint.node !== undefined ? d.endpoint.node : owner;
            return { kind: 'forward', next, dstIp: d.to.ip, dstPort: d.to.port, srcIp: d.source.ip };
          }
        }
      }
      const owner = hosts.owner(syn.dstIp);
      if (owner !== undefined && nodeOfPod(owner) === node) return { kind: 'forward', next: owner };
      return { kind: 'drop', why: `${node} has no route to ${syn.dstIp}` };
    },
  };
}

/**
 * getaddrinfo at nginx start: the pod's search list (`<ns>.svc.cluster.local`,
 * `svc.cluster.local`, `cluster.local`) for a name with fewer than 5 dots,
 * then the name itself; cluster DNS answers Service names with the ClusterIP.
 */
export function resolveAtStart(cluster: Cluster, trace: Trace, ref: PodRef, component: string, host: string): string[] | undefined {
  const conf = cluster.resolvConf(ref.namespace);
  const dots = host.split('.').length - 1;
  const candidates = host.endsWith('.') ? [host] : dots >= conf.ndots ? [host, ...conf.search.map((s) => `${host}.${s}`)] : [...conf.search.map((s) => `${host}.${s}`), host];
  for (const name of candidates) {
    const answer = cluster.lookup(name);
    if (answer.rcode === 'NOERROR') {
      trace.record({
        kind: 'decision',
        component,
        decision: `resolve ${host}`,
        why: `nginx resolves "${host}" once, at start, through cluster DNS (search list, ndots:${conf.ndots}): ${answer.why}; the upstream is that single address from now on`,
      });
      return [answer.ip];
    }
  }
  trace.record({ kind: 'decision', component, decision: `resolve ${host}`, why: `cluster DNS has no Service for "${host}" (tried ${candidates.join(', ')})` });
  return undefined;
}
