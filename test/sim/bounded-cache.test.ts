import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/sim';

describe('BoundedCache', () => {
  it('works an answer out once per key and hands the same one back', () => {
    let made = 0;
    const cache = new BoundedCache<string, { text: string }>(10, (key) => {
      made++;
      return { text: key.toUpperCase() };
    });
    const first = cache.get('host');
    expect(first).toEqual({ text: 'HOST' });
    expect(cache.get('host')).toBe(first);
    expect(made).toBe(1);
  });

  it('remembers an undefined answer instead of working it out again', () => {
    let made = 0;
    const cache = new BoundedCache<string, string | undefined>(10, () => {
      made++;
      return undefined;
    });
    expect(cache.get('x')).toBeUndefined();
    expect(cache.get('x')).toBeUndefined();
    expect(made).toBe(1);
  });

  it('starts afresh at its limit, so memory stays bounded and answers stay equal', () => {
    let made = 0;
    const cache = new BoundedCache<number, number>(3, (n) => {
      made++;
      return n * 2;
    });
    for (const n of [1, 2, 3]) cache.get(n);
    expect(cache.size).toBe(3);
    expect(cache.get(4)).toBe(8);
    expect(cache.size).toBe(1);
    expect(cache.get(1)).toBe(2);
    expect(made).toBe(5);
  });
});
