import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Final, crc32Init, crc32Update } from '../../../../src/models/nginx/upstream/crc32';

describe('crc32', () => {
  it('gives the standard IEEE check values', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('agrees with zlib on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });

  it('gives the same value fed in pieces as in one go', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const pieces = crc32Final(crc32Update(crc32Update(crc32Init(), new TextEncoder().encode(a)), new TextEncoder().encode(b)));
        expect(pieces).toBe(crc32(a + b));
      }),
    );
  });
});
