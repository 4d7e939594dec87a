/**
 * The answer of kube-proxy's per-Service health check server on
 * `healthCheckNodePort` (`pkg/proxy/healthcheck/service_health.go`): any
 * path, 200 when this node has at least one ready local endpoint and
 * kube-proxy is healthy, otherwise 503, with a JSON body naming the Service
 * and the count, and the count again in `X-Load-Balancing-Endpoint-Weight`.
 * This is what makes an NLB stop sending `Local` traffic to nodes without pods.
 */

export interface HealthzAnswer {
  readonly status: 200 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly why: string;
}

export function healthzAnswer(namespace: string, name: string, localEndpoints: number, node: string, proxyHealthy = true): HealthzAnswer {
  const ok = localEndpoints > 0 && proxyHealthy;
  const body = [
    '{',
    '\t"service": {',
    `\t\t"namespace": ${JSON.stringify(namespace)},`,
    `\t\t"name": ${JSON.stringify(name)}`,
    '\t},',
    `\t"localEndpoints": ${localEndpoints},`,
    `\t"serviceProxyHealthy": ${proxyHealthy}`,
    '}',
  ].join('\n');
  const reason = ok
    ? `${localEndpoints} ready local endpoint${localEndpoints === 1 ? '' : 's'} on ${node}`
    : !proxyHealthy
      ? `kube-proxy on ${node} is not healthy`
      : `no ready endpoint of ${namespace}/${name} on ${node}: the load balancer should stop sending traffic here`;
  return {
    status: ok ? 200 : 503,
    headers: {
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(localEndpoints),
    },
    body,
    why: `healthCheckNodePort /healthz → ${ok ? 200 : 503}: ${reason}`,
  };
}
