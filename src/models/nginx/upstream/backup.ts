/**
 * Running a balancing method over the primary servers and, when it finds
 * nothing, over the backups (`failed:` in `get_round_robin_peer` and
 * `get_least_conn_peer`). The switch resets the tried bitmap and lasts for
 * the rest of the request. When the backups have nothing either, the result
 * is "no live upstreams" and, since nginx 1.11.5, no failure counter is reset.
 */

import { describeSkips } from './eligibility';
import { refOf, setOf } from './state';
import type { Peer, PeerSet, PickResult, RequestAttempt, UpstreamState } from './types';

/** What a method reports about one set. */
export type SetChoice =
  | { kind: 'peer'; peer: Peer; why: string }
  | { kind: 'none'; skips: { peer: Peer; reason: string }[] };

/** Run `choose` on the attempt's set, then on the backups if needed. */
export function withBackup(
  state: UpstreamState,
  attempt: RequestAttempt,
  choose: (set: PeerSet) => SetChoice,
): PickResult {
  const first = choose(setOf(state, attempt.set));
  if (first.kind === 'peer') return { kind: 'peer', peer: refOf(first.peer), why: first.why };

  const reasons = [describeSkips(first.skips)];
  if (attempt.set === 'primary' && state.backup) {
    attempt.set = 'backup';
    attempt.tried = [];
    const second = choose(state.backup);
    if (second.kind === 'peer') {
      return {
        kind: 'peer',
        peer: refOf(second.peer),
        why: `no primary server usable (${reasons[0]}); switched to backup servers for the rest of this request: ${second.why}`,
      };
    }
    reasons.push(describeSkips(second.skips));
  }
  const detail = reasons.filter((r) => r !== '').join('; ');
  return {
    kind: 'busy',
    upstreamName: state.name,
    why: `no live upstreams in "${state.name}"${detail ? `: ${detail}` : ''}`,
  };
}

