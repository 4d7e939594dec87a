import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import { requestIntervalMs, firstRequestDelayMs, type Arrival } from '../../../src/models/client';
import { startClient } from './harness';

const everySecond: Arrival = { kind: 'fixed', meanIntervalMs: 1000, startMs: 0 };
const ok = (requestId: string) => ({ type: 'RESPONSE' as const, response: { requestId, status: 200, servedBy: 'app' } });

describe('client machine', () => {
  it('issues nothing at creation: its first request is an engine event at t = 0', () => {
    const { engine, recorded } = startClient(everySecond);
    expect(recorded.sent).toEqual([]);
    engine.step();
    expect(recorded.sent).toEqual([[0, 'browser#1']]);
  });

  it('sends requests at exactly 0, 1000, 2000 … ms of virtual time on a fixed interval', () => {
    const { engine, recorded } = startClient(everySecond);
    engine.runUntil(4000);
    expect(recorded.sent).toEqual([
      [0, 'browser#1'],
      [1000, 'browser#2'],
      [2000, 'browser#3'],
      [3000, 'browser#4'],
      [4000, 'browser#5'],
    ]);
  });

  it('waits for its start time before the first request', () => {
    const { engine, recorded } = startClient({ kind: 'fixed', meanIntervalMs: 500, startMs: 1500 });
    engine.runUntil(2600);
    expect(recorded.sent.map(([t]) => t)).toEqual([1500, 2000, 2500]);
    expect(recorded.states).toEqual([[1500, 'idle', 'active']]);
  });

  it('spaces Poisson requests by draws from its own stream, client:<id>', () => {
    const arrival: Arrival = { kind: 'poisson', meanIntervalMs: 200, startMs: 0 };
    const { engine, recorded } = startClient(arrival, { seed: 7 });
    engine.runUntil(5000);
    const rng = new Random(7).stream('client:browser');
    const expected: number[] = [];
    // The engine keeps time to the microsecond, so each scheduled time is rounded the same way.
    const micro = (ms: number) => Math.round(ms * 1000) / 1000;
    for (let t = micro(firstRequestDelayMs(arrival, rng)); t <= 5000; t = micro(t + requestIntervalMs(arrival, rng))) expected.push(t);
    expect(recorded.sent.map(([t]) => t)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('settles a request once with its response and cancels its timeout', () => {
    const { engine, actor, recorded } = startClient(everySecond, { timeoutMs: 300 });
    engine.runUntil(80);
    actor.send(ok('browser#1'));
    engine.runUntil(999);
    expect(recorded.outcomes).toEqual([
      [80, { requestId: 'browser#1', status: 200, result: 'ok', latencyMs: 80, servedBy: 'app', why: 'app answered 200 OK after 80 ms' }],
    ]);
  });

  it('times out a request at exactly its issue time plus the timeout, and ignores a late answer', () => {
    const { engine, actor, recorded } = startClient(everySecond, { timeoutMs: 300 });
    engine.runUntil(299);
    expect(recorded.outcomes).toEqual([]);
    engine.runUntil(300);
    expect(recorded.outcomes.map(([t, o]) => [t, o.requestId, o.result, o.status])).toEqual([[300, 'browser#1', 'timeout', 0]]);
    actor.send(ok('browser#1'));
    engine.runUntil(999);
    expect(recorded.outcomes).toHaveLength(1);
  });

  it('reports a reset as refused or reset, with the reason', () => {
    const { engine, actor, recorded } = startClient(everySecond);
    engine.runUntil(50);
    actor.send({ type: 'RST', requestId: 'browser#1', reason: 'refused', why: 'nothing listens on 198.51.100.10:80' });
    engine.runUntil(1100);
    actor.send({ type: 'RST', requestId: 'browser#2', reason: 'reset', why: 'app crashed' });
    expect(recorded.outcomes.map(([t, o]) => [t, o.result, o.latencyMs, o.why])).toEqual([
      [50, 'refused', 50, 'connection refused: nothing listens on 198.51.100.10:80'],
      [1100, 'reset', 100, 'connection reset: app crashed'],
    ]);
  });

  it('ignores answers to requests it never sent', () => {
    const { engine, actor, recorded } = startClient(everySecond);
    engine.runUntil(10);
    actor.send(ok('browser#99'));
    expect(recorded.outcomes).toEqual([]);
  });

  it('stops issuing when stopped but still settles what is in flight', () => {
    const { engine, actor, recorded } = startClient(everySecond, { timeoutMs: 5000 });
    engine.runUntil(1500);
    actor.send({ type: 'STOP', why: 'test' });
    engine.runUntil(20_000);
    expect(recorded.sent.map(([t]) => t)).toEqual([0, 1000]);
    expect(recorded.outcomes.map(([t, o]) => [t, o.requestId, o.result])).toEqual([
      [5000, 'browser#1', 'timeout'],
      [6000, 'browser#2', 'timeout'],
    ]);
    expect(actor.getSnapshot().value).toBe('stopped');
    expect(engine.pending).toBe(0);
  });
});
