import { describe, expect, it } from 'vitest';
import { ExpressionError, parseGoal, parseMeasure } from '../../src/lessons';

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}

describe('the measure language', () => {
  it('reads the field of the nth request, optionally from one client', () => {
    expect(parseMeasure('servedBy of request 4')).toEqual({ m: 'field', field: 'servedBy', n: 4 });
    expect(parseMeasure('status of request 2 from phone')).toEqual({ m: 'field', field: 'status', n: 2, from: 'phone' });
  });

  it('reads counts with a status, filters and a window of times', () => {
    expect(parseMeasure('count of 502 from browser for /api/ between 10s and t=20s')).toEqual({
      m: 'count',
      set: { kind: 'requests', what: { type: 'status', code: 502 }, from: 'browser', path: '/api/', window: { after: { kind: 'at', ms: 10_000 }, before: { kind: 'at', ms: 20_000 } } },
    });
  });

  it('reads anchors: a state a component reaches, and a command given', () => {
    expect(parseMeasure('count of failures after app becomes crashed').m).toBe('count');
    const goal = parseGoal('api-2 receives no new requests after it is marked unhealthy');
    expect(goal).toEqual({ g: 'receivesNone', component: 'api-2', window: { after: { kind: 'state', component: 'api-2', state: 'unhealthy' } } });
    expect(parseGoal('no 5xx after crash of app')).toEqual({
      g: 'none',
      set: { kind: 'requests', what: { type: 'class', hundred: 5 }, window: { after: { kind: 'command', command: 'crash', target: 'app' } } },
    });
  });

  it('reads decisions by name (quoted) and component', () => {
    expect(parseMeasure('count of decisions "cache hit" by resolver after 10s')).toEqual({
      m: 'count',
      set: { kind: 'decisions', decision: 'cache hit', by: 'resolver', window: { after: { kind: 'at', ms: 10_000 } } },
    });
    expect(errorOf(() => parseMeasure('share of decisions')).message).toBe('share counts requests, not decisions');
  });

  it('reads shares per server with an en dash or a hyphen range', () => {
    const dash = parseGoal('each of auth-*, api-1 gets 25%–40% of requests after 10s');
    const hyphen = parseGoal('each of auth-*, api-1 gets 25%-40% of requests after 10s');
    expect(dash).toEqual(hyphen);
    expect(dash).toMatchObject({ g: 'each', servers: ['auth-*', 'api-1'], min: 25, max: 40 });
  });

  it('reads Kubernetes-style ids with "/" and ":" as one name', () => {
    expect(parseMeasure('count of requests servedBy pod:default/auth-* for /auth/')).toMatchObject({ set: { servedBy: 'pod:default/auth-*', path: '/auth/' } });
  });

  it('reads comparisons in words and symbols', () => {
    expect(parseGoal('count of successes after 30s is at least 20')).toMatchObject({ comparison: { op: '>=', value: { value: 20 } } });
    expect(parseGoal('mean latency of successes <= 200ms')).toMatchObject({ comparison: { op: '<=', value: { value: 200, unit: 'ms' } } });
    expect(parseGoal('share of requests servedBy a is between 20% and 40%')).toMatchObject({ comparison: { op: 'between' } });
    expect(parseGoal('servedBy of request 1 is app')).toMatchObject({ comparison: { op: '=', value: { kind: 'word', value: 'app' } } });
  });

  it('says what was expected, at the column where it went wrong', () => {
    const e = errorOf(() => parseGoal('no 502 after soon'));
    expect(e.message).toMatch(/expected a time such as 40s.*got "soon"/);
    expect(e.pos).toBe(13);
    expect(errorOf(() => parseGoal('count of 502 is fast')).message).toMatch(/expected a number such as 3 to compare with, got "fast"/);
    expect(errorOf(() => parseMeasure('count 502')).message).toBe('expected "of", got "502"');
    expect(errorOf(() => parseMeasure('count of 502 after 40s extra')).message).toBe('expected the end of the expression, got "extra"');
    expect(errorOf(() => parseGoal('each of a gets 40%-20% of requests')).message).toMatch(/upper bound ≥ 40%/);
    expect(errorOf(() => parseMeasure('count of requests to app')).message).toMatch(/to and type apply to messages/);
  });

  it('rejects a latency compared with a plain number, since its unit would be a guess', () => {
    expect(errorOf(() => parseGoal('max latency of requests < 200')).message).toMatch(/a duration such as 200ms/);
  });
});
