import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { A, B, C, block, play, server } from './harness';
import { byWeight, keyHashRounds } from './reference';

const all = { [A]: 'ok', [B]: 'ok', [C]: 'ok' } as const;
const method = { kind: 'hash', key: '$request_uri', consistent: false } as const;
const weights = [2, 1, 3];
const addrs = [A, B, C];
const group = (opts: { downB?: boolean } = {}) =>
  block([server(A, { weight: 2 }), server(B, { down: opts.downB ?? false }), server(C, { weight: 3 })], method);

describe('hash KEY', () => {
  it('sends a key to the peer at ((crc32(key) >> 16) & 0x7fff) mod total weight', () => {
    for (const key of ['/', '/index.html', '/api/users?id=7', 'user-42', 'ünïcode']) {
      const state = createUpstreamState(group());
      const expected = addrs[byWeight(weights, keyHashRounds(key, 1)[0]! % 6)];
      expect(play(state, all, { hashKey: key }).via).toEqual([expected]);
    }
  });

  it('rehashes with the round number in front of the key when the peer is unusable', () => {
    // Find keys whose first round lands on b (down) and check the next rounds by the formula.
    const keys = Array.from({ length: 200 }, (_, i) => `/item/${i}`).filter((k) => byWeight(weights, keyHashRounds(k, 1)[0]! % 6) === 1);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys.slice(0, 5)) {
      const rounds = keyHashRounds(key, 21).map((acc) => byWeight(weights, acc % 6));
      const expected = addrs[rounds.find((p) => p !== 1)!];
      expect(play(createUpstreamState(group({ downB: true })), all, { hashKey: key }).via).toEqual([expected]);
    }
  });

  it('keeps sending a key to the same peer while all are healthy', () => {
    const state = createUpstreamState(group());
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (key) => {
        const first = play(state, all, { hashKey: key }).via;
        expect(play(state, all, { hashKey: key }).via).toEqual(first);
      }),
    );
  });

  it('falls back to round-robin when the key is empty', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)], method));
    const r = [0, 1, 2].map(() => play(state, all, { hashKey: '' }));
    expect(r.map((x) => x.via[0])).toEqual([A, B, C]);
    expect(r[0]!.whys[0]).toMatch(/^hash: key is empty, using round-robin/);
  });

  it('falls back to round-robin after 20 rehashes that all hit unusable peers', () => {
    // b (weight 60) is down; find a key whose first 21 rounds all land on it.
    const w = [1, 60];
    const key = Array.from({ length: 5000 }, (_, i) => `k${i}`).find((k) => keyHashRounds(k, 21).every((acc) => byWeight(w, acc % 61) === 1));
    expect(key).toBeDefined();
    const state = createUpstreamState(block([server(A), server(B, { weight: 60, down: true })], method));
    const r = play(state, all, { hashKey: key! });
    expect(r.via).toEqual([A]);
    expect(r.whys[0]).toMatch(/gave up after 20 rounds.*using round-robin/);
  });

  it('uses round-robin for a single server', () => {
    const state = createUpstreamState(block([server(A)], method));
    expect(play(state, all, { hashKey: '/x' }).whys[0]).toMatch(/one server only, using round-robin/);
  });
});
