import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { block, play, server } from './harness';
import { ringOwner, referenceRing } from './reference';

const method = { kind: 'hash', key: '$request_uri', consistent: true } as const;
const SERVERS = ['10.0.1.10:3000', '10.0.1.11:3000', '10.0.1.12:3000'];
const healthy = Object.fromEntries(SERVERS.map((s) => [s, 'ok' as const]));
const keys = Array.from({ length: 3000 }, (_, i) => `/product/${i}`);

function owner(servers: string[], key: string, opts: { down?: string[] } = {}): string {
  const state = createUpstreamState(block(servers.map((s) => server(s, { down: opts.down?.includes(s) ?? false })), method));
  const r = play(state, healthy, { hashKey: key });
  return r.via[0]!;
}

describe('hash KEY consistent', () => {
  it('sends a key to the owner of the first ring point at or after crc32(key)', () => {
    const ring = referenceRing(SERVERS.map((s) => ({ server: s, weight: 1 })));
    for (const key of keys.slice(0, 50)) expect(owner(SERVERS, key)).toBe(ringOwner(ring, key));
  });

  it('wraps to the first point when crc32(key) is past the last one', () => {
    const ring = referenceRing(SERVERS.map((s) => ({ server: s, weight: 1 })));
    const last = ring[ring.length - 1]!.hash;
    const key = Array.from({ length: 200000 }, (_, i) => `w${i}`).find((k) => zlibCrc32(Buffer.from(k)) > last);
    expect(key).toBeDefined();
    expect(owner(SERVERS, key!)).toBe(ring[0]!.server);
  });

  it('moves a key whose server is down to the next point, as if that server were gone', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(...SERVERS), (key, down) => {
        const rest = SERVERS.filter((s) => s !== down);
        expect(owner(SERVERS, key, { down: [down] })).toBe(owner(rest, key));
      }),
      { numRuns: 200 },
    );
  });

  it('moves only the removed server\'s keys when a server is taken out, about a third of them', () => {
    const before = keys.map((k) => owner(SERVERS, k));
    const after = keys.map((k) => owner(SERVERS.slice(0, 2), k));
    let moved = 0;
    keys.forEach((_, i) => {
      if (before[i] !== SERVERS[2]) expect(after[i]).toBe(before[i]);
      else moved++;
    });
    expect(moved / keys.length).toBeGreaterThan(0.2);
    expect(moved / keys.length).toBeLessThan(0.47);
  });

  it('places points by the server as written, so the addresses of one name share its keys by WRR', () => {
    const X = '10.0.2.1:80';
    const Y = '10.0.2.2:80';
    const state = createUpstreamState(
      block([server('api:80', { addresses: [X, Y] }), server('web:80', { addresses: ['10.0.3.1:80'] })], method),
    );
    const ring = referenceRing([{ server: 'api:80', weight: 1 }, { server: 'web:80', weight: 1 }]);
    const key = keys.find((k) => ringOwner(ring, k) === 'api:80')!;
    const backends = { [X]: 'ok', [Y]: 'ok', '10.0.3.1:80': 'ok' } as const;
    const seen = [0, 1, 2, 3].map(() => play(state, backends, { hashKey: key }).via[0]);
    expect(seen).toEqual([X, Y, X, Y]);
  });

  it('falls back to round-robin when the key is empty', () => {
    const state = createUpstreamState(block(SERVERS.map((s) => server(s)), method));
    const r = [0, 1, 2].map(() => play(state, healthy, { hashKey: '' }));
    expect(r.map((x) => x.via[0])).toEqual(SERVERS);
    expect(r[0]!.whys[0]).toMatch(/^consistent hash: key is empty, using round-robin/);
  });

  it('falls back to round-robin after moving past 20 points of unusable servers', () => {
    // One live server with weight 1 against a down one with weight 30: find a key
    // whose next 21 points all belong to the down server.
    const servers = [{ server: '10.0.9.1:80', weight: 1 }, { server: '10.0.9.2:80', weight: 30 }];
    const ring = referenceRing(servers);
    const key = keys.find((k) => {
      const h = zlibCrc32(Buffer.from(k));
      const start = Math.max(0, ring.findIndex((p) => p.hash >= h));
      return Array.from({ length: 21 }, (_, n) => ring[(start + n) % ring.length]!.server).every((s) => s === '10.0.9.2:80');
    });
    expect(key).toBeDefined();
    const state = createUpstreamState(
      block([server('10.0.9.1:80'), server('10.0.9.2:80', { weight: 30, down: true })], method),
    );
    const r = play(state, { '10.0.9.1:80': 'ok' }, { hashKey: key! });
    expect(r.via).toEqual(['10.0.9.1:80']);
    expect(r.whys[0]).toMatch(/gave up after 20 points.*using round-robin/);
  });
});
