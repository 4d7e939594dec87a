/**
 * `hash KEY consistent` (hash_module.c, ketama): the request goes to the
 * server owning the first ring point at or after crc32(KEY), wrapping past
 * the end. The addresses of that server (a name can resolve to several)
 * share it by smooth WRR. If none is usable the lookup moves to the next
 * point; after 20 moves, or with an empty key or a single server, nginx uses
 * round-robin. The ring position is kept for the request, so a retry starts
 * where the last pick was found.
 */

import { crc32 } from './crc32';
import { describeSkips, takePeer, unusableReason } from './eligibility';
import { MAX_HASH_TRIES } from './ipHash';
import { findPoint } from './ketama';
import { pickRoundRobin } from './roundRobin';
import type { KetamaPoint, Peer, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

export function pickConsistentHash(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  const progress = attempt.progress;
  const ring = state.points;
  if (!progress.initialised) {
    progress.initialised = true;
    progress.key = ctx.hashKey ?? '';
    progress.hash = findPoint(ring, crc32(progress.key));
  }
  const key = progress.key ?? '';
  if (progress.tries > MAX_HASH_TRIES || state.primary.single || key === '' || ring.length === 0) {
    const reason = key === '' ? 'key is empty' : state.primary.single ? 'one server only' : 'gave up after 20 points';
    return fallback(state, attempt, ctx, reason);
  }
  const set = state.primary;
  const start = progress.hash;
  const passed: string[] = [];
  for (;;) {
    const position = progress.hash % ring.length;
    const point = ring[position] as KetamaPoint;
    let best: Peer | undefined;
    let total = 0;
    const skips: { peer: Peer; reason: string }[] = [];
    for (const peer of set.peers) {
      if (peer.server !== point.server) continue;
      const reason = unusableReason(peer, attempt, ctx.nowSec);
      if (reason !== undefined) {
        skips.push({ peer, reason });
        continue;
      }
      peer.currentWeight += peer.effectiveWeight;
      total += peer.effectiveWeight;
      if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
      if (best === undefined || peer.currentWeight > best.currentWeight) best = peer;
    }
    if (best !== undefined) {
      best.currentWeight -= total;
      takePeer(best, attempt, ctx.nowSec, { checkWindow: true });
      const keyHash = crc32(key);
      const moved = passed.length ? `, moved past ${passed.length} point${passed.length === 1 ? '' : 's'} (${passed.join('; ')})` : '';
      const addresses = set.peers.filter((p) => p.server === point.server).length;
      const shared = addresses > 1 ? `, shared by smooth WRR among its ${addresses} addresses` : '';
      return {
        kind: 'peer',
        peer: { set: 'primary', index: best.index, address: best.address },
        why:
          `consistent hash "${key}": crc32 ${hex(keyHash)}, first ring point at or after it is #${start % ring.length} ` +
          `of ${ring.length}${moved}; point ${hex(point.hash)} belongs to "${point.server}"${shared} → ${best.address}`,
      };
    }
    passed.push(`"${point.server}": ${skips.length ? describeSkips(skips) : 'no usable address'}`);
    progress.hash++;
    if (++progress.tries > MAX_HASH_TRIES) {
      return fallback(state, attempt, ctx, `gave up after 20 points (${passed.join('; ')})`);
    }
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function fallback(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext, reason: string): PickResult {
  const rr = pickRoundRobin(state, attempt, ctx);
  return { ...rr, why: `consistent hash: ${reason}, using round-robin: ${rr.why}` };
}
