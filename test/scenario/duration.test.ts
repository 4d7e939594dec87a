import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/scenario';

describe('durations', () => {
  it('reads milliseconds, seconds, minutes, hours and plain numbers of milliseconds', () => {
    expect(['500ms', '30s', '10m', '1h', '1.5s', '1m30s', '250', 250, 0].map(parseDuration)).toEqual([
      500, 30_000, 600_000, 3_600_000, 1500, 90_000, 250, 250, 0,
    ]);
  });

  it('rejects anything else', () => {
    for (const bad of ['fast', '-1s', '1 d', '10x', '', 's', -5, Number.NaN, Infinity, null, true, '1s2']) {
      expect(parseDuration(bad), String(bad)).toBeUndefined();
    }
  });

  it('formats durations for summaries', () => {
    expect([formatDuration(60_000), formatDuration(1500), formatDuration(250), formatDuration(0.5)]).toEqual(['60 s', '1.5 s', '250 ms', '0.5 ms']);
  });
});
