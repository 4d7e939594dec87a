/**
 * The checks every balancing method applies before using a peer, in nginx's
 * order (tried, down, failed, max_conns), with the reason worded for the trace;
 * and the bookkeeping every method does once it has chosen one.
 */

import { refOf } from './state';
import type { Peer, PeerRef, RequestAttempt } from './types';

/** True while a peer sits out its fail_timeout window after max_fails failures. */
export function isFailed(peer: Peer, nowSec: number): boolean {
  return peer.maxFails > 0 && peer.fails >= peer.maxFails && nowSec - peer.checked <= peer.failTimeoutSec;
}

/** Why a peer cannot take this attempt, or undefined when it can. */
export function unusableReason(peer: Peer, attempt: RequestAttempt, nowSec: number): string | undefined {
  if (attempt.tried[peer.index]) return 'already tried for this request';
  if (peer.down) return 'marked down';
  if (isFailed(peer, nowSec)) {
    const plural = peer.fails === 1 ? '' : 's';
    return (
      `${peer.fails} failure${plural} within fail_timeout ${peer.failTimeoutSec}s (max_fails=${peer.maxFails}), ` +
      `unavailable until t=${peer.checked + peer.failTimeoutSec + 1}s`
    );
  }
  if (peer.maxConns > 0 && peer.conns >= peer.maxConns) return `at max_conns=${peer.maxConns}`;
  return undefined;
}

/** "skipped a: reason; skipped b: reason" for the peers a selection passed over, each said once. */
export function describeSkips(skips: readonly { peer: Peer; reason: string }[]): string {
  const lines = skips.map((s) => `skipped ${s.peer.address}: ${s.reason}`);
  return [...new Set(lines)].join('; ');
}

/**
 * Take a chosen peer: mark it tried, count the connection and, when its
 * fail_timeout window has passed, restart the window (this is the "probe":
 * if this attempt succeeds, the failure count is cleared on release).
 */
export function takePeer(peer: Peer, attempt: RequestAttempt, nowSec: number, opts: { checkWindow: boolean }): PeerRef {
  attempt.tried[peer.index] = true;
  if (opts.checkWindow && nowSec - peer.checked > peer.failTimeoutSec) peer.checked = nowSec;
  peer.conns++;
  const ref = refOf(peer);
  attempt.current = ref;
  return ref;
}
