/**
 * Key → server mappings observed on real nginx 1.22.1 (Debian 12 package,
 * worker_processes 1) with backends on 127.0.0.1:19101–19105, requests
 * `GET /loc?k=kN` and the key `$arg_k`. The "down" runs mark 19102 down,
 * which exercises rehashing (hash) and moving along the ring (consistent).
 */

import { describe, expect, it } from 'vitest';
import { createUpstreamState } from '../../../../src/models/nginx/upstream';
import { block, play, server } from './harness';

const p = (n: number) => `127.0.0.1:${19100 + n}`;
const ok = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [p(n), 'ok' as const]));

/** Observed server (1 = :19101 …) for keys k0 … k15. */
const OBSERVED = {
  hash: [1, 1, 1, 1, 3, 3, 1, 3, 1, 3, 3, 1, 3, 1, 2, 1],
  hashDown: [1, 1, 1, 1, 3, 3, 1, 3, 1, 3, 3, 1, 3, 1, 1, 1],
  consistent: [1, 2, 2, 2, 2, 4, 3, 2, 1, 3, 3, 2, 4, 4, 2, 3],
  consistentDown: [1, 1, 1, 1, 4, 4, 3, 4, 1, 3, 3, 3, 4, 4, 3, 3],
};

function mapKeys(make: () => ReturnType<typeof createUpstreamState>): number[] {
  return OBSERVED.hash.map((_, i) => {
    const via = play(make(), ok, { hashKey: `k${i}` }).via[0]!;
    return Number(via.split(':')[1]) - 19100;
  });
}

describe('hash methods against real nginx 1.22.1', () => {
  it('maps keys like `hash $arg_k` over weights 2,1,3', () => {
    const group = (down: boolean) =>
      block([server(p(1), { weight: 2 }), server(p(2), { down }), server(p(3), { weight: 3 })], {
        kind: 'hash',
        key: '$arg_k',
        consistent: false,
      });
    expect(mapKeys(() => createUpstreamState(group(false)))).toEqual(OBSERVED.hash);
    expect(mapKeys(() => createUpstreamState(group(true)))).toEqual(OBSERVED.hashDown);
  });

  it('maps keys like `hash $arg_k consistent` over weights 1,2,1,1', () => {
    const group = (down: boolean) =>
      block([server(p(1)), server(p(2), { weight: 2, down }), server(p(3)), server(p(4))], {
        kind: 'hash',
        key: '$arg_k',
        consistent: true,
      });
    expect(mapKeys(() => createUpstreamState(group(false)))).toEqual(OBSERVED.consistent);
    expect(mapKeys(() => createUpstreamState(group(true)))).toEqual(OBSERVED.consistentDown);
  });

  it('sends client 127.0.0.1 to :19102 with ip_hash over weights 1,2,1,1,1', () => {
    const state = createUpstreamState(
      block([server(p(1)), server(p(2), { weight: 2 }), server(p(3)), server(p(4)), server(p(5))], { kind: 'ip_hash' }),
    );
    expect(play(state, ok, { clientIp: '127.0.0.1' }).via).toEqual([p(2)]);
  });
});
