import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import { headersMissing, journeyOf, watchedHeaders } from '../../../src/ui/journey/hops';

const records = [
  { kind: 'request', t: 0, seq: 0, requestId: 'r1', client: 'browser', method: 'GET', url: '/api/users' },
  { kind: 'send', t: 0, seq: 1, packet: 'p1', type: 'request', from: 'browser', to: 'nlb-a', requestId: 'r1', summary: 'GET /api/users', src: '203.0.113.7:50000', dst: '52.0.0.1:80', headers: [['Host', 'example.com'], ['User-Agent', 'curl']] },
  { kind: 'deliver', t: 11, seq: 2, packet: 'p1', type: 'request', from: 'browser', to: 'nlb-a', requestId: 'r1', summary: 'GET /api/users' },
  { kind: 'send', t: 11, seq: 3, packet: 'p1', type: 'request', from: 'nlb-a', to: 'nginx-1', requestId: 'r1', summary: 'GET /api/users', headers: { Host: 'example.com', 'X-Forwarded-For': '203.0.113.7' } },
  { kind: 'decision', t: 12, seq: 4, component: 'nginx-1', decision: 'location', requestId: 'r1', why: 'longest prefix match "/api/"' },
  { kind: 'drop', t: 12, seq: 5, packet: 'p1', type: 'request', from: 'nlb-a', to: 'nginx-1', requestId: 'r1', summary: 'GET /api/users', why: 'nothing listens' },
  { kind: 'outcome', t: 40, seq: 6, requestId: 'r1', client: 'browser', status: 0, result: 'refused', latencyMs: 40, why: 'RST' },
] as unknown as TraceRecord[];

describe('journeyOf', () => {
  it('follows a packet id from hop to hop, closing each hop with its own delivery or drop', () => {
    const steps = journeyOf(records);
    expect(steps.map((s) => s.kind)).toEqual(['start', 'hop', 'hop', 'decision', 'end']);
    const [, first, second] = steps;
    expect(first).toMatchObject({ from: 'browser', to: 'nlb-a', result: 'delivered', t1: 11, src: '203.0.113.7:50000', dst: '52.0.0.1:80' });
    expect(second).toMatchObject({ from: 'nlb-a', to: 'nginx-1', result: 'dropped', why: 'nothing listens' });
  });

  it('keeps only the headers that matter, from pairs or an object', () => {
    const [, first, second] = journeyOf(records);
    expect(first?.kind === 'hop' && first.headers).toEqual([['Host', 'example.com']]);
    expect(second?.kind === 'hop' && second.headers).toEqual([['Host', 'example.com'], ['X-Forwarded-For', '203.0.113.7']]);
    expect(watchedHeaders(undefined)).toBeUndefined();
    expect(watchedHeaders({ Via: '1.1 office-proxy (squid)', Server: 'nginx' })).toEqual([['Via', '1.1 office-proxy (squid)']]);
  });

  it('says when the world records no headers at all', () => {
    expect(headersMissing(journeyOf(records))).toBe(false);
    const bare = records.map((r) => (r.kind === 'send' ? ({ ...r, headers: undefined } as TraceRecord) : r));
    expect(headersMissing(journeyOf(bare))).toBe(true);
  });
});
