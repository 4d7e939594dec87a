import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { ipHashBytes } from '../../../../src/models/nginx/upstream/clientAddr';
import { A, B, C, block, play, server } from './harness';
import { byWeight, ipHashRounds } from './reference';

const all = { [A]: 'ok', [B]: 'ok', [C]: 'ok' } as const;
const addrs = [A, B, C];
const weights = [1, 2, 1];
const group = (downB = false) =>
  block([server(A), server(B, { weight: 2, down: downB }), server(C)], { kind: 'ip_hash' });

describe('ip_hash', () => {
  it('hashes the first three octets with h=(h×113+b) mod 6271 from 89, then walks the weights', () => {
    for (const ip of ['10.0.0.1', '192.168.1.77', '203.0.113.7', '127.0.0.1', '8.8.4.4']) {
      const expected = addrs[byWeight(weights, ipHashRounds(ip, 1)[0]! % 4)];
      expect(play(createUpstreamState(group()), all, { clientIp: ip }).via).toEqual([expected]);
    }
  });

  it('sends every address of a /24 to the same peer', () => {
    const state = createUpstreamState(group());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (x, y) => {
        expect(play(state, all, { clientIp: `172.16.9.${x}` }).via).toEqual(play(state, all, { clientIp: `172.16.9.${y}` }).via);
      }),
    );
  });

  it('rehashes from the current hash when the peer is unusable', () => {
    const ips = Array.from({ length: 256 }, (_, i) => `10.${i}.0.1`).filter((ip) => byWeight(weights, ipHashRounds(ip, 1)[0]! % 4) === 1);
    expect(ips.length).toBeGreaterThan(3);
    for (const ip of ips.slice(0, 4)) {
      const next = ipHashRounds(ip, 21).map((h) => byWeight(weights, h % 4)).find((p) => p !== 1)!;
      expect(play(createUpstreamState(group(true)), all, { clientIp: ip }).via).toEqual([addrs[next]]);
    }
  });

  it('falls back to round-robin after 20 rehashes on unusable peers', () => {
    const w = [1, 40];
    const ip = Array.from({ length: 256 * 4 }, (_, i) => `10.${i % 256}.${i >> 8}.1`).find((x) =>
      ipHashRounds(x, 21).every((h) => byWeight(w, h % 41) === 1),
    );
    expect(ip).toBeDefined();
    const state = createUpstreamState(block([server(A), server(B, { weight: 40, down: true })], { kind: 'ip_hash' }));
    const r = play(state, all, { clientIp: ip! });
    expect(r.via).toEqual([A]);
    expect(r.whys[0]).toMatch(/ip_hash gave up after 20 rehashes.*using round-robin/);
  });

  it('uses round-robin when the group has one server', () => {
    const state = createUpstreamState(block([server(A)], { kind: 'ip_hash' }));
    expect(play(state, all, { clientIp: '10.0.0.1' }).whys[0]).toMatch(/^ip_hash one server only, using round-robin/);
  });

  it('retries along the same hash sequence, skipping the peer already tried', () => {
    const ip = '192.0.2.1';
    const rounds = ipHashRounds(ip, 21).map((h) => byWeight(weights, h % 4));
    const first = rounds[0]!;
    const second = rounds.slice(1).find((p) => p !== first)!;
    const state = createUpstreamState(group());
    const r = play(state, { ...all, [addrs[first]!]: 'refuse' }, { clientIp: ip });
    expect(r.via).toEqual([addrs[first], addrs[second]]);
  });
});

describe('ipHashBytes', () => {
  it('takes three octets of IPv4, sixteen bytes of IPv6 and 0.0.0 otherwise', () => {
    expect(ipHashBytes('192.168.1.77')).toEqual([192, 168, 1]);
    expect(ipHashBytes('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1]);
    expect(ipHashBytes('::ffff:10.0.0.1')).toEqual([...Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]);
    expect(ipHashBytes('unix:')).toEqual([0, 0, 0]);
  });
});
