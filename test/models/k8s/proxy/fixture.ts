/** What the kube-proxy routing tests share: the pod CIDR, nodes, and an endpoint with its conditions. */
import { parseCidr } from '../../../../src/models/k8s/cluster/ipv4';
import type { ProxyEndpoint } from '../../../../src/models/k8s/proxy/categorize';

export const CIDR = parseCidr('10.244.0.0/16');
export const node1 = { name: 'node-1', ip: '10.0.1.10' };
export const node2 = { name: 'node-2', ip: '10.0.2.10' };
export const node3 = { name: 'node-3', ip: '10.0.3.10' };

/** A ready, serving endpoint on port 80, with `state` changing its conditions. */
export const ep = (pod: string, ip: string, node: string, state: Partial<ProxyEndpoint> = {}): ProxyEndpoint => ({
  ip,
  port: 80,
  node,
  pod,
  ready: true,
  serving: true,
  terminating: false,
  ...state,
});
