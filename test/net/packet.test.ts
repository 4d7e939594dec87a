import { describe, expect, it } from 'vitest';
import { requestIdOf, statusLine, summarize, traceTypeOf, type Message } from '../../src/net';

const request: Message = { type: 'request', request: { id: 'browser#1', method: 'POST', path: '/api?x=1', host: 'h' } };
const response: Message = { type: 'response', response: { requestId: 'browser#1', status: 502, servedBy: 'nginx' } };
const reset: Message = { type: 'rst', requestId: 'browser#1', reason: 'reset', why: 'crashed' };

describe('packets', () => {
  it('summarises each kind of message in a line a student can read', () => {
    expect(summarize(request, 'app')).toBe('POST /api?x=1 → app');
    expect(summarize(response, 'browser')).toBe('502 Bad Gateway → browser');
    expect(summarize(reset, 'browser')).toBe('RST → browser (connection reset)');
    expect(summarize({ ...reset, reason: 'refused' }, 'browser')).toBe('RST → browser (connection refused)');
  });

  it('ties every message to its request and names its trace type', () => {
    expect([request, response, reset].map(requestIdOf)).toEqual(['browser#1', 'browser#1', 'browser#1']);
    expect([request, response, reset].map(traceTypeOf)).toEqual(['request', 'response', 'tcp']);
  });

  it('prints a bare status when it has no known reason phrase', () => {
    expect(statusLine(599)).toBe('599');
    expect(statusLine(200)).toBe('200 OK');
  });
});
