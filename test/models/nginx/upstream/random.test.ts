import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { drawWeight, rangeIndex } from '../../../../src/models/nginx/upstream/random';
import { Rng } from '../../../../src/sim';
import { A, B, C, block, play, server } from './harness';

const all = { [A]: 'ok', [B]: 'ok', [C]: 'ok' } as const;
const single = { kind: 'random', two: false, leastConn: false } as const;
const two = { kind: 'random', two: true, leastConn: true } as const;

/** A generator that returns draws landing on the given weight offsets (out of 2^31). */
function scripted(offsets: number[]): () => number {
  let i = 0;
  return () => (offsets[i++ % offsets.length]! + 0.5) / 0x80000000;
}

describe('random', () => {
  it('maps a draw to random() mod total weight', () => {
    expect(drawWeight(() => 0, 7)).toBe(0);
    expect(drawWeight(() => 12 / 0x80000000, 7)).toBe(5);
    expect(drawWeight(() => (0x80000000 - 1) / 0x80000000, 7)).toBe((0x80000000 - 1) % 7);
  });

  it('finds the peer whose cumulative weight range holds the draw', () => {
    const ranges = [0, 5, 6]; // weights 5, 1, 1
    expect([0, 4, 5, 6].map((x) => rangeIndex(ranges, x))).toEqual([0, 0, 1, 2]);
  });

  it('picks peers in proportion to their weights', () => {
    const state = createUpstreamState(block([server(A, { weight: 3 }), server(B), server(C)], single));
    const rng = new Rng('random-weights');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const a = play(state, all, { random: () => rng.next() }).via[0]!;
      counts[a] = (counts[a] ?? 0) + 1;
    }
    expect(counts[A]! / 5000).toBeCloseTo(0.6, 1);
    expect(counts[B]! / 5000).toBeCloseTo(0.2, 1);
  });

  it('draws again when the peer is unusable', () => {
    const state = createUpstreamState(block([server(A, { down: true }), server(B), server(C)], single));
    expect(play(state, all, { random: scripted([0, 0, 2]) }).via).toEqual([C]);
  });

  it('falls back to round-robin after 20 unusable draws', () => {
    const state = createUpstreamState(block([server(A, { down: true }), server(B)], single));
    const r = play(state, all, { random: scripted([0]) });
    expect(r.via).toEqual([B]);
    expect(r.whys[0]).toMatch(/gave up after 20 draws.*using round-robin/);
  });
});

describe('random two', () => {
  it('keeps the second peer drawn when both carry the same load', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)], two));
    expect(play(state, all, { random: scripted([0, 2]) }).via).toEqual([C]);
    expect(play(state, all, { random: scripted([2, 0]) }).via).toEqual([A]);
  });

  it('keeps the first peer when it has fewer connections per weight', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)], two));
    state.primary.peers[1]!.conns = 1; // b is busy
    expect(play(state, all, { random: scripted([1, 0]) }).via).toEqual([A]);
    expect(play(state, all, { random: scripted([0, 1]) }).via).toEqual([A]);
  });

  it('compares connections per weight, not raw connection counts', () => {
    const state = createUpstreamState(block([server(A, { weight: 3 }), server(B)], two));
    state.primary.peers[0]!.conns = 2; // a: 2/3
    state.primary.peers[1]!.conns = 1; // b: 1/1
    expect(play(state, all, { random: scripted([0, 3]) }).via).toEqual([A]);
    expect(play(state, all, { random: scripted([3, 0]) }).via).toEqual([A]);
  });

  it('draws a different peer for the second choice', () => {
    const state = createUpstreamState(block([server(A), server(B)], two));
    expect(play(state, all, { random: scripted([0, 0, 0, 1]) }).via).toEqual([B]);
  });
});
