/**
 * `least_conn` (least_conn_module.c): the usable peer with the fewest
 * connections per unit of weight, compared by cross-multiplying
 * (a.conns×b.weight < b.conns×a.weight) so there is no rounding. Peers tied
 * at that minimum share it by smooth WRR, run over the tied peers only,
 * starting at the first of them; untied peers' current weights do not move.
 * With requests that never overlap every peer is at 0 connections, so the
 * result is plain smooth WRR.
 */

import { withBackup } from './backup';
import { describeSkips, takePeer, unusableReason } from './eligibility';
import { singlePeer } from './roundRobin';
import type { Peer, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

export function pickLeastConn(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  const now = ctx.nowSec;
  return withBackup(state, attempt, (set) => {
    if (set.single) return singlePeer(set, attempt, now);
    const skips: { peer: Peer; reason: string }[] = [];
    let best: Peer | undefined;
    let many = false;
    for (const peer of set.peers) {
      const reason = unusableReason(peer, attempt, now);
      if (reason !== undefined) {
        skips.push({ peer, reason });
        continue;
      }
      if (best === undefined || peer.conns * best.weight < best.conns * peer.weight) {
        best = peer;
        many = false;
      } else if (peer.conns * best.weight === best.conns * peer.weight) {
        many = true;
      }
    }
    if (best === undefined) return { kind: 'none', skips };

    const load = set.peers
      .map((p) => (skips.some((s) => s.peer === p) ? 'skip' : `${p.conns}/${p.weight}`))
      .join(',');
    let why = `least_conn: connections/weight ${load}`;
    let total = 0;
    if (many) {
      const lowest = best;
      const tied: string[] = [];
      for (const peer of set.peers.slice(lowest.index)) {
        if (unusableReason(peer, attempt, now) !== undefined) continue;
        if (peer.conns * lowest.weight !== lowest.conns * peer.weight) continue;
        peer.currentWeight += peer.effectiveWeight;
        total += peer.effectiveWeight;
        if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
        if (peer.currentWeight > best.currentWeight) best = peer;
        tied.push(`${peer.address}=${peer.currentWeight}`);
      }
      why += `; tied at the minimum, smooth WRR among them: current weights ${tied.join(', ')}`;
    } else {
      why += '; one peer has the fewest';
    }
    // Without a tie `total` is 0 and current_weight is left alone, as in nginx.
    best.currentWeight -= total;
    takePeer(best, attempt, now, { checkWindow: true });
    why += ` → ${best.address}`;
    if (skips.length) why += `; ${describeSkips(skips)}`;
    return { kind: 'peer', peer: best, why };
  });
}
