/**
 * `random [two [least_conn]]` (random_module.c). A draw is
 * random() mod total_weight, located by binary search among the peers'
 * cumulative weight ranges. `two` draws a second, different usable peer and
 * keeps the one with fewer connections per weight, the second on a tie
 * (`least_conn` is the only criterion, so it changes nothing). Every
 * unusable draw, and in `two` the first good one, costs a try; past 20, or
 * with a single server, nginx uses round-robin.
 *
 * nginx seeds random() per worker from pid and time, so real runs cannot be
 * replayed; here the draws come from the seeded generator the caller passes.
 */

import { describeSkips, takePeer, unusableReason } from './eligibility';
import { MAX_HASH_TRIES } from './ipHash';
import { pickRoundRobin } from './roundRobin';
import type { Peer, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

/** random(3) returns 31 bits; scale the [0, 1) draw the same way before taking the modulus. */
export function drawWeight(random: () => number, totalWeight: number): number {
  return Math.floor(random() * 0x80000000) % totalWeight;
}

/** Index of the peer whose range [ranges[i], ranges[i+1]) holds x (`peek_random_peer`). */
export function rangeIndex(ranges: readonly number[], x: number): number {
  let i = 0;
  let j = ranges.length;
  while (j - i > 1) {
    const k = (i + j) >>> 1;
    if (x < (ranges[k] as number)) j = k;
    else i = k;
  }
  return i;
}

export function pickRandom(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  const method = state.method;
  const two = method.kind === 'random' && method.two;
  const progress = attempt.progress;
  if (progress.tries > MAX_HASH_TRIES || state.primary.single) {
    return fallback(state, attempt, ctx, state.primary.single ? 'one server only' : 'gave up after 20 draws');
  }
  const set = state.primary;
  const skips: { peer: Peer; reason: string }[] = [];
  const draws: string[] = [];
  let first: Peer | undefined;
  for (;;) {
    const x = drawWeight(ctx.random, set.totalWeight);
    const peer = set.peers[rangeIndex(state.ranges, x)] as Peer;
    draws.push(`x=${x} → ${peer.address}`);
    const reason = peer === first ? 'drawn already' : unusableReason(peer, attempt, ctx.nowSec);
    if (reason === undefined) {
      if (!two) return take(peer, attempt, ctx, `random: ${draws.join(', ')} (total weight ${set.totalWeight})`, skips);
      if (first !== undefined) {
        // Keep the second draw unless the first is strictly less loaded.
        const keep = peer.conns * first.weight > first.conns * peer.weight ? first : peer;
        const why =
          `random two: ${draws.join(', ')} (total weight ${set.totalWeight}); connections/weight ` +
          `${first.address}=${first.conns}/${first.weight}, ${peer.address}=${peer.conns}/${peer.weight}, ` +
          `keeping the ${keep === peer ? 'second (ties go to the second)' : 'first (less loaded)'}`;
        return take(keep, attempt, ctx, why, skips);
      }
      first = peer;
    } else if (peer !== first) {
      skips.push({ peer, reason });
    }
    if (++progress.tries > MAX_HASH_TRIES) {
      return fallback(state, attempt, ctx, `gave up after 20 draws (${describeSkips(skips) || 'no second peer'})`);
    }
  }
}

function take(peer: Peer, attempt: RequestAttempt, ctx: PickContext, why: string, skips: { peer: Peer; reason: string }[]): PickResult {
  takePeer(peer, attempt, ctx.nowSec, { checkWindow: true });
  const skipped = skips.length ? `; ${describeSkips(skips)}` : '';
  return { kind: 'peer', peer: { set: 'primary', index: peer.index, address: peer.address }, why: `${why} → ${peer.address}${skipped}` };
}

function fallback(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext, reason: string): PickResult {
  const rr = pickRoundRobin(state, attempt, ctx);
  return { ...rr, why: `random: ${reason}, using round-robin: ${rr.why}` };
}
