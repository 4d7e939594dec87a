/**
 * Choosing the peer for the next attempt of a request, by the group's
 * balancing method (`u->peer.get`). Every method skips peers that are down,
 * failed within fail_timeout, at max_conns or already tried by this request;
 * the chosen peer's connection count goes up until `releasePeer`.
 */

import { pickConsistentHash } from './consistentHash';
import { pickHash } from './hash';
import { pickIpHash } from './ipHash';
import { pickLeastConn } from './leastConn';
import { pickRandom } from './random';
import { pickRoundRobin } from './roundRobin';
import type { PickContext, PickResult, RequestAttempt, UpstreamState } from './types';

/**
 * Pick a peer for the request's next attempt, or report "no live upstreams"
 * (`busy`: nginx answers 502 straight away, with the upstream's name as
 * `$upstream_addr`). The hash key and client address are read on the
 * request's first pick and kept for its retries, as nginx evaluates them once.
 *
 * @throws if the previous pick of this attempt has not been released.
 */
export function pickPeer(state: UpstreamState, attempt: RequestAttempt, ctx: PickContext): PickResult {
  if (attempt.current) throw new Error(`peer ${attempt.current.address} picked and not released`);
  const method = state.method;
  switch (method.kind) {
    case 'round_robin':
      return pickRoundRobin(state, attempt, ctx);
    case 'least_conn':
      return pickLeastConn(state, attempt, ctx);
    case 'ip_hash':
      return pickIpHash(state, attempt, ctx);
    case 'hash':
      return method.consistent ? pickConsistentHash(state, attempt, ctx) : pickHash(state, attempt, ctx);
    case 'random':
      return pickRandom(state, attempt, ctx);
  }
}
