import { describe, expect, it } from 'vitest';
import { accessLine, type AppRequest } from '../../../src/models/backend';

const request = (headers: [string, string][], remoteIp = '127.0.0.1'): AppRequest => ({ id: 'r1', method: 'GET', path: '/a?b=1', headers, remoteIp });
const ok = { status: 200, headers: [], body: 'hello' };

describe('the app access-log line', () => {
  it('starts with the address that connected and writes - for a missing X-Forwarded-For', () => {
    expect(accessLine(request([]), ok)).toBe('127.0.0.1 - - "GET /a?b=1 HTTP/1.1" 200 5 "-"');
  });

  it('adds x-real-ip when the request carries X-Real-IP, whatever the header name\'s case', () => {
    expect(accessLine(request([['x-REAL-ip', '203.0.113.7']]), ok)).toBe('127.0.0.1 - - "GET /a?b=1 HTTP/1.1" 200 5 "-" x-real-ip="203.0.113.7"');
  });

  it('shows both headers when both are present, X-Forwarded-For first', () => {
    const line = accessLine(request([['X-Forwarded-For', '192.168.1.23, 198.51.100.77'], ['X-Real-IP', '198.51.100.77']], '198.51.100.20'), { ...ok, status: 502, body: '' });
    expect(line).toBe('198.51.100.20 - - "GET /a?b=1 HTTP/1.1" 502 0 "192.168.1.23, 198.51.100.77" x-real-ip="198.51.100.77"');
  });
});
