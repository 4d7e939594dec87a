import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/sim';
import type { ProxyEndpoint } from '../../../../src/models/k8s/proxy/categorize';
import { routeConnection } from '../../../../src/models/k8s/proxy/route';
import type { ServicePortInfo } from '../../../../src/models/k8s/proxy/service-port';
import { CIDR, ep, node1, node3 } from './fixture';

function nginx(policy: 'Cluster' | 'Local', endpoints: ProxyEndpoint[]): ServicePortInfo {
  return {
    namespace: 'default',
    name: 'nginx-loadbalancer',
    portName: '',
    protocol: 'TCP',
    clusterIP: '10.100.20.30',
    port: 80,
    nodePort: 31080,
    externalTrafficPolicy: policy,
    internalTrafficPolicy: 'Cluster',
    ...(policy === 'Local' ? { healthCheckNodePort: 32100 } : {}),
    endpoints,
  };
}

const pods = [ep('nginx-a', '10.244.0.2', 'node-1'), ep('nginx-b', '10.244.1.2', 'node-2')];
const fromClient = (to: { ip: string }, port = 31080) => ({ dstIp: to.ip, dstPort: port, srcIp: '203.0.113.7', srcPort: 51000 });

function many(info: ServicePortInfo, node: typeof node1, n = 400) {
  const rng = new Random(3).stream('kube-proxy');
  return Array.from({ length: n }, () => routeConnection([info], node, fromClient(node), CIDR, rng));
}

describe('externalTrafficPolicy Cluster', () => {
  it('uses endpoints on every node and SNATs to the node IP', () => {
    const decisions = many(nginx('Cluster', pods), node1);
    const chosen = new Set(decisions.map((d) => (d.kind === 'forward' ? d.endpoint.pod : d.kind)));
    expect(chosen).toEqual(new Set(['nginx-a', 'nginx-b']));
    for (const d of decisions) {
      if (d.kind !== 'forward') throw new Error(d.why);
      expect(d.snat).toBe(true);
      expect(d.source).toEqual({ ip: '10.0.1.10' });
      expect(d.crossNode).toBe(d.endpoint.node !== 'node-1');
    }
  });

  it('explains the rule, the SNAT and the extra hop', () => {
    const d = many(nginx('Cluster', pods), node1).find((x) => x.kind === 'forward' && x.crossNode);
    expect(d?.why).toBe(
      'kube-proxy on node-1: default/nginx-loadbalancer via NodePort 31080, externalTrafficPolicy Cluster: 2 ready endpoints; ' +
        'rule 2 of 2 (the last rule has no condition and takes the rest) → nginx-b (10.244.1.2:80 on node-2); ' +
        'source NATed to the node IP 10.0.1.10, so the pod sees the node, not 203.0.113.7; extra hop node-1 → node-2',
    );
  });

  it('names each client in its own why, connection after connection through the same rules', () => {
    const info = nginx('Cluster', [pods[0]!]);
    const rng = new Random(3).stream('kube-proxy');
    const whys = ['203.0.113.7', '198.51.100.9', '203.0.113.7'].map((srcIp) => routeConnection([info], node1, { dstIp: node1.ip, dstPort: 31080, srcIp, srcPort: 51000 }, CIDR, rng).why);
    expect(whys.map((why) => why.slice(why.indexOf('not ')))).toEqual(['not 203.0.113.7', 'not 198.51.100.9', 'not 203.0.113.7']);
    expect(whys[2]).toBe(whys[0]);
  });

  it('accepts traffic on a node without pods and forwards it elsewhere', () => {
    const d = many(nginx('Cluster', pods), node3, 1)[0]!;
    expect(d.kind).toBe('forward');
    expect(d.kind === 'forward' && d.crossNode).toBe(true);
  });
});

describe('externalTrafficPolicy Local', () => {
  it('uses only this node’s endpoints and keeps the client IP', () => {
    for (const d of many(nginx('Local', pods), node1)) {
      if (d.kind !== 'forward') throw new Error(d.why);
      expect(d.endpoint.pod).toBe('nginx-a');
      expect(d.snat).toBe(false);
      expect(d.source).toEqual({ ip: '203.0.113.7', port: 51000 });
      expect(d.crossNode).toBe(false);
    }
  });

  it('drops traffic on a node with no local endpoint', () => {
    const d = many(nginx('Local', pods), node3, 1)[0]!;
    expect(d.kind).toBe('dropped');
    expect(d.why).toContain('has no endpoint on node-3 and externalTrafficPolicy is Local');
  });

  it('answers the healthCheckNodePort with 200 and the local count, or 503', () => {
    const rng = new Random(1).stream('x');
    const on1 = routeConnection([nginx('Local', pods)], node1, fromClient(node1, 32100), CIDR, rng);
    const on3 = routeConnection([nginx('Local', pods)], node3, fromClient(node3, 32100), CIDR, rng);
    if (on1.kind !== 'healthz' || on3.kind !== 'healthz') throw new Error('expected healthz answers');
    expect(on1.answer.status).toBe(200);
    expect(JSON.parse(on1.answer.body)).toEqual({ service: { namespace: 'default', name: 'nginx-loadbalancer' }, localEndpoints: 1, serviceProxyHealthy: true });
    expect(on1.answer.headers['X-Load-Balancing-Endpoint-Weight']).toBe('1');
    expect(on3.answer.status).toBe(503);
    expect(JSON.parse(on3.answer.body).localEndpoints).toBe(0);
  });

  it('counts only ready local endpoints in the health check', () => {
    const rng = new Random(1).stream('x');
    const notReady = [ep('nginx-a', '10.244.0.2', 'node-1', { ready: false, serving: false }), pods[1]!];
    const d = routeConnection([nginx('Local', notReady)], node1, fromClient(node1, 32100), CIDR, rng);
    expect(d.kind === 'healthz' && d.answer.status).toBe(503);
  });
});

describe('terminating endpoints and empty Services', () => {
  it('uses serving-but-terminating endpoints only when no endpoint is ready', () => {
    const terminating = ep('nginx-old', '10.244.0.9', 'node-1', { ready: false, serving: true, terminating: true });
    const withReady = many(nginx('Cluster', [terminating, pods[1]!]), node1, 200);
    expect(new Set(withReady.map((d) => (d.kind === 'forward' ? d.endpoint.pod : d.kind)))).toEqual(new Set(['nginx-b']));
    const onlyTerminating = many(nginx('Cluster', [terminating]), node1, 1)[0]!;
    expect(onlyTerminating.kind === 'forward' && onlyTerminating.endpoint.pod).toBe('nginx-old');
    expect(onlyTerminating.why).toContain('no ready endpoint: falling back to terminating ones that still serve');
  });

  it('refuses the connection when no endpoint is ready or serving', () => {
    const down = ep('nginx-a', '10.244.0.2', 'node-1', { ready: false, serving: false });
    const d = many(nginx('Cluster', [down]), node1, 1)[0]!;
    expect(d.kind).toBe('refused');
    expect(d.why).toBe('kube-proxy on node-1: default/nginx-loadbalancer has no endpoints (no ready or serving pod), so its REJECT rule answers: connection refused');
  });

  it('answers a NodePort nobody uses with a RST', () => {
    const d = routeConnection([nginx('Cluster', pods)], node1, fromClient(node1, 30999), CIDR, new Random(1).stream('x'));
    expect(d.kind).toBe('refused');
  });
});

describe('ClusterIP traffic from pods', () => {
  it('keeps the pod source address and masquerades a pod that reaches itself', () => {
    const info = nginx('Cluster', [pods[0]!]);
    const rng = new Random(1).stream('x');
    const fromOther = routeConnection([info], node1, { dstIp: '10.100.20.30', dstPort: 80, srcIp: '10.244.1.7' }, CIDR, rng);
    expect(fromOther.kind === 'forward' && fromOther.source).toEqual({ ip: '10.244.1.7' });
    const hairpin = routeConnection([info], node1, { dstIp: '10.100.20.30', dstPort: 80, srcIp: '10.244.0.2' }, CIDR, rng);
    expect(hairpin.kind === 'forward' && hairpin.snat).toBe(true);
  });
});
