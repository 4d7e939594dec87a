import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import { pickPath, sourceAddress } from '../../../src/models/client';

describe('request mix', () => {
  it('draws paths in proportion to their weights', () => {
    const rng = new Random(3).stream('mix');
    const mix = [
      { method: 'GET', path: '/', weight: 3 },
      { method: 'GET', path: '/api/', weight: 1 },
    ];
    const counts: Record<string, number> = {};
    for (let i = 0; i < 8000; i++) {
      const p = pickPath(mix, rng).path;
      counts[p] = (counts[p] ?? 0) + 1;
    }
    expect((counts['/'] ?? 0) / 8000).toBeGreaterThan(0.72);
    expect((counts['/'] ?? 0) / 8000).toBeLessThan(0.78);
  });

  it('takes source addresses from the pool in turn', () => {
    expect([0, 1, 2, 3].map((n) => sourceAddress(['a', 'b', 'c'], n))).toEqual(['a', 'b', 'c', 'a']);
  });
});
