/**
 * Cluster nodes as the scenario describes them: a name, an address and an
 * Availability Zone. Each node gets a /24 pod CIDR in order (node 0 →
 * 10.244.0.0/24, node 1 → 10.244.1.0/24), as the node IPAM controller hands
 * them out from `--cluster-cidr` with the default mask of 24.
 */
import type { Cidr } from './ipv4';
import { formatIpv4, parseCidr } from './ipv4';

export interface NodeSpec {
  readonly name: string;
  readonly ip: string;
  /** `topology.kubernetes.io/zone`, e.g. `eu-west-1a`. */
  readonly az: string;
  /** EC2 instance id, the NLB's target id for `instance` targets; defaults to a stable made-up id. */
  readonly instanceId?: string;
}

export interface ClusterNode extends Required<NodeSpec> {
  readonly index: number;
  readonly podCidr: Cidr;
}

export const DEFAULT_CLUSTER_CIDR = '10.244.0.0/16';
export const NODE_CIDR_MASK = 24;

/** Give each node its pod CIDR and instance id. */
export function layoutNodes(specs: readonly NodeSpec[], clusterCidr = DEFAULT_CLUSTER_CIDR): ClusterNode[] {
  const cluster = parseCidr(clusterCidr);
  const perNode = 2 ** (32 - NODE_CIDR_MASK);
  if (specs.length * perNode > cluster.size) {
    throw new RangeError(`${clusterCidr} has room for ${cluster.size / perNode} nodes, not ${specs.length}`);
  }
  return specs.map((spec, index) => {
    const podCidr = parseCidr(`${formatIpv4(cluster.base + index * perNode)}/${NODE_CIDR_MASK}`);
    return {
      name: spec.name,
      ip: spec.ip,
      az: spec.az,
      instanceId: spec.instanceId ?? `i-${(index + 1).toString(16).padStart(17, '0')}`,
      index,
      podCidr,
    };
  });
}

