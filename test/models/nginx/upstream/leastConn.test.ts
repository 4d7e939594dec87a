import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { A, B, C, block, play, server } from './harness';

const all = { [A]: 'ok', [B]: 'ok', [C]: 'ok' } as const;
const lc = { kind: 'least_conn' } as const;

describe('least_conn', () => {
  it('picks the lowest connections per weight, compared by cross-multiplying', () => {
    const state = createUpstreamState(block([server(A, { weight: 3 }), server(B)], lc));
    state.primary.peers[0]!.conns = 2; // 2/3
    state.primary.peers[1]!.conns = 1; // 1/1
    const r = play(state, all);
    expect(r.via).toEqual([A]);
    expect(r.whys[0]).toMatch(/^least_conn: connections\/weight 2\/3,1\/1; one peer has the fewest/);
  });

  it('moves only the tied peers\' current weights, starting the round-robin at the first tied peer', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)], lc));
    state.primary.peers[0]!.conns = 1;
    const r = play(state, all);
    expect(r.via).toEqual([B]);
    expect(state.primary.peers.map((p) => p.currentWeight)).toEqual([0, -1, 1]);
  });

  it('leaves current weights alone when one peer has the fewest', () => {
    const state = createUpstreamState(block([server(A), server(B)], lc));
    state.primary.peers[0]!.conns = 3;
    play(state, all);
    expect(state.primary.peers.map((p) => p.currentWeight)).toEqual([0, 0]);
  });

  it('skips failed peers and switches to backups like round-robin', () => {
    const state = createUpstreamState(block([server(A), server(B, { backup: true })], lc));
    expect(play(state, { [B]: 'ok' }).via).toEqual([A, B]);
    expect(play(state, { [B]: 'ok' }).via).toEqual([B]);
  });

  it('answers "no live upstreams" when every peer is at max_conns', () => {
    const state = createUpstreamState(block([server(A, { maxConns: 1 }), server(B, { maxConns: 2 })], lc));
    state.primary.peers[0]!.conns = 1;
    state.primary.peers[1]!.conns = 2;
    const r = play(state, all);
    expect(r).toMatchObject({ busy: true, status: 502 });
    expect(r.whys[0]).toContain('at max_conns=2');
  });
});
