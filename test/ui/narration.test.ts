import { describe, expect, it } from 'vitest';
import { Narration } from '../../src/ui/narration';
import type { OutcomeRecord } from '../../src/sim';

const ok = (seq: number, status = 200): OutcomeRecord => ({ kind: 'outcome', t: seq, seq, requestId: `r${seq}`, client: 'browser', status, result: status >= 500 ? 'error' : 'ok', latencyMs: 20, servedBy: 'app', why: '' });

describe('Narration', () => {
  it('stays quiet when nothing worth saying happened', () => {
    const n = new Narration((id) => id);
    n.add([{ kind: 'log', t: 0, seq: 0, component: 'app', stream: 'access', line: 'x' }]);
    expect(n.take(0)).toBeUndefined();
  });

  it('says a single outcome in full', () => {
    const n = new Narration((id) => id);
    n.add([ok(1)]);
    expect(n.take(0)).toBe('browser gets 200 from app after 20 ms.');
  });

  it('counts many outcomes by status instead of reading each', () => {
    const n = new Narration((id) => id);
    n.add([ok(1), ok(2), ok(3, 502)]);
    expect(n.take(0)).toBe('3 requests finished: 2 × 200, 1 × 502.');
  });

  it('speaks at most once per interval while playing, and keeps what happened meanwhile', () => {
    const n = new Narration((id) => id, 2000);
    n.add([ok(1)]);
    expect(n.take(1000)).toBeDefined();
    n.add([ok(2)]);
    expect(n.take(1500)).toBeUndefined();
    n.add([ok(3)]);
    expect(n.take(3000)).toBe('2 requests finished: 2 × 200.');
  });

  it('answers a step at once, whatever the interval', () => {
    const n = new Narration((id) => id, 2000);
    n.add([ok(1)]);
    n.take(1000);
    n.add([ok(2)]);
    expect(n.take(1001, true)).toBe('browser gets 200 from app after 20 ms.');
  });

  it('says everything one step did, in order, and forgets what it covered', () => {
    const n = new Narration((id) => id, 2000);
    n.add([ok(1)]);
    const said = n.saySteps([{ kind: 'send', t: 0, seq: 0, packet: 'p', type: 'request', from: 'browser', to: 'app', summary: 'GET /' }, ok(1)], 0);
    expect(said).toBe('browser sends request to app: GET /. browser gets 200 from app after 20 ms.');
    expect(n.take(10_000)).toBeUndefined();
  });
});
