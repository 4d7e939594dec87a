import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import { OutcomeSeries, outcomeKey } from '../../../src/ui/history/outcomes';

const outcome = (t: number, status: number, servedBy?: string): TraceRecord => ({
  kind: 'outcome', t, seq: t, requestId: `r${t}`, client: 'c', status, result: status === 0 ? 'timeout' : 'ok', latencyMs: 10, ...(servedBy ? { servedBy } : {}), why: '',
});

describe('OutcomeSeries', () => {
  it('keys an outcome by status, or by how it failed when no status came back', () => {
    expect(outcomeKey({ status: 502, result: 'error' })).toBe('502');
    expect(outcomeKey({ status: 0, result: 'refused' })).toBe('refused');
  });

  it('counts requests per server up to any time of the run', () => {
    const series = new OutcomeSeries();
    [outcome(1, 200, 'api-1'), outcome(2, 200, 'api-2'), outcome(3, 200, 'api-1'), outcome(4, 0)].forEach((r) => series.add(r));
    expect(Object.fromEntries(series.perServer(Infinity))).toEqual({ 'api-1': 2, 'api-2': 1 });
    expect(Object.fromEntries(series.perServer(2))).toEqual({ 'api-1': 1, 'api-2': 1 });
    expect(Object.fromEntries(series.perServer(0))).toEqual({});
  });

  it('returns the points of a time window, oldest first', () => {
    const series = new OutcomeSeries();
    [1, 2, 3, 4].forEach((t) => series.add(outcome(t, 200, 'a')));
    expect(series.between(1, 3).map((p) => p.t)).toEqual([2, 3]);
  });

  it('keeps whole-run totals when old points leave the window', () => {
    const series = new OutcomeSeries(4);
    for (let t = 1; t <= 20; t++) series.add(outcome(t, 200, 'a'));
    expect(series.size).toBeLessThanOrEqual(5);
    expect(series.perServer(Infinity).get('a')).toBe(20);
    expect(series.perServer(19).get('a')).toBe(19);
  });
});
