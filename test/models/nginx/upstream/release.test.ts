import { describe, expect, it } from 'vitest';
import { createAttempt, createUpstreamState, pickPeer, releasePeer } from '../../../../src/models/nginx/upstream';
import { A, B, block, play, server } from './harness';

const ctx = (nowSec: number) => ({ nowSec, clientIp: '', random: () => 0 });

describe('releasePeer', () => {
  it('lowers effective_weight by weight/max_fails with integer division, never below 0', () => {
    const cases: [number, number, number][] = [
      [1, 1, 0],
      [1, 3, 1],
      [5, 2, 3],
      [5, 5, 4],
    ];
    for (const [weight, maxFails, expected] of cases) {
      const state = createUpstreamState(block([server(A, { weight, maxFails }), server(B)]));
      play(state, { [B]: 'ok' });
      expect(state.primary.peers[0]!.effectiveWeight).toBe(expected);
    }
  });

  it('reports "temporarily disabled" when fails reach max_fails', () => {
    const state = createUpstreamState(block([server(A, { maxFails: 2 }), server(B)]));
    const first = play(state, { [B]: 'ok' }, { nowSec: 0 });
    expect(first.disabled).toBe(0);
    for (let i = 0; i < 3; i++) play(state, { [A]: 'refuse', [B]: 'ok' }, { nowSec: 1 });
    expect(state.primary.peers[0]!.fails).toBe(2);
    expect(play(state, { [B]: 'ok' }, { nowSec: 2 }).via).toEqual([B]);
  });

  it('never takes a peer out with max_fails=0', () => {
    const state = createUpstreamState(block([server(A, { maxFails: 0 }), server(B)]));
    const tried = Array.from({ length: 6 }, () => play(state, { [B]: 'ok' }).via.includes(A));
    // Still picked every other request: no weight penalty, no unavailable window.
    expect(tried).toEqual([true, false, true, false, true, false]);
    expect(state.primary.peers[0]!.fails).toBe(3);
  });

  it('does not let failures fade with time: three spaced failures still reach max_fails=3', () => {
    const state = createUpstreamState(block([server(A, { maxFails: 3 }), server(B)]));
    const fails = (t: number) => {
      for (let i = 0; i < 2; i++) play(state, { [A]: 'refuse', [B]: 'ok' }, { nowSec: t });
    };
    fails(0);
    fails(20);
    fails(40);
    expect(state.primary.peers[0]!.fails).toBe(3);
    const seen = [0, 1, 2].flatMap(() => play(state, { [A]: 'ok', [B]: 'ok' }, { nowSec: 45 }).via);
    expect(seen).not.toContain(A);
  });

  it('clears fails only for a success on the first pick after the window', () => {
    const state = createUpstreamState(block([server(A, { maxFails: 3, failTimeoutSec: 10 }), server(B)]));
    play(state, { [B]: 'ok' }, { nowSec: 0 }); // a fails at 0
    const a = state.primary.peers[0]!;
    for (let i = 0; i < 3; i++) play(state, { [A]: 'ok', [B]: 'ok' }, { nowSec: 5 });
    expect(a.fails).toBe(1); // successes inside the window change nothing
    const r = [0, 1, 2].map(() => play(state, { [A]: 'ok', [B]: 'ok' }, { nowSec: 11 }));
    expect(r.some((x) => x.via.includes(A))).toBe(true);
    expect(a.fails).toBe(0);
    expect(r.flatMap((x) => x.whys).some((w) => w.includes('failure count reset'))).toBe(true);
  });

  it('counts nothing for a single server and ends the request\'s tries', () => {
    const state = createUpstreamState(block([server(A)]));
    const attempt = createAttempt(state, { nextUpstreamTries: 0 });
    const pick = pickPeer(state, attempt, ctx(0));
    if (pick.kind !== 'peer') throw new Error('expected a peer');
    const out = releasePeer(state, attempt, pick.peer, 'failed', 0);
    expect(out.disabled).toBe(false);
    expect(state.primary.peers[0]).toMatchObject({ fails: 0, conns: 0 });
    expect(attempt.tries).toBe(0);
  });

  it('balances connection counts between pick and release', () => {
    const state = createUpstreamState(block([server(A), server(B)]));
    const attempt = createAttempt(state, { nextUpstreamTries: 0 });
    const pick = pickPeer(state, attempt, ctx(0));
    if (pick.kind !== 'peer') throw new Error('expected a peer');
    expect(state.primary.peers[0]!.conns).toBe(1);
    releasePeer(state, attempt, pick.peer, 'ok', 0);
    expect(state.primary.peers[0]!.conns).toBe(0);
  });

  it('refuses to release a peer twice or to pick before releasing', () => {
    const state = createUpstreamState(block([server(A), server(B)]));
    const attempt = createAttempt(state, { nextUpstreamTries: 0 });
    const pick = pickPeer(state, attempt, ctx(0));
    if (pick.kind !== 'peer') throw new Error('expected a peer');
    expect(() => pickPeer(state, attempt, ctx(0))).toThrow(/not released/);
    releasePeer(state, attempt, pick.peer, 'ok', 0);
    expect(() => releasePeer(state, attempt, pick.peer, 'ok', 0)).toThrow(/not this request's current peer/);
  });
});
