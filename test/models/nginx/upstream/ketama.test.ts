import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRing, findPoint, serverPoints, splitServer } from '../../../../src/models/nginx/upstream/ketama';

/** The documented point formula, computed with zlib: crc32(host "\0" port LE32(previous point)). */
function expectedPoints(host: string, port: string, count: number): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let j = 0; j < count; j++) {
    const le = Buffer.alloc(4);
    le.writeUInt32LE(prev);
    prev = zlibCrc32(Buffer.concat([Buffer.from(host), Buffer.from([0]), Buffer.from(port), le]));
    out.push(prev);
  }
  return out;
}

describe('splitServer', () => {
  it('splits host and port at the last colon followed only by digits', () => {
    expect(splitServer('10.0.1.10:3000')).toEqual({ host: '10.0.1.10', port: '3000' });
    expect(splitServer('auth-service:80')).toEqual({ host: 'auth-service', port: '80' });
    expect(splitServer('[::1]:8080')).toEqual({ host: '[::1]', port: '8080' });
  });

  it('keeps a name without a port, or with a non-numeric tail, whole', () => {
    expect(splitServer('backend')).toEqual({ host: 'backend', port: '' });
    expect(splitServer('[::1]')).toEqual({ host: '[::1]', port: '' });
  });

  it('takes unix: paths as host with no port, case-insensitively', () => {
    expect(splitServer('unix:/run/app.sock')).toEqual({ host: '/run/app.sock', port: '' });
    expect(splitServer('UNIX:/x:80')).toEqual({ host: '/x:80', port: '' });
  });
});

describe('ketama points', () => {
  it('chains each point from the previous one, starting at LE32(0)', () => {
    expect(serverPoints('10.0.1.10:3000', 160)).toEqual(expectedPoints('10.0.1.10', '3000', 160));
    expect(serverPoints('backend', 5)).toEqual(expectedPoints('backend', '', 5));
  });

  it('gives each server 160 points per unit of weight, sorted', () => {
    const ring = buildRing([
      { server: 'a:80', weight: 1 },
      { server: 'b:80', weight: 2 },
    ]);
    expect(ring).toHaveLength(480);
    expect(ring.filter((p) => p.server === 'b:80')).toHaveLength(320);
    for (let i = 1; i < ring.length; i++) expect(ring[i]!.hash).toBeGreaterThan(ring[i - 1]!.hash);
  });

  it('keeps one point per hash when addresses of one name produce the same points', () => {
    const ring = buildRing([
      { server: 'api:80', weight: 1 },
      { server: 'api:80', weight: 1 },
      { server: 'web:80', weight: 1 },
    ]);
    expect(ring).toHaveLength(320);
  });
});

describe('findPoint', () => {
  const ring = [10, 20, 30].map((hash) => ({ hash, server: String(hash) }));

  it('finds the first point at or after the hash', () => {
    expect(findPoint(ring, 0)).toBe(0);
    expect(findPoint(ring, 10)).toBe(0);
    expect(findPoint(ring, 11)).toBe(1);
    expect(findPoint(ring, 30)).toBe(2);
  });

  it('returns the ring length past the last point, for the caller to wrap', () => {
    expect(findPoint(ring, 31)).toBe(3);
  });
});
