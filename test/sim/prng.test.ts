import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/sim/prng';

function draw(random: Random, name: string, n: number): number[] {
  const rng = random.stream(name);
  return Array.from({ length: n }, () => rng.next());
}

describe('Random', () => {
  it('gives the same numbers for the same seed and stream name', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, name) => {
        expect(draw(new Random(seed), name, 20)).toEqual(draw(new Random(seed), name, 20));
      }),
    );
  });

  it('keeps a stream unchanged when another stream is added or drawn from', () => {
    const alone = new Random(7);
    const expected = draw(alone, 'nlb', 50);

    const crowded = new Random(7);
    const other = crowded.stream('client:new');
    for (let i = 0; i < 1000; i++) other.next();
    expect(draw(crowded, 'nlb', 50)).toEqual(expected);
  });

  it('gives different numbers for different seeds and different names', () => {
    expect(draw(new Random(1), 'a', 10)).not.toEqual(draw(new Random(2), 'a', 10));
    expect(draw(new Random(1), 'a', 10)).not.toEqual(draw(new Random(1), 'b', 10));
  });

  it('draws floats in [0, 1) and integers in [0, n)', () => {
    const rng = new Random(3).stream('range');
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });

  it('is roughly uniform', () => {
    const rng = new Random(11).stream('uniform');
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(rng.next() * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(n / 100);
  });
});
