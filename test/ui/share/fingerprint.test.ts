import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../src/ui/instructor/build';
import { formatSummary } from '../../../src/ui/share/fingerprint';
import { headless, helloPlan } from '../instructor/helpers';

function summaryAt(seed: number, atMs: number) {
  const result = buildRun(helloPlan(seed), { atMs }, headless());
  if (!result.ok) throw new Error(result.errors.join());
  return result.built.fingerprint.summary();
}

describe('trace fingerprint', () => {
  it('is the same for the same scenario, seed and moment', () => {
    expect(summaryAt(1, 5_000)).toEqual(summaryAt(1, 5_000));
  });

  it('differs for another seed, and for another moment', () => {
    expect(summaryAt(2, 5_000).hash).not.toBe(summaryAt(1, 5_000).hash);
    expect(summaryAt(1, 6_000).hash).not.toBe(summaryAt(1, 5_000).hash);
  });

  it('counts requests and outcomes by status', () => {
    const s = summaryAt(1, 5_000);
    expect(s.requests).toBeGreaterThanOrEqual(4);
    expect(s.outcomes['200']).toBeGreaterThanOrEqual(4);
    expect(formatSummary(s)).toMatch(/^\d+ records · \d+ requests · 200×\d+ · #[0-9a-f]{8}$/);
  });
});
