/**
 * Response-time distributions for an app, drawn from its own seeded stream.
 *
 * `uniform` is the simplest to reason about in a lesson; `lognormal` is what
 * real service latencies look like (a body around the median and a long
 * tail), given the way people describe it: a median and a 99th percentile.
 * Draws are rounded to whole microseconds so trace times print short and a
 * last-bit difference in Math.log between engines cannot reorder events.
 */
import type { Rng } from '../../sim';

export type LatencyDistribution =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly p99Ms: number };

/** z for the 99th percentile of the standard normal distribution. */
const Z99 = 2.326347874;

function micros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** A standard normal draw (Box–Muller, one value per two uniforms: simple and stateless). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** One response time in milliseconds. `fixed` draws nothing, so it never shifts the stream. */
export function drawLatency(d: LatencyDistribution, rng: Rng): number {
  switch (d.kind) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.maxMs <= d.minMs ? d.minMs : micros(rng.uniform(d.minMs, d.maxMs));
    case 'lognormal': {
      const mu = Math.log(d.medianMs);
      const sigma = d.p99Ms > d.medianMs ? Math.log(d.p99Ms / d.medianMs) / Z99 : 0;
      return micros(Math.exp(mu + sigma * standardNormal(rng)));
    }
  }
}

/** `20–60 ms`, `median 30 ms, p99 250 ms`: for inspectors and `why` texts. */
export function describeLatency(d: LatencyDistribution): string {
  switch (d.kind) {
    case 'fixed':
      return `${d.ms} ms`;
    case 'uniform':
      return `${d.minMs}–${d.maxMs} ms`;
    case 'lognormal':
      return `median ${d.medianMs} ms, p99 ${d.p99Ms} ms`;
  }
}
