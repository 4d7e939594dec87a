/**
 * Which endpoints a node's kube-proxy uses for a Service port
 * (`CategorizeEndpoints`, `pkg/proxy/topology.go`, without topology hints).
 *
 * Cluster policy: every ready endpoint; if none is ready anywhere, the
 * serving-but-terminating ones. Local policy: the ready endpoints on this
 * node; if none, this node's serving-but-terminating ones. "Has any
 * endpoints" tells a Service with nowhere to go (REJECT: connection refused)
 * from a node that merely has no local endpoint (DROP).
 */

/** An endpoint as kube-proxy holds it. */
export interface ProxyEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly node?: string;
  readonly pod: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

export interface Categorized {
  /** Used for Cluster policy. */
  readonly cluster: readonly ProxyEndpoint[];
  readonly clusterUsesTerminating: boolean;
  /** Used for Local policy. */
  readonly local: readonly ProxyEndpoint[];
  readonly localUsesTerminating: boolean;
  /** Local endpoints that are ready: what the health check node port reports. */
  readonly localReady: number;
  readonly hasAnyEndpoints: boolean;
}

const servingTerminating = (e: ProxyEndpoint) => e.serving && e.terminating;

export function categorize(endpoints: readonly ProxyEndpoint[], node: string): Categorized {
  const ready = endpoints.filter((e) => e.ready);
  const clusterUsesTerminating = ready.length === 0;
  const cluster = clusterUsesTerminating ? endpoints.filter(servingTerminating) : ready;
  const localReady = ready.filter((e) => e.node === node);
  const localUsesTerminating = localReady.length === 0;
  const local = localUsesTerminating ? endpoints.filter((e) => e.node === node && servingTerminating(e)) : localReady;
  return {
    cluster,
    clusterUsesTerminating: clusterUsesTerminating && cluster.length > 0,
    local,
    localUsesTerminating: localUsesTerminating && local.length > 0,
    localReady: localReady.length,
    hasAnyEndpoints: cluster.length > 0,
  };
}

/** kube-proxy's order: by `ip:port` as a string (`byEndpoint`, endpointslicecache.go). */
export function sortEndpoints(endpoints: readonly ProxyEndpoint[]): ProxyEndpoint[] {
  const key = (e: ProxyEndpoint) => `${e.ip}:${e.port}`;
  return [...endpoints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
