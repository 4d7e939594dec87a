/**
 * behaviour.md section 6, vectors 1–16: sequences observed on real nginx
 * 1.22.1 (worker_processes 1), replayed against the balancer one request
 * after another.
 */

import { describe, expect, it } from 'vitest';
import { createAttempt, createUpstreamState, pickPeer, releasePeer } from '../../../../src/models/nginx/upstream';
import { A, B, C, DEAD, block, play, server, short, type Behaviour, type RequestOpts } from './harness';

const ok: Record<string, Behaviour> = { [A]: 'ok', [B]: 'ok', [C]: 'ok', [DEAD]: 'refuse' };

function picks(state: ReturnType<typeof createUpstreamState>, n: number, opts: RequestOpts = {}): string[] {
  return Array.from({ length: n }, () => short(play(state, ok, opts).via.join(' → ')));
}

/** `via` as the vector tables write it: `dead(502) → c`. */
function via(result: ReturnType<typeof play>): string {
  if (result.via.length === 1) return short(result.via[0] as string);
  return result.via.map((a, i) => (i < result.via.length - 1 ? `${short(a)}(${result.statuses[i]})` : short(a))).join(' → ');
}

describe('vector 1: smooth WRR with weights 5,1,1', () => {
  it('picks a a b a c a a and then repeats the cycle', () => {
    const state = createUpstreamState(block([server(A, { weight: 5 }), server(B), server(C)]));
    const cycle = ['a', 'a', 'b', 'a', 'c', 'a', 'a'];
    expect(picks(state, 14)).toEqual([...cycle, ...cycle]);
  });
});

describe('vector 2: smooth WRR with weights 3,2,1', () => {
  it('picks a b a c b a a b a c b a over 12 requests', () => {
    const state = createUpstreamState(block([server(A, { weight: 3 }), server(B, { weight: 2 }), server(C)]));
    expect(picks(state, 12).join(' ')).toBe('a b a c b a a b a c b a');
  });

  it('picks a b a for weights 2,1 and a b c for 1,1,1', () => {
    expect(picks(createUpstreamState(block([server(A, { weight: 2 }), server(B)])), 3)).toEqual(['a', 'b', 'a']);
    expect(picks(createUpstreamState(block([server(A), server(B), server(C)])), 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('vector 3: least_conn with sequential requests', () => {
  it('gives the same picks as smooth WRR for weights 5,1,1', () => {
    const state = createUpstreamState(block([server(A, { weight: 5 }), server(B), server(C)], { kind: 'least_conn' }));
    expect(picks(state, 7)).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a']);
  });
});

describe('vector 4: least_conn with one request held open', () => {
  it('sends the first request to the first peer and the next four to the idle ones, a b a b', () => {
    const H = '127.0.0.1:19010';
    const state = createUpstreamState(block([server(H), server(A), server(B)], { kind: 'least_conn' }));
    const held = createAttempt(state, { nextUpstreamTries: 0 });
    const first = pickPeer(state, held, { nowSec: 0, clientIp: '127.0.0.1', random: () => 0 });
    expect(first.kind === 'peer' && first.peer.address).toBe(H);
    expect(picks(state, 4)).toEqual(['a', 'b', 'a', 'b']);
    if (first.kind === 'peer') releasePeer(state, held, first.peer, 'ok', 0);
  });
});

describe('vector 5: {a, dead, c} with proxy_next_upstream error timeout', () => {
  it('answers 200 eight times, retrying past dead once and then skipping it', () => {
    const state = createUpstreamState(block([server(A), server(DEAD), server(C)]));
    const results = Array.from({ length: 8 }, () => play(state, ok));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.map(via)).toEqual(['a', 'dead(502) → c', 'c', 'a', 'c', 'a', 'c', 'a']);
  });

  it('skips dead for 10 to 11 seconds after the failure, then probes it again', () => {
    const state = createUpstreamState(block([server(A), server(DEAD), server(C)]));
    play(state, ok, { nowSec: 100 });
    expect(via(play(state, ok, { nowSec: 100 }))).toBe('dead(502) → c');
    const seen: string[] = [];
    for (let t = 101; t <= 110; t++) for (let i = 0; i < 3; i++) seen.push(...play(state, ok, { nowSec: t }).via);
    expect(seen).not.toContain(DEAD);
    // Its effective weight restarts at 0 and climbs by one per pass, so it wins again within a few requests.
    const after = [0, 1, 2, 3, 4, 5].flatMap(() => play(state, ok, { nowSec: 111 }).via);
    expect(after).toContain(DEAD);
  });
});

describe('vector 6: the same group with proxy_next_upstream off', () => {
  it('gives 200 502 200 200 200 200 200 200', () => {
    const state = createUpstreamState(block([server(A), server(DEAD), server(C)]));
    const results = Array.from({ length: 8 }, () => play(state, ok, { nextUpstream: ['off'] }));
    expect(results.map((r) => r.status)).toEqual([200, 502, 200, 200, 200, 200, 200, 200]);
    expect(results.map((r) => short(r.via[0] as string))).toEqual(['a', 'dead', 'c', 'c', 'a', 'c', 'a', 'c']);
  });
});

describe('vector 7: dead with max_fails=3 fail_timeout=30s', () => {
  const group = () => block([server(A), server(DEAD, { maxFails: 3, failTimeoutSec: 30 }), server(C)]);

  it('gives exactly three 502s with next_upstream off, then skips dead', () => {
    const state = createUpstreamState(group());
    const results = Array.from({ length: 12 }, () => play(state, ok, { nextUpstream: ['off'] }));
    expect(results.map((r) => (r.status === 502 ? '502' : short(r.via[0] as string)))).toEqual(
      ['a', '502', 'c', 'a', '502', 'c', 'a', '502', 'c', 'c', 'a', 'c'],
    );
    expect(results.reduce((n, r) => n + r.disabled, 0)).toBe(1);
  });

  it('answers 200 twelve times with the default next_upstream, trying dead on requests 2, 5 and 8', () => {
    const state = createUpstreamState(group());
    const results = Array.from({ length: 12 }, () => play(state, ok));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const triedDead = results.flatMap((r, i) => (r.via.includes(DEAD) ? [i + 1] : []));
    expect(triedDead).toEqual([2, 5, 8]);
  });
});

describe('vector 8: recovery with fail_timeout=2s and next_upstream off', () => {
  it('probes dead once after the window and disables it again when the probe fails', () => {
    const state = createUpstreamState(block([server(A), server(DEAD, { failTimeoutSec: 2 }), server(C)]));
    const label = (r: ReturnType<typeof play>) => (r.status === 502 ? '502' : short(r.via[0] as string));
    const t0 = [0, 1, 2, 3].map(() => label(play(state, ok, { nowSec: 50, nextUpstream: ['off'] })));
    expect(t0).toEqual(['a', '502', 'c', 'c']);
    // t0 + 3.1 s on a whole-second clock.
    const later = [0, 1, 2, 3, 4].map(() => label(play(state, ok, { nowSec: 53, nextUpstream: ['off'] })));
    expect(later).toEqual(['a', 'c', 'a', '502', 'c']);
  });
});

describe('vector 9: two dead peers', () => {
  it('gives 502 via both, then "no live upstreams" with the upstream name until fail_timeout runs out', () => {
    const X = '127.0.0.1:19011';
    const Y = '127.0.0.1:19012';
    const state = createUpstreamState(block([server(X), server(Y)]));
    const first = play(state, {}, { nowSec: 0 });
    expect(first).toMatchObject({ status: 502, via: [X, Y], statuses: [502, 502], busy: false });
    for (const t of [0, 5, 10]) {
      const r = play(state, {}, { nowSec: t });
      expect(r).toMatchObject({ status: 502, via: ['backend'], busy: true });
      expect(r.whys[0]).toMatch(/^no live upstreams/);
    }
    // No counter was reset by the busy answers: the peers come back only when the window ends.
    const back = play(state, {}, { nowSec: 11 });
    expect(back.busy).toBe(false);
    expect([...back.via].sort()).toEqual([X, Y]);
  });
});

describe('vector 10: a single dead server', () => {
  it('answers 502 after a connection attempt every time, never "no live upstreams"', () => {
    const state = createUpstreamState(block([server(DEAD)]));
    for (let i = 0; i < 5; i++) expect(play(state, {}, { nowSec: i % 2 })).toMatchObject({ status: 502, via: [DEAD], busy: false });
  });
});

describe('vector 11: proxy_read_timeout with {hang, a}', () => {
  it('answers the first request via hang(504) → a, then uses a only', () => {
    const H = '127.0.0.1:19010';
    const state = createUpstreamState(block([server(H), server(A)]));
    const backends: Record<string, Behaviour> = { [H]: 'hang', [A]: 'ok' };
    const first = play(state, backends);
    expect(first).toMatchObject({ status: 200, via: [H, A], statuses: [504, 200] });
    for (let i = 0; i < 4; i++) expect(play(state, backends).via).toEqual([A]);
  });

  it('gives 504 every time for a single hanging server', () => {
    const H = '127.0.0.1:19010';
    const state = createUpstreamState(block([server(H)]));
    for (let i = 0; i < 3; i++) expect(play(state, { [H]: 'hang' })).toMatchObject({ status: 504, via: [H] });
  });
});

describe('vector 12: POST and retries', () => {
  it('does not retry a POST that timed out after it was sent, but still marks the server failed', () => {
    const H = '127.0.0.1:19010';
    const state = createUpstreamState(block([server(H), server(A)]));
    const backends: Record<string, Behaviour> = { [H]: 'hang', [A]: 'ok' };
    expect(play(state, backends, { method: 'POST' })).toMatchObject({ status: 504, via: [H] });
    expect(play(state, backends, { method: 'POST' })).toMatchObject({ status: 200, via: [A] });
  });

  it('retries a POST whose connection failed before anything was sent', () => {
    const state = createUpstreamState(block([server(DEAD), server(A)]));
    expect(play(state, ok, { method: 'POST' })).toMatchObject({ status: 200, via: [DEAD, A] });
  });
});

describe('vector 13: {e returning 500, a}', () => {
  const E = '127.0.0.1:19013';
  const backends: Record<string, Behaviour> = { [E]: { status: 500 }, [A]: 'ok' };

  it('passes the 500 through and does not count it by default: 500, 200, 500, 200', () => {
    const state = createUpstreamState(block([server(E), server(A)]));
    expect([0, 1, 2, 3].map(() => play(state, backends).status)).toEqual([500, 200, 500, 200]);
  });

  it('moves on with http_500 and then avoids e', () => {
    const state = createUpstreamState(block([server(E), server(A)]));
    const opts = { nextUpstream: ['error', 'timeout', 'http_500'] };
    expect(play(state, backends, opts)).toMatchObject({ status: 200, via: [E, A], statuses: [500, 200] });
    for (let i = 0; i < 4; i++) expect(play(state, backends, opts).via).toEqual([A]);
  });
});

describe('vector 14: backup and down', () => {
  it('goes dead → b backup once, then to b directly', () => {
    const state = createUpstreamState(block([server(DEAD), server(B, { backup: true })]));
    expect(play(state, ok)).toMatchObject({ status: 200, via: [DEAD, B] });
    for (let i = 0; i < 3; i++) expect(play(state, ok).via).toEqual([B]);
  });

  it('always uses b in {a down, b, c backup}', () => {
    const state = createUpstreamState(block([server(A, { down: true }), server(B), server(C, { backup: true })]));
    for (let i = 0; i < 5; i++) expect(play(state, ok).via).toEqual([B]);
  });
});

describe('vector 15: proxy_next_upstream_tries 2 with three bad peers', () => {
  it('gives 502 after exactly two attempts', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)]));
    const r = play(state, {}, { nextUpstreamTries: 2 });
    expect(r).toMatchObject({ status: 502, via: [A, B] });
  });
});

describe('vector 16: effective_weight after a failure', () => {
  it('picks x→b, c, x, x, b, x, x, x, c, x, x, b, x, x when x (w=5, max_fails=5) fails only its first connection', () => {
    const X = '127.0.0.1:19014';
    const state = createUpstreamState(block([server(X, { weight: 5, maxFails: 5 }), server(B), server(C)]));
    const name = (a: string) => (a === X ? 'x' : short(a));
    const seen = [play(state, { ...ok, [X]: 'refuse' })];
    for (let i = 1; i < 14; i++) seen.push(play(state, { ...ok, [X]: 'ok' }));
    expect(seen.map((r) => r.via.map(name).join('→'))).toEqual(
      ['x→b', 'c', 'x', 'x', 'b', 'x', 'x', 'x', 'c', 'x', 'x', 'b', 'x', 'x'],
    );
  });
});
