/**
 * Allocating ClusterIPs and NodePorts the way the API server does.
 *
 * Both allocators are bitmaps over a range, split in two bands (KEP-3070 and
 * KEP-3668): a low "static" band for values authors ask for, and the rest for
 * dynamic allocation. A dynamic allocation draws a random offset in the upper
 * band and scans forward to the first free value (`randomScanStrategyWithOffset`),
 * falling back to the low band when the upper one is full. Band sizes follow
 * `calculateRangeOffset`: min(max(16, size/16), 256) for Service CIDRs,
 * min(max(16, size/32), 128) for the NodePort range — so a /12 keeps its
 * first 256 addresses and 30000–32767 its first 86 ports for static use.
 *
 * Draws come from a seeded stream, so the same scenario and seed always give
 * the same addresses and ports.
 */
import type { Rng } from '../../../sim';

/** Where a static band ends, by the API server's formula. */
export function staticBandSize(rangeSize: number, step: number, max: number): number {
  const min = 16;
  if (rangeSize <= min) return 0;
  return Math.min(Math.max(min, Math.floor(rangeSize / step)), max);
}

/** A bitmap of offsets [0, size) with the API server's random-scan allocation. */
export class OffsetAllocator {
  private readonly used = new Set<number>();

  constructor(
    readonly size: number,
    private readonly bandStart: number,
    private readonly rng: Rng,
  ) {}

  has(offset: number): boolean {
    return this.used.has(offset);
  }

  /** Claim a specific offset; false when it is taken. */
  claim(offset: number): boolean {
    if (offset < 0 || offset >= this.size || this.used.has(offset)) return false;
    this.used.add(offset);
    return true;
  }

  release(offset: number): void {
    this.used.delete(offset);
  }

  /** Claim a free offset: random start in the upper band, scan forward; then the low band. */
  next(): number | undefined {
    const upper = this.scan(this.bandStart, this.size);
    return upper ?? this.scan(0, this.bandStart);
  }

  private scan(from: number, to: number): number | undefined {
    const span = to - from;
    if (span <= 0) return undefined;
    const start = this.rng.int(span);
    for (let i = 0; i < span; i++) {
      const offset = from + ((start + i) % span);
      if (!this.used.has(offset)) {
        this.used.add(offset);
        return offset;
      }
    }
    return undefined;
  }
}
