/**
 * The numbers behind the charts, as plain functions over outcome points:
 * time buckets sized so a run of any length fits in about sixty bars,
 * statuses per bucket, latency percentiles per bucket (quantiles as D3 computes them), and
 * requests per backend. The components only draw what these return.
 */
import { quantileSorted } from './scales';
import type { OutcomePoint } from '../history/outcomes';

/** Bucket widths to choose from, in ms: round numbers a student can read off an axis. */
const STEPS = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

/** The bucket width that splits `spanMs` into at most `maxBuckets` buckets. */
export function bucketFor(spanMs: number, maxBuckets = 60): number {
  return STEPS.find((s) => spanMs / s <= maxBuckets) ?? STEPS[STEPS.length - 1] ?? 3_600_000;
}

/** The status group a key falls in, for colour and legend: `2xx`…`5xx`, or `failed` when no status came back. */
export function statusGroup(key: string): '2xx' | '3xx' | '4xx' | '5xx' | 'failed' {
  if (!/^\d{3}$/.test(key)) return 'failed';
  return `${key[0]}xx` as '2xx' | '3xx' | '4xx' | '5xx';
}

export const STATUS_GROUPS = ['2xx', '3xx', '4xx', '5xx', 'failed'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export interface StatusBucket {
  t: number;
  counts: Record<StatusGroup, number>;
}

export interface LatencyBucket {
  t: number;
  n: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Split `points` (sorted by t) into buckets of `bucketMs` from `from`; each point goes in the bucket containing its t. */
function buckets(points: readonly OutcomePoint[], from: number, to: number, bucketMs: number): OutcomePoint[][] {
  const n = Math.max(1, Math.ceil((to - from) / bucketMs));
  const out: OutcomePoint[][] = Array.from({ length: n }, () => []);
  for (const p of points) {
    const i = Math.floor((p.t - from) / bucketMs);
    if (i >= 0 && i < n) out[i]?.push(p);
  }
  return out;
}

/** Statuses per bucket. */
export function statusSeries(points: readonly OutcomePoint[], from: number, to: number, bucketMs: number): StatusBucket[] {
  return buckets(points, from, to, bucketMs).map((list, i) => {
    const counts: Record<StatusGroup, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0 };
    for (const p of list) counts[statusGroup(p.key)]++;
    return { t: from + i * bucketMs, counts };
  });
}

/** Latency percentiles per bucket; buckets without requests are left out (the line breaks there). */
export function latencySeries(points: readonly OutcomePoint[], from: number, to: number, bucketMs: number): LatencyBucket[] {
  const out: LatencyBucket[] = [];
  buckets(points, from, to, bucketMs).forEach((list, i) => {
    // Only answered requests: a timeout's "latency" is the client giving up, not the server's speed.
    const sorted = list.filter((p) => p.status > 0).map((p) => p.latencyMs).sort((a, b) => a - b);
    if (sorted.length === 0) return;
    out.push({
      t: from + i * bucketMs,
      n: sorted.length,
      p50: quantileSorted(sorted, 0.5) ?? 0,
      p90: quantileSorted(sorted, 0.9) ?? 0,
      p99: quantileSorted(sorted, 0.99) ?? 0,
    });
  });
  return out;
}

/** Requests per backend, most first, keeping only `isBackend` ones (nginx answering by itself is not a backend). */
export function perBackend(counts: ReadonlyMap<string, number>, isBackend: (id: string) => boolean = () => true): { id: string; n: number }[] {
  return [...counts]
    .filter(([id]) => isBackend(id))
    .map(([id, n]) => ({ id, n }))
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
}
