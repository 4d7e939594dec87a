import { describe, expect, it } from 'vitest';
import { elapsedMs, outcomeOfReset, outcomeOfTimeout, resultForStatus } from '../../../src/models/client';

describe('outcome rules', () => {
  it('counts 1xx to 3xx as ok and 4xx and 5xx as errors', () => {
    expect([200, 204, 301, 304, 400, 404, 499, 500, 502, 504].map(resultForStatus)).toEqual([
      'ok', 'ok', 'ok', 'ok', 'error', 'error', 'error', 'error', 'error', 'error',
    ]);
  });

  it('gives no-response outcomes status 0 and says why', () => {
    expect(outcomeOfTimeout('b#1', 10_000)).toEqual({
      requestId: 'b#1', status: 0, result: 'timeout', latencyMs: 10_000, why: 'no answer within 10000 ms: the client gave up',
    });
    expect(outcomeOfReset('b#2', 'refused', 'nothing listens', 50)).toMatchObject({ status: 0, result: 'refused', why: 'connection refused: nothing listens' });
  });

  it('measures latency without floating-point noise', () => {
    expect(elapsedMs(2000.1, 2071.3)).toBe(71.2);
  });
});
