/**
 * `hash KEY` (hash_module.c), compatible with Cache::Memcached: each round
 * adds ((crc32([n] KEY) >> 16) & 0x7fff) to a running total, n being the
 * number of earlier rounds in this request written in decimal and left out
 * on the first; total mod total_weight walks the peers by weight. An unusable
 * peer costs one round; past 20, or with an empty key or a single server,
 * nginx uses round-robin.
 */

import { bytesOf, crc32Final, crc32Init, crc32Update } from './crc32';
import { describeSkips, takePeer, unusableReason } from './eligibility';
import { MAX_HASH_TRIES, peerAtWeight } from './ipHash';
import { pickRoundRobin } from './roundRobin';
import type { Peer, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

/** The value one round adds: (crc32(prefix + key) >> 16) & 0x7fff. */
export function hashRoundValue(key: string, rehash: number): number {
  let crc = crc32Init();
  if (rehash > 0) crc = crc32Update(crc, bytesOf(String(rehash)));
  crc = crc32Update(crc, bytesOf(key));
  return (crc32Final(crc) >>> 16) & 0x7fff;
}

export function pickHash(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  const progress = attempt.progress;
  if (!progress.initialised) {
    progress.initialised = true;
    progress.key = ctx.hashKey ?? '';
  }
  const key = progress.key ?? '';
  if (progress.tries > MAX_HASH_TRIES || state.primary.single || key === '') {
    const reason = key === '' ? 'key is empty' : state.primary.single ? 'one server only' : 'gave up after 20 rounds';
    return fallback(state, attempt, ctx, reason);
  }
  const set = state.primary;
  const skips: { peer: Peer; reason: string }[] = [];
  for (;;) {
    const value = hashRoundValue(key, progress.rehash);
    progress.hash = (progress.hash + value) >>> 0;
    progress.rehash++;
    const w = progress.hash % set.totalWeight;
    const peer = peerAtWeight(set.peers, w);
    const reason = unusableReason(peer, attempt, ctx.nowSec);
    if (reason === undefined) {
      takePeer(peer, attempt, ctx.nowSec, { checkWindow: true });
      const prefix = progress.rehash > 1 ? `"${progress.rehash - 1}" + ` : '';
      const rounds = skips.length ? ` after ${skips.length} more round${skips.length === 1 ? '' : 's'} (${describeSkips(skips)})` : '';
      return {
        kind: 'peer',
        peer: { set: 'primary', index: peer.index, address: peer.address },
        why:
          `hash "${key}": crc32(${prefix}key) gives ${value}, running total ${progress.hash}, ` +
          `${progress.hash} mod ${set.totalWeight} = ${w} → ${peer.address}${rounds}`,
      };
    }
    skips.push({ peer, reason });
    if (++progress.tries > MAX_HASH_TRIES) {
      return fallback(state, attempt, ctx, `gave up after 20 rounds (${describeSkips(skips)})`);
    }
  }
}

function fallback(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext, reason: string): PickResult {
  const rr = pickRoundRobin(state, attempt, ctx);
  return { ...rr, why: `hash: ${reason}, using round-robin: ${rr.why}` };
}
