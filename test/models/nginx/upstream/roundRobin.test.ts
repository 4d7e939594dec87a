import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAttempt, createUpstreamState, pickPeer, releasePeer } from '../../../../src/models/nginx/upstream';
import { A, B, C, block, play, server } from './harness';

const addr = (i: number) => `10.0.0.${i + 1}:80`;

describe('smooth weighted round-robin', () => {
  it('gives each peer exactly its weight in picks over every cycle of sum(weights)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const state = createUpstreamState(block(weights.map((w, i) => server(addr(i), { weight: w }))));
        const backends = Object.fromEntries(weights.map((_, i) => [addr(i), 'ok' as const]));
        const total = weights.reduce((a, b) => a + b, 0);
        for (let cycle = 0; cycle < 2; cycle++) {
          const counts = new Map<string, number>();
          for (let n = 0; n < total; n++) {
            const a = play(state, backends).via[0]!;
            counts.set(a, (counts.get(a) ?? 0) + 1);
          }
          weights.forEach((w, i) => expect(counts.get(addr(i)) ?? 0).toBe(w));
        }
      }),
    );
  });

  it('returns every current weight to zero at the end of a cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 6 }), (weights) => {
        const state = createUpstreamState(block(weights.map((w, i) => server(addr(i), { weight: w }))));
        const backends = Object.fromEntries(weights.map((_, i) => [addr(i), 'ok' as const]));
        const total = weights.reduce((a, b) => a + b, 0);
        for (let n = 0; n < total; n++) play(state, backends);
        expect(state.primary.peers.map((p) => p.currentWeight)).toEqual(weights.map(() => 0));
      }),
    );
  });

  it('never picks a down peer and leaves it out of the try budget', () => {
    const state = createUpstreamState(block([server(A), server(B, { down: true }), server(C)]));
    expect(createAttempt(state, { nextUpstreamTries: 0 }).tries).toBe(2);
    const seen = Array.from({ length: 6 }, () => play(state, { [A]: 'ok', [C]: 'ok' }).via[0]);
    expect(seen).not.toContain(B);
  });

  it('skips a peer at max_conns while its connections are open', () => {
    const state = createUpstreamState(block([server(A, { maxConns: 1 }), server(B)]));
    const held = createAttempt(state, { nextUpstreamTries: 0 });
    const first = pickPeer(state, held, { nowSec: 0, clientIp: '', random: () => 0 });
    expect(first).toMatchObject({ kind: 'peer', peer: { address: A } });
    const r = play(state, { [A]: 'ok', [B]: 'ok' });
    expect(r.via).toEqual([B]);
    expect(r.whys[0]).toContain(`skipped ${A}: at max_conns=1`);
    if (first.kind === 'peer') releasePeer(state, held, first.peer, 'ok', 0);
    const next = [0, 1].flatMap(() => play(state, { [A]: 'ok', [B]: 'ok' }).via);
    expect(next).toContain(A);
  });

  it('answers "no live upstreams" for a single server at max_conns', () => {
    const state = createUpstreamState(block([server(A, { maxConns: 1 })]));
    const held = createAttempt(state, { nextUpstreamTries: 0 });
    pickPeer(state, held, { nowSec: 0, clientIp: '', random: () => 0 });
    expect(play(state, { [A]: 'ok' })).toMatchObject({ busy: true, status: 502, via: ['backend'] });
  });

  it('restores a failed peer\'s effective weight by one per selection pass', () => {
    const state = createUpstreamState(block([server(A, { weight: 4, maxFails: 2 }), server(B)]));
    play(state, { [A]: 'refuse', [B]: 'ok' });
    const a = state.primary.peers[0]!;
    expect(a.effectiveWeight).toBe(2); // 4 − 4/2
    play(state, { [A]: 'ok', [B]: 'ok' });
    expect(a.effectiveWeight).toBe(3);
    play(state, { [A]: 'ok', [B]: 'ok' });
    expect(a.effectiveWeight).toBe(4);
    play(state, { [A]: 'ok', [B]: 'ok' });
    expect(a.effectiveWeight).toBe(4);
  });

  it('explains the pick with the current weights it compared', () => {
    const state = createUpstreamState(block([server(A, { weight: 5 }), server(B), server(C)]));
    expect(play(state, { [A]: 'ok' }).whys[0]).toBe(`smooth weighted round-robin: current weights 5,1,1 → ${A} (then 5−7=-2)`);
  });
});

describe('backup servers', () => {
  it('switches to the backups only when no primary is usable, and for the rest of that request', () => {
    const D = '127.0.0.1:19020';
    const state = createUpstreamState(block([server(A), server(B), server(C, { backup: true }), server(D, { backup: true })]));
    expect(createAttempt(state, { nextUpstreamTries: 0 }).tries).toBe(4);
    const r = play(state, {}, { nowSec: 0 });
    expect(r.via).toEqual([A, B, C, D]);
    expect(r.whys.some((w) => w.includes('switched to backup servers'))).toBe(true);
  });

  it('keeps counting failures for one primary with a backup, which a single server would not', () => {
    const state = createUpstreamState(block([server(A), server(B, { backup: true })]));
    expect(state.primary.single).toBe(false);
    play(state, { [B]: 'ok' });
    expect(play(state, { [B]: 'ok' }).via).toEqual([B]);
  });
});
