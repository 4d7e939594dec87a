import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import { decideStatus, drawLatencyMs } from '../../../src/models/backend';

describe('server behaviour', () => {
  it('draws latencies uniformly within [min, max], rounded to microseconds', () => {
    const rng = new Random(1).stream('server:app:latency');
    const draws = Array.from({ length: 5000 }, () => drawLatencyMs({ minMs: 20, maxMs: 60 }, rng));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...draws)).toBeLessThanOrEqual(60);
    expect(draws.filter((d) => d < 40).length / draws.length).toBeCloseTo(0.5, 1);
    for (const d of draws.slice(0, 50)) expect(Math.round(d * 1000) / 1000).toBe(d);
  });

  it('uses a fixed latency without drawing when min equals max', () => {
    const rng = new Random(1).stream('s');
    expect(drawLatencyMs({ minMs: 30, maxMs: 30 }, rng)).toBe(30);
    expect(rng.next()).toBe(new Random(1).stream('s').next());
  });

  it('always answers 200 at error rate 0 and 500 at error rate 1, saying why', () => {
    const rng = new Random(1).stream('e');
    expect(decideStatus(0, rng)).toEqual({ status: 200 });
    const failed = decideStatus(1, rng);
    expect(failed.status).toBe(500);
    expect(failed.why).toMatch(/^errorRate 1: this request drew 0\.\d{3} < 1, so the app fails it with 500$/);
  });

  it('fails about errorRate of requests', () => {
    const rng = new Random(9).stream('e');
    const failures = Array.from({ length: 10_000 }, () => decideStatus(0.1, rng)).filter((d) => d.status === 500);
    expect(failures.length).toBeGreaterThan(900);
    expect(failures.length).toBeLessThan(1100);
  });
});
