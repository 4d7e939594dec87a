import { describe, expect, it } from 'vitest';
import { createAttempt, createUpstreamState } from '../../../../src/models/nginx/upstream';
import { A, B, C, block, server } from './harness';

describe('createUpstreamState', () => {
  it('makes one peer per resolved address, keeping the server as written', () => {
    const state = createUpstreamState(block([server('api:80', { addresses: ['10.0.0.1:80', '10.0.0.2:80'], weight: 2 })]));
    expect(state.primary.peers.map((p) => [p.address, p.server, p.weight, p.effectiveWeight, p.currentWeight])).toEqual([
      ['10.0.0.1:80', 'api:80', 2, 2, 0],
      ['10.0.0.2:80', 'api:80', 2, 2, 0],
    ]);
    expect(state.primary.single).toBe(false);
    expect(state.primary.totalWeight).toBe(4);
  });

  it('marks a lone address with no backup as single', () => {
    expect(createUpstreamState(block([server(A)])).primary.single).toBe(true);
    expect(createUpstreamState(block([server(A), server(B, { backup: true })])).primary.single).toBe(false);
  });

  it('keeps fail_timeout in whole seconds', () => {
    expect(createUpstreamState(block([server(A, { failTimeoutSec: 30 })])).primary.peers[0]!.failTimeoutSec).toBe(30);
  });

  it('refuses a group with no primary server', () => {
    expect(() => createUpstreamState(block([server(A, { backup: true })]))).toThrow(/no servers in upstream "backend"/);
  });
});

describe('createAttempt', () => {
  it('budgets one try per non-down primary and backup', () => {
    const state = createUpstreamState(block([server(A), server(B, { down: true }), server(C, { backup: true })]));
    expect(createAttempt(state, { nextUpstreamTries: 0 }).tries).toBe(2);
  });

  it('caps the budget at proxy_next_upstream_tries', () => {
    const state = createUpstreamState(block([server(A), server(B), server(C)]));
    expect(createAttempt(state, { nextUpstreamTries: 2 }).tries).toBe(2);
    expect(createAttempt(state, { nextUpstreamTries: 5 }).tries).toBe(3);
  });
});
