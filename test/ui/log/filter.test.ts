import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import type { LogEntry } from '../../../src/ui/trace-view.svelte';
import { filterEntries, passes, recentRequests } from '../../../src/ui/log/filter';

const send = { kind: 'send', t: 0, seq: 0, packet: 'p1', type: 'request', from: 'browser', to: '10.0.1.5:80', requestId: 'r1', summary: '' } as TraceRecord;
const state = { kind: 'state', t: 1, seq: 1, component: 'nlb/tg/node-a', from: 'healthy', to: 'unhealthy', why: '' } as TraceRecord;
const request = { kind: 'request', t: 2, seq: 2, requestId: 'r2', client: 'browser', method: 'GET', url: '/' } as TraceRecord;
const aliases = new Map([['10.0.1.5:80', 'nginx-1']]);

describe('event log filter', () => {
  it('counts a packet for both its ends, an address as its component', () => {
    expect(passes(send, { component: 'nginx-1', request: '' }, aliases)).toBe(true);
    expect(passes(send, { component: 'browser', request: '' }, aliases)).toBe(true);
    expect(passes(send, { component: 'api-1', request: '' }, aliases)).toBe(false);
  });

  it('counts a part of a component (an NLB’s target health) as the component', () => {
    expect(passes(state, { component: 'nlb', request: '' }, aliases)).toBe(true);
  });

  it('keeps only a request’s own records when filtering by request', () => {
    expect(passes(send, { component: '', request: 'r1' }, aliases)).toBe(true);
    expect(passes(state, { component: '', request: 'r1' }, aliases)).toBe(false);
  });

  it('drops entries left empty by a filter, and keeps every entry without one', () => {
    const entries: LogEntry[] = [
      { key: 0, event: 1, t: 0, records: [send] },
      { key: 1, event: 2, t: 1, records: [state] },
      { key: 2, event: 3, t: 1, records: [] },
    ];
    expect(filterEntries(entries, { component: '', request: '' }, aliases)).toHaveLength(3);
    expect(filterEntries(entries, { component: 'nginx-1', request: '' }, aliases).map((e) => e.event)).toEqual([1]);
  });

  it('lists the requests seen, newest first', () => {
    const entries: LogEntry[] = [
      { key: 0, event: 1, t: 0, records: [{ ...request, requestId: 'r1' } as TraceRecord] },
      { key: 1, event: 2, t: 1, records: [request] },
    ];
    expect(recentRequests(entries)).toEqual(['r2', 'r1']);
  });
});
