/**
 * Releasing a peer after an attempt (`ngx_http_upstream_free_round_robin_peer`,
 * used by every balancing method). A failure bumps `fails`, stamps
 * `checked`/`accessed`, and lowers `effective_weight` by weight/max_fails
 * (integer division, so with max_fails ≥ 2 and weight 1 there is no penalty).
 * A success clears `fails` only when it was the probe after a fail_timeout
 * window (`accessed < checked`): failures do not fade with time. A
 * single-server group keeps no score at all and never retries.
 */

import { textMemo } from '../labels';
import { peerOf, setOf } from './state';
import type { PeerRef, RequestAttempt, UpstreamState } from './types';

/** How an attempt ended, as nginx tells the balancer: NGX_PEER_FAILED, NGX_PEER_NEXT (403/404 retried) or neither. */
export type ReleaseResult = 'ok' | 'failed' | 'next';

export interface ReleaseOutcome {
  why: string;
  /** nginx logs "upstream server temporarily disabled" (warn) for this release. */
  disabled: boolean;
}

/** Why a single server's release changes nothing, by address and outcome (the same texts for every request). */
const singleFailed = textMemo(singleFailedWhy);
const singleDone = textMemo(singleDoneWhy);

function singleFailedWhy(address: string): string {
  return `${address} is the group's only server: the failure is not counted, and there is no other server to retry`;
}

function singleDoneWhy(address: string): string {
  return `${address} is the group's only server: nothing is recorded, and there is no other server to retry`;
}

/**
 * Give the peer back after an attempt; call exactly once per successful pick,
 * when the attempt ends (for a success, when the response has been read).
 *
 * @throws if `peer` is not the attempt's current pick.
 */
export function releasePeer(
  state: UpstreamState,
  attempt: RequestAttempt,
  peer: PeerRef,
  result: ReleaseResult,
  nowSec: number,
): ReleaseOutcome {
  const current = attempt.current;
  if (!current || current.set !== peer.set || current.index !== peer.index) {
    throw new Error(`releasing ${peer.address}, which is not this request's current peer`);
  }
  attempt.current = undefined;
  const p = peerOf(state, peer);
  p.conns--;

  if (setOf(state, attempt.set).single) {
    p.fails = 0;
    attempt.tries = 0;
    return {
      why: result === 'failed' ? singleFailed.get(p.address) : singleDone.get(p.address),
      disabled: false,
    };
  }

  let why: string;
  let disabled = false;
  if (result === 'failed') {
    p.fails++;
    p.accessed = nowSec;
    p.checked = nowSec;
    const before = p.effectiveWeight;
    if (p.maxFails > 0) {
      p.effectiveWeight -= Math.floor(p.weight / p.maxFails);
      disabled = p.fails >= p.maxFails;
    }
    if (p.effectiveWeight < 0) p.effectiveWeight = 0;
    why = `${p.address} failed: fails=${p.fails}`;
    if (p.maxFails === 0) why += ' (max_fails=0: never marked unavailable)';
    else if (disabled) {
      why +=
        ` ≥ max_fails=${p.maxFails}: upstream server temporarily disabled for fail_timeout ${p.failTimeoutSec}s` +
        ` (until t=${nowSec + p.failTimeoutSec + 1}s)`;
    } else why += ` of max_fails=${p.maxFails}`;
    if (before !== p.effectiveWeight) why += `; effective weight ${before}→${p.effectiveWeight}`;
  } else if (p.accessed < p.checked) {
    p.fails = 0;
    why = `${p.address} ${result === 'ok' ? 'succeeded' : 'answered'} on its first pick after fail_timeout: failure count reset`;
  } else {
    why = `${p.address} ${result === 'ok' ? 'succeeded' : 'answered 403/404 and the request moves on (not counted as a failure)'}`;
  }
  if (attempt.tries > 0) attempt.tries--;
  return { why, disabled };
}
