import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import { firstRequestDelayMs, requestIntervalMs } from '../../../src/models/client';

describe('arrival', () => {
  it('uses the exact interval and start time for fixed arrivals, without drawing', () => {
    const rng = new Random(1).stream('x');
    const arrival = { kind: 'fixed' as const, meanIntervalMs: 250, startMs: 100 };
    expect([firstRequestDelayMs(arrival, rng), requestIntervalMs(arrival, rng)]).toEqual([100, 250]);
    expect(rng.next()).toBe(new Random(1).stream('x').next());
  });

  it('draws Poisson gaps with the requested mean, rounded to whole microseconds', () => {
    const rng = new Random(3).stream('client:a');
    const arrival = { kind: 'poisson' as const, meanIntervalMs: 100, startMs: 0 };
    const gaps = Array.from({ length: 20_000 }, () => requestIntervalMs(arrival, rng));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(97);
    expect(mean).toBeLessThan(103);
    for (const gap of gaps.slice(0, 100)) expect(Math.round(gap * 1000) / 1000).toBe(gap);
  });

  it('adds the start time to the first Poisson gap', () => {
    const arrival = { kind: 'poisson' as const, meanIntervalMs: 100, startMs: 5000 };
    const first = firstRequestDelayMs(arrival, new Random(3).stream('c'));
    const gap = requestIntervalMs({ ...arrival, startMs: 0 }, new Random(3).stream('c'));
    expect(first).toBe(5000 + gap);
  });
});
