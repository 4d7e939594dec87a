import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import { admit, drawLatency } from '../../../src/models/backend';

describe('latency distributions', () => {
  it('draws a log-normal whose median and 99th percentile are the ones asked for', () => {
    const rng = new Random(7).stream('l');
    const draws = Array.from({ length: 20_000 }, () => drawLatency({ kind: 'lognormal', medianMs: 30, p99Ms: 250 }, rng)).sort((a, b) => a - b);
    expect(draws[10_000]).toBeGreaterThan(28);
    expect(draws[10_000]).toBeLessThan(32);
    expect(draws[19_800]).toBeGreaterThan(220);
    expect(draws[19_800]).toBeLessThan(285);
  });

  it('draws uniformly within its range, and a fixed latency draws nothing from the stream', () => {
    const a = new Random(1).stream('l');
    const b = new Random(1).stream('l');
    const d = drawLatency({ kind: 'uniform', minMs: 20, maxMs: 60 }, a);
    expect(d).toBeGreaterThanOrEqual(20);
    expect(d).toBeLessThan(60);
    expect(drawLatency({ kind: 'fixed', ms: 5 }, b)).toBe(5);
    expect(b.next()).toBe(new Random(1).stream('l').next());
  });
});

describe('admission', () => {
  it('starts while a worker is free and nobody waits, queues up to the limit, then rejects', () => {
    const capacity = { concurrency: 2, queue: 2 };
    expect(admit(capacity, 1, 0)).toEqual({ kind: 'start' });
    expect(admit(capacity, 1, 1)).toEqual({ kind: 'queue', position: 2 });
    expect(admit(capacity, 2, 1)).toEqual({ kind: 'queue', position: 2 });
    expect(admit(capacity, 2, 2).kind).toBe('reject');
  });
});
