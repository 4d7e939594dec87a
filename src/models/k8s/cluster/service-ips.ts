/**
 * ClusterIPs from the Service CIDR (default 10.96.0.0/12) and NodePorts from
 * `--service-node-port-range` (default 30000–32767), with the API server's
 * error messages when an author asks for one that is taken or out of range.
 *
 * The first address of the CIDR (10.96.0.1) belongs to the `kubernetes`
 * Service, and kubeadm gives cluster DNS the tenth (10.96.0.10), so both are
 * held from the start. The network and broadcast addresses are never handed out.
 */
import type { Rng } from '../../../sim';
import { OffsetAllocator, staticBandSize } from './allocator';
import type { Cidr } from './ipv4';
import { cidrContains, formatCidr, formatIpv4, parseCidr, parseIpv4 } from './ipv4';

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
export const DEFAULT_NODE_PORT_RANGE: readonly [number, number] = [30000, 32767];

export type Allocation<T> = { ok: true; value: T } | { ok: false; why: string };

export class ClusterIpAllocator {
  readonly cidr: Cidr;
  private readonly bits: OffsetAllocator;

  constructor(cidr: string, rng: Rng) {
    this.cidr = parseCidr(cidr);
    // Offsets count from the first usable address, as the API server's bitmap does.
    const usable = this.cidr.size - 2;
    this.bits = new OffsetAllocator(usable, staticBandSize(usable, 16, 256), rng);
    this.bits.claim(0);
    if (usable > 9) this.bits.claim(9);
  }

  /** The address kubeadm reserves for cluster DNS (the CIDR's tenth). */
  get dnsIp(): string {
    return formatIpv4(this.cidr.base + 10);
  }

  allocate(requested?: string): Allocation<string> {
    if (requested !== undefined) {
      const ip = parseIpv4(requested);
      const offset = ip === undefined ? -1 : ip - this.cidr.base - 1;
      if (ip === undefined || !cidrContains(this.cidr, ip) || offset < 0 || offset >= this.bits.size) {
        return { ok: false, why: `Invalid value: ${JSON.stringify(requested)}: provided IP is not in the valid range. The range of valid IPs is ${formatCidr(this.cidr)}` };
      }
      if (!this.bits.claim(offset)) {
        return { ok: false, why: `Invalid value: ${JSON.stringify(requested)}: provided IP is already allocated` };
      }
      return { ok: true, value: requested };
    }
    const offset = this.bits.next();
    if (offset === undefined) return { ok: false, why: `Internal error: range is full: no ClusterIP left in ${formatCidr(this.cidr)}` };
    return { ok: true, value: formatIpv4(this.cidr.base + 1 + offset) };
  }

  release(ip: string): void {
    const value = parseIpv4(ip);
    if (value !== undefined) this.bits.release(value - this.cidr.base - 1);
  }
}

export class NodePortAllocator {
  private readonly bits: OffsetAllocator;

  constructor(
    readonly range: readonly [number, number],
    rng: Rng,
  ) {
    const size = range[1] - range[0] + 1;
    this.bits = new OffsetAllocator(size, staticBandSize(size, 32, 128), rng);
  }

  allocate(requested?: number): Allocation<number> {
    const [lo, hi] = this.range;
    if (requested !== undefined) {
      if (requested < lo || requested > hi) {
        return { ok: false, why: `Invalid value: ${requested}: provided port is not in the valid range. The range of valid ports is ${lo}-${hi}` };
      }
      if (!this.bits.claim(requested - lo)) return { ok: false, why: `Invalid value: ${requested}: provided port is already allocated` };
      return { ok: true, value: requested };
    }
    const offset = this.bits.next();
    if (offset === undefined) return { ok: false, why: `Internal error: range is full: no NodePort left in ${lo}-${hi}` };
    return { ok: true, value: lo + offset };
  }

  release(port: number): void {
    this.bits.release(port - this.range[0]);
  }
}
