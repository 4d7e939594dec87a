/**
 * `ip_hash` (ip_hash_module.c): h = 89, then h = (h×113 + byte) mod 6271 over
 * the client's address bytes; h mod total_weight walks the peers by weight.
 * If that peer is unusable the hash is stirred again from where it stands
 * (another pass over the same bytes); after 20 such rehashes, or for a
 * one-server group, nginx falls back to round-robin. The running hash is kept
 * for the request, so a retry continues the sequence rather than restarting it.
 */

import { describeSkips, takePeer, unusableReason } from './eligibility';
import { ipHashBytes } from './clientAddr';
import { pickRoundRobin } from './roundRobin';
import type { Peer, PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

/** Rehashes allowed before falling back to round-robin (all hash methods). */
export const MAX_HASH_TRIES = 20;

/** One ip_hash step: fold the address bytes into the running hash. */
export function ipHashStep(hash: number, bytes: readonly number[]): number {
  let h = hash;
  for (const b of bytes) h = (h * 113 + b) % 6271;
  return h;
}

/** Walk peers by weight: the peer whose weight range holds w. */
export function peerAtWeight(peers: readonly Peer[], w: number): Peer {
  let rest = w;
  for (const peer of peers) {
    if (rest < peer.weight) return peer;
    rest -= peer.weight;
  }
  throw new Error(`weight offset ${w} is outside the group`);
}

export function pickIpHash(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  const progress = attempt.progress;
  if (!progress.initialised) {
    progress.initialised = true;
    progress.addrBytes = ipHashBytes(ctx.clientIp);
    progress.hash = 89;
  }
  if (progress.tries > MAX_HASH_TRIES || state.primary.single) {
    return fallback(state, attempt, ctx, state.primary.single ? 'one server only' : 'gave up after 20 rehashes');
  }
  const set = state.primary;
  const bytes = progress.addrBytes ?? [];
  let hash = progress.hash;
  const skips: { peer: Peer; reason: string }[] = [];
  for (;;) {
    hash = ipHashStep(hash, bytes);
    const w = hash % set.totalWeight;
    const peer = peerAtWeight(set.peers, w);
    const reason = unusableReason(peer, attempt, ctx.nowSec);
    if (reason === undefined) {
      takePeer(peer, attempt, ctx.nowSec, { checkWindow: true });
      progress.hash = hash;
      const rehashed = skips.length ? ` after ${skips.length} rehash${skips.length === 1 ? '' : 'es'} (${describeSkips(skips)})` : '';
      return {
        kind: 'peer',
        peer: { set: 'primary', index: peer.index, address: peer.address },
        why: `ip_hash: client ${bytesLabel(bytes)} → hash ${hash}, ${hash} mod ${set.totalWeight} = ${w} → ${peer.address}${rehashed}`,
      };
    }
    skips.push({ peer, reason });
    if (++progress.tries > MAX_HASH_TRIES) {
      return fallback(state, attempt, ctx, `gave up after 20 rehashes (${describeSkips(skips)})`);
    }
  }
}

function bytesLabel(bytes: readonly number[]): string {
  return bytes.length === 3 ? bytes.join('.') : bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fallback(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext, reason: string): PickResult {
  const rr = pickRoundRobin(state, attempt, ctx);
  return { ...rr, why: `ip_hash ${reason}, using round-robin: ${rr.why}` };
}
