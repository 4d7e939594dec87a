import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { decodeHash, encodeHash, fromBase64Url, inflateBounded, toBase64Url } from '../../../src/ui/share/codec';

describe('share link codec', () => {
  it('round-trips a value through the hash, in URL-safe characters only', () => {
    const value = { text: 'ünïcode ✓ <script>alert(1)</script>', n: [1, 2, 3] };
    const hash = encodeHash(value);
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    expect(decodeHash(hash)).toEqual({ ok: true, json: value });
  });

  it('round-trips any bytes through base64url', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('says the link is damaged when its data is not base64url', () => {
    const result = decodeHash('#s=1.abc$%^');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('not valid base64url') as string });
  });

  it('says the link is damaged when its data does not decompress', () => {
    expect(decodeHash(`#s=1.${toBase64Url(new Uint8Array([7, 7, 7, 7, 7, 7]))}`)).toEqual({ ok: false, error: expect.stringContaining('does not decompress') as string });
  });

  it('says which format a link from another version has', () => {
    expect(decodeHash('#s=7.abcd')).toEqual({ ok: false, error: expect.stringContaining('format 7') as string });
    expect(decodeHash('#s=x.abcd')).toEqual({ ok: false, error: expect.stringContaining('version is missing') as string });
  });

  it('refuses a link longer than the limit before decoding it', () => {
    expect(decodeHash(`#s=1.${'A'.repeat(101)}`, { maxEncoded: 100, maxInflated: 1000 })).toEqual({ ok: false, error: expect.stringContaining('too long') as string });
  });

  it('stops inflating a small payload that would unpack past the limit (a zip bomb)', () => {
    const bomb = deflateSync(new Uint8Array(20_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(30_000);
    expect(inflateBounded(bomb, 1_000_000)).toBe('too big');
    expect(decodeHash(`#s=1.${toBase64Url(bomb)}`)).toEqual({ ok: false, error: expect.stringContaining('unpacks to more than') as string });
  });

  it('rejects data that is not UTF-8 text, or not JSON', () => {
    expect(decodeHash(`#s=1.${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0xfd])))}`)).toEqual({ ok: false, error: expect.stringContaining('not UTF-8') as string });
    expect(decodeHash(`#s=1.${toBase64Url(deflateSync(new TextEncoder().encode('{nope')))}`)).toEqual({ ok: false, error: expect.stringContaining('not JSON') as string });
  });
});
