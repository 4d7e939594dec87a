/**
 * Smooth weighted round-robin (`ngx_http_upstream_get_peer` and
 * `get_round_robin_peer`, round_robin.c): the default method, and the
 * fallback of every hash method. Each pass adds every usable peer's
 * effective weight to its current weight, takes the highest (strictly: a tie
 * goes to the peer listed first) and lowers the winner by the pass's total.
 * Over one cycle of sum(weights) picks each peer is chosen exactly weight
 * times, spread out rather than in runs.
 */

import { textMemo } from '../labels';
import { withBackup, type SetChoice } from './backup';
import { describeSkips, takePeer, unusableReason } from './eligibility';
import type { Peer, PeerSet, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

/** One pass of smooth WRR over a set (`ngx_http_upstream_get_peer`). */
export function smoothWrr(set: PeerSet, attempt: RequestAttempt, nowSec: number): SetChoice {
  let best: Peer | undefined;
  let total = 0;
  const skips: { peer: Peer; reason: string }[] = [];
  const shown: string[] = [];
  let reduced = false;
  for (const peer of set.peers) {
    const reason = unusableReason(peer, attempt, nowSec);
    if (reason !== undefined) {
      skips.push({ peer, reason });
      shown.push('skip');
      continue;
    }
    if (peer.effectiveWeight < peer.weight) reduced = true;
    peer.currentWeight += peer.effectiveWeight;
    total += peer.effectiveWeight;
    // Recovery after a failure: one step back towards the configured weight per pass.
    if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
    if (best === undefined || peer.currentWeight > best.currentWeight) best = peer;
    shown.push(String(peer.currentWeight));
  }
  if (best === undefined) return { kind: 'none', skips };
  const before = best.currentWeight;
  best.currentWeight -= total;
  takePeer(best, attempt, nowSec, { checkWindow: true });
  const skipText = skips.length ? `; ${describeSkips(skips)}` : '';
  const note = reduced ? ' (some effective weights are still recovering from failures)' : '';
  return {
    kind: 'peer',
    peer: best,
    why:
      `smooth weighted round-robin: current weights ${shown.join(',')} → ${best.address}` +
      ` (then ${before}−${total}=${best.currentWeight})${note}${skipText}`,
  };
}

/**
 * `get_round_robin_peer`: the single-server shortcut, else smooth WRR, with
 * the switch to backups. A single server is used whatever its failures; only
 * `down` or a full max_conns stops it.
 */
export function pickRoundRobin(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  return withBackup(state, attempt, (set) => {
    if (set.single) return singlePeer(set, attempt, ctx.nowSec);
    return smoothWrr(set, attempt, ctx.nowSec);
  });
}

/** Why the one server of a group is picked, by its address (the same text for every request). */
const singleWhys = textMemo(singleWhy);

function singleWhy(address: string): string {
  return `only one server in the group → ${address} (max_fails and fail_timeout do not apply to a single server)`;
}

/** The one-address group: no failure accounting at all. */
export function singlePeer(set: PeerSet, attempt: RequestAttempt, nowSec: number): SetChoice {
  const peer = set.peers[0] as Peer;
  if (peer.down) return { kind: 'none', skips: [{ peer, reason: 'marked down' }] };
  if (peer.maxConns > 0 && peer.conns >= peer.maxConns) {
    return { kind: 'none', skips: [{ peer, reason: `at max_conns=${peer.maxConns}` }] };
  }
  takePeer(peer, attempt, nowSec, { checkWindow: false });
  return {
    kind: 'peer',
    peer,
    why: singleWhys.get(peer.address),
  };
}
