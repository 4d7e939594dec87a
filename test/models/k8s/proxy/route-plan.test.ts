import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/sim';
import type { ProxyEndpoint } from '../../../../src/models/k8s/proxy/categorize';
import { routeConnection } from '../../../../src/models/k8s/proxy/route';
import { isPodAddress } from '../../../../src/models/k8s/proxy/route-plan';
import type { ServicePortInfo } from '../../../../src/models/k8s/proxy/service-port';
import { CIDR, ep, node1, node2 } from './fixture';

function web(endpoints: ProxyEndpoint[], policy: 'Cluster' | 'Local' = 'Cluster'): ServicePortInfo {
  return {
    namespace: 'default',
    name: 'web',
    portName: '',
    protocol: 'TCP',
    clusterIP: '10.100.0.5',
    port: 80,
    nodePort: 30080,
    externalTrafficPolicy: policy,
    internalTrafficPolicy: 'Cluster',
    endpoints,
  };
}

const viaNodePort = (node: { ip: string }) => ({ dstIp: node.ip, dstPort: 30080, srcIp: '203.0.113.7', srcPort: 51000 });
const viaClusterIp = (srcIp: string) => ({ dstIp: '10.100.0.5', dstPort: 80, srcIp, srcPort: 40000 });

describe('kube-proxy plans made once per rule set', () => {
  it('sends the first connection after a sync to the new endpoints, not the ones planned before', () => {
    const rng = new Random(1).stream('kube-proxy');
    const before = routeConnection([web([ep('web-a', '10.244.0.2', 'node-1')])], node1, viaNodePort(node1), CIDR, rng);
    const after = routeConnection([web([ep('web-b', '10.244.1.2', 'node-2')])], node1, viaNodePort(node1), CIDR, rng);
    expect(before.kind === 'forward' && before.endpoint.pod).toBe('web-a');
    expect(after.kind === 'forward' && after.endpoint.pod).toBe('web-b');
    expect(after.why).toContain('extra hop node-1 → node-2');
  });

  it('keeps each node its own plan for the same rules', () => {
    const rng = new Random(1).stream('kube-proxy');
    const rules = [web([ep('web-a', '10.244.0.2', 'node-1')], 'Local')];
    const onNode1 = routeConnection(rules, node1, viaNodePort(node1), CIDR, rng);
    const onNode2 = routeConnection(rules, node2, viaNodePort(node2), CIDR, rng);
    expect(onNode1.kind).toBe('forward');
    expect(onNode1.why).toMatch(/^kube-proxy on node-1: default\/web via NodePort 30080, externalTrafficPolicy Local: 1 ready local endpoint;/);
    expect(onNode2.kind).toBe('dropped');
    expect(onNode2.why).toContain('no endpoint on node-2');
  });

  it('writes the per-connection parts of the why for each connection on the same plan', () => {
    const rng = new Random(1).stream('kube-proxy');
    const rules = [web([ep('web-a', '10.244.0.2', 'node-1')])];
    const fromPod = routeConnection(rules, node1, viaClusterIp('10.244.3.9'), CIDR, rng);
    const hairpin = routeConnection(rules, node1, viaClusterIp('10.244.0.2'), CIDR, rng);
    const fromNode = routeConnection(rules, node1, viaClusterIp('10.0.9.9'), CIDR, rng);
    expect(fromPod.why).toMatch(/; client IP 10\.244\.3\.9 preserved$/);
    expect(fromPod.kind === 'forward' && fromPod.source).toEqual({ ip: '10.244.3.9', port: 40000 });
    expect(hairpin.why).toMatch(/; source masqueraded to 10\.0\.1\.10 \(the pod reaches itself\)$/);
    expect(fromNode.why).toMatch(/; source NATed to the node IP 10\.0\.1\.10, so the pod sees the node, not 10\.0\.9\.9$/);
  });

  it('tells pod addresses from others, the same on a second asking', () => {
    for (let i = 0; i < 2; i++) {
      expect(isPodAddress(CIDR, '10.244.255.1')).toBe(true);
      expect(isPodAddress(CIDR, '10.245.0.1')).toBe(false);
      expect(isPodAddress(CIDR, 'not-an-ip')).toBe(false);
    }
  });
});
