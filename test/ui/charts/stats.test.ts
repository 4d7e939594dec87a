import { describe, expect, it } from 'vitest';
import type { OutcomePoint } from '../../../src/ui/history/outcomes';
import { bucketFor, latencySeries, perBackend, statusGroup, statusSeries } from '../../../src/ui/charts/stats';

const point = (t: number, key: string, latencyMs = 10, servedBy = 'api-1'): OutcomePoint => ({ t, key, status: /^\d+$/.test(key) ? Number(key) : 0, servedBy, latencyMs });

describe('bucketFor', () => {
  it('picks a round bucket width that fits the run in about sixty bars', () => {
    expect(bucketFor(10_000)).toBe(1_000);
    expect(bucketFor(60_000)).toBe(1_000);
    expect(bucketFor(61_000)).toBe(2_000);
    expect(bucketFor(3_600_000)).toBe(60_000);
  });
});

describe('statusSeries', () => {
  it('counts statuses per bucket by group, with no-response outcomes apart', () => {
    const series = statusSeries([point(100, '200'), point(900, '502'), point(1500, 'timeout'), point(1600, '301')], 0, 2000, 1000);
    expect(series.map((b) => b.counts)).toEqual([
      { '2xx': 1, '3xx': 0, '4xx': 0, '5xx': 1, failed: 0 },
      { '2xx': 0, '3xx': 1, '4xx': 0, '5xx': 0, failed: 1 },
    ]);
    expect(statusGroup('refused')).toBe('failed');
  });
});

describe('latencySeries', () => {
  it('gives p50, p90 and p99 of the answered requests in each bucket, and skips empty buckets', () => {
    const points = Array.from({ length: 100 }, (_, i) => point(i, '200', i + 1));
    points.push(point(50, 'timeout', 99_999));
    const [b, ...rest] = latencySeries(points, 0, 3000, 1000);
    expect(rest).toEqual([]);
    expect(b?.n).toBe(100);
    expect(b?.p50).toBeCloseTo(50.5);
    expect(b?.p90).toBeCloseTo(90.1);
    expect(b?.p99).toBeLessThan(101);
  });
});

describe('perBackend', () => {
  it('sorts backends by requests answered and leaves out what is not a backend', () => {
    const counts = new Map([['api-1', 3], ['api-2', 5], ['browser', 9]]);
    expect(perBackend(counts, (id) => id !== 'browser')).toEqual([{ id: 'api-2', n: 5 }, { id: 'api-1', n: 3 }]);
  });
});
