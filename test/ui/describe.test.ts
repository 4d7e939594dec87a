import { describe, expect, it } from 'vitest';
import { describeRecord } from '../../src/ui/describe';
import type { TraceRecord } from '../../src/sim';

const names = (id: string) => ({ browser: 'Browser', app: 'App server' })[id] ?? id;

describe('describeRecord', () => {
  it('names both ends of a packet with their diagram labels', () => {
    const r: TraceRecord = { kind: 'send', t: 0, seq: 0, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' };
    expect(describeRecord(r, names)).toBe('Browser sends request to App server: GET /');
  });

  it('says who received a delivered packet', () => {
    const r: TraceRecord = { kind: 'deliver', t: 20, seq: 1, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' };
    expect(describeRecord(r, names)).toBe('App server receives request from Browser: GET /');
  });

  it('gives the reason of a state change', () => {
    const r: TraceRecord = { kind: 'state', t: 5, seq: 2, component: 'app', from: 'up', to: 'crashed', why: 'instructor crashed it' };
    expect(describeRecord(r, names)).toBe('App server goes from up to crashed (instructor crashed it)');
  });

  it('says the status and who served a successful request', () => {
    const r: TraceRecord = { kind: 'outcome', t: 40, seq: 3, requestId: 'r1', client: 'browser', status: 200, result: 'ok', latencyMs: 40, servedBy: 'app', why: '' };
    expect(describeRecord(r, names)).toBe('Browser gets 200 from App server after 40 ms');
  });

  it('says how a request failed when no response came', () => {
    const r: TraceRecord = { kind: 'outcome', t: 40, seq: 3, requestId: 'r1', client: 'browser', status: 0, result: 'refused', latencyMs: 1, why: 'nothing listens on 10.0.0.10:80' };
    expect(describeRecord(r, names)).toBe("Browser's request fails: refused after 1 ms (nothing listens on 10.0.0.10:80)");
  });

  it('quotes a log line as the component wrote it', () => {
    const r: TraceRecord = { kind: 'log', t: 1, seq: 4, component: 'app', stream: 'access', line: '10.0.0.2 - - "GET / HTTP/1.1" 200' };
    expect(describeRecord(r, names)).toBe('App server access log: 10.0.0.2 - - "GET / HTTP/1.1" 200');
  });
});
