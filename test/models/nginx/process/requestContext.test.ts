import { describe, expect, it } from 'vitest';
import { requestId, requestLength } from '../../../../src/models/nginx/process/requestContext';

/** A stream that returns the given draws in turn. */
function draws(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('$request_id', () => {
  it('writes each 32-bit draw as 8 lower-case hex digits, zero-padded', () => {
    const at = (n: number) => n / 0x100000000;
    expect(requestId(draws([at(0), at(1), at(0xdeadbeef), at(0xffffffff)]))).toBe('00000000' + '00000001' + 'deadbeef' + 'ffffffff');
    expect(requestId(draws([at(0x80000000), at(0x7fffffff), at(0x10000), at(0xffff)]))).toBe('80000000' + '7fffffff' + '00010000' + '0000ffff');
  });

  it('is 32 hex digits for any draws', () => {
    const values = Array.from({ length: 64 }, (_, i) => (i * 0.618033988749) % 1);
    const random = draws(values);
    for (let i = 0; i < 16; i++) expect(requestId(random)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('$request_length', () => {
  it('counts the request line, each field with ": " and CRLF, the blank line and the body', () => {
    const req = { id: 'r', method: 'GET', uri: '/a', httpVersion: 'HTTP/1.1' as const, headers: [['Host', 'x']] as [string, string][], clientIp: '1.1.1.1', clientPort: 1, localIp: '2.2.2.2', localPort: 80 };
    // "GET /a HTTP/1.1\r\n" 17 + "Host: x\r\n" 9 + "\r\n" 2
    expect(requestLength(req)).toBe(28);
    expect(requestLength({ ...req, body: 'abc' })).toBe(31);
  });
});
