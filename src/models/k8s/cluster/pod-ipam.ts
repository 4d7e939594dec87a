/**
 * Pod addresses from each node's pod CIDR, as the CNI `host-local` IPAM
 * plugin hands them out: .1 is the node's bridge (the pods' gateway), pods
 * get .2 upwards, and each allocation continues after the last one given, so
 * a freed address is not reused until the range wraps. A restarted container
 * keeps its pod's address; a replacement pod gets a new one.
 */
import type { ClusterNode } from './nodes';
import { formatIpv4, parseIpv4 } from './ipv4';

export class PodIpam {
  private readonly used = new Set<number>();
  /** Last offset handed out, per node. */
  private readonly last = new Map<string, number>();

  allocate(node: ClusterNode): string | undefined {
    const first = 2;
    const lastUsable = node.podCidr.size - 2;
    const span = lastUsable - first + 1;
    const after = this.last.get(node.name) ?? first - 1;
    for (let i = 1; i <= span; i++) {
      const offset = first + ((after - first + i) % span);
      const ip = node.podCidr.base + offset;
      if (this.used.has(ip)) continue;
      this.used.add(ip);
      this.last.set(node.name, offset);
      return formatIpv4(ip);
    }
    return undefined;
  }

  release(ip: string): void {
    const value = parseIpv4(ip);
    if (value !== undefined) this.used.delete(value);
  }
}
