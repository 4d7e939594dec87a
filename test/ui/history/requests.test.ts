import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import { RequestIndex } from '../../../src/ui/history/requests';

const request = (t: number, requestId: string): TraceRecord => ({ kind: 'request', t, seq: t, requestId, client: 'c', method: 'GET', url: '/' });
const decision = (t: number, requestId?: string): TraceRecord => ({ kind: 'decision', t, seq: t, component: 'nginx', decision: 'location', why: 'longest prefix', ...(requestId ? { requestId } : {}) });

describe('RequestIndex', () => {
  it('groups every record that names a request under its id, in order', () => {
    const index = new RequestIndex();
    [request(1, 'r1'), request(2, 'r2'), decision(3, 'r1'), decision(4)].forEach((r) => index.add(r));
    expect(index.records('r1').map((r) => r.kind)).toEqual(['request', 'decision']);
    expect(index.records('r2')).toHaveLength(1);
  });

  it('shows a request only as far as the view has got', () => {
    const index = new RequestIndex();
    [request(1, 'r1'), decision(5, 'r1')].forEach((r) => index.add(r));
    expect(index.records('r1', 3)).toHaveLength(1);
  });

  it('forgets the oldest request first when full', () => {
    const index = new RequestIndex(2);
    ['r1', 'r2', 'r3'].forEach((id, i) => index.add(request(i, id)));
    expect(index.ids()).toEqual(['r2', 'r3']);
    expect(index.has('r1')).toBe(false);
  });
});
