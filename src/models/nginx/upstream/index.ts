/**
 * nginx 1.22 upstream peer selection and failure handling as plain functions:
 * build a group's state, start a request, pick, release, decide on retries.
 *
 * A request processor drives it like nginx's upstream module:
 * createAttempt → pickPeer → (attempt) → on failure decideNext, then
 * releasePeer with the decision's `release`; retry while `retry` is true.
 * A `busy` pick means "no live upstreams": 502 at once.
 */
export { createUpstreamState, peerOf } from './state';
export { createAttempt, type AttemptOptions } from './attempt';
export { pickPeer } from './pick';
export { releasePeer, type ReleaseOutcome, type ReleaseResult } from './release';
export { decideNext, RETRYABLE_STATUSES, type NextDecision, type NextInput } from './decide';
export { crc32 } from './crc32';
export { buildRing, findPoint, splitServer } from './ketama';
export type {
  KetamaPoint,
  MethodProgress,
  Peer,
  PeerRef,
  PeerSet,
  PickContext,
  PickResult,
  RequestAttempt,
  UpstreamState,
} from './types';
