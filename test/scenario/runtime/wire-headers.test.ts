import { describe, expect, it } from 'vitest';
import { teachingHeaders } from '../../../src/scenario/runtime/wire-headers';

describe('teachingHeaders', () => {
  it('keeps only Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto and Via, in that order and spelling', () => {
    const kept = teachingHeaders([
      ['x-forwarded-for', '203.0.113.7'],
      ['User-Agent', 'curl/8.5.0'],
      ['host', 'my-nlb-url.com'],
      ['Connection', 'close'],
      ['X-REAL-IP', '10.0.1.10'],
    ]);
    expect(kept).toEqual({ Host: 'my-nlb-url.com', 'X-Real-IP': '10.0.1.10', 'X-Forwarded-For': '203.0.113.7' });
    expect(Object.keys(kept ?? {})).toEqual(['Host', 'X-Real-IP', 'X-Forwarded-For']);
  });

  it('joins a header sent twice into one list value', () => {
    expect(teachingHeaders([['X-Forwarded-For', '203.0.113.7'], ['X-Forwarded-For', '10.0.1.10']])).toEqual({ 'X-Forwarded-For': '203.0.113.7, 10.0.1.10' });
  });

  it('gives the same answer for a spelling seen before, also after hundreds of other spellings', () => {
    const headers: [string, string][] = [['HOST', 'a.example'], ['x-real-ip', '10.0.0.1'], ['Accept', '*/*']];
    const first = teachingHeaders(headers);
    for (let i = 0; i < 300; i++) teachingHeaders([[`X-Custom-${i}`, 'v']]);
    expect(teachingHeaders(headers)).toEqual(first);
    expect(first).toEqual({ Host: 'a.example', 'X-Real-IP': '10.0.0.1' });
  });

  it('gives nothing when no watched header is there', () => {
    expect(teachingHeaders([['User-Agent', 'ELB-HealthChecker/2.0']])).toBeUndefined();
  });
});
