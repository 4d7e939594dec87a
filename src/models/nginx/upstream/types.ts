/**
 * Plain data for nginx upstream peer selection: one group's run-time state
 * (per worker, or shared when the upstream has a `zone`) and one request's
 * progress through it. Field names follow `ngx_http_upstream_rr_peer_t` so a
 * student can read them next to the nginx source.
 */

import type { BalanceMethod } from '../model';

/** One address of one `server` line, with nginx's run-time counters. */
export interface Peer {
  /** Position in its set (primary or backup), as nginx's `tried` bitmap indexes it. */
  index: number;
  backup: boolean;
  /** `ip:port`: what `$upstream_addr` logs for this peer. */
  address: string;
  /** The `server` as written: consistent hashing places points by this, not by address. */
  server: string;
  weight: number;
  maxFails: number;
  /** Whole seconds: nginx keeps fail_timeout in seconds and compares it with ngx_time(). */
  failTimeoutSec: number;
  maxConns: number;
  down: boolean;
  currentWeight: number;
  effectiveWeight: number;
  fails: number;
  /** ngx_time() when the peer last failed, or was last picked after a fail_timeout window. */
  checked: number;
  /** ngx_time() of the last failure. */
  accessed: number;
  /** Attempts picked and not yet released. */
  conns: number;
}

/** The primary or the backup servers of a group (`ngx_http_upstream_rr_peers_t`). */
export interface PeerSet {
  peers: Peer[];
  /** Sum of weights of every peer, down ones included, as hash and random use it. */
  totalWeight: number;
  /** Peers that are not `down`: this set's share of a request's try budget. */
  tries: number;
  /**
   * One primary address and no backup. nginx then skips failure accounting
   * entirely: the peer is never considered unavailable and a request never
   * retries.
   */
  single: boolean;
}

/** A consistent-hash (ketama) point: a 32-bit position on the ring owned by a server. */
export interface KetamaPoint {
  hash: number;
  server: string;
}

/** Run-time state of one upstream group. */
export interface UpstreamState {
  /** The upstream's name: `$upstream_addr` when no peer is live. */
  name: string;
  method: BalanceMethod;
  primary: PeerSet;
  backup?: PeerSet;
  /** Ring for `hash … consistent`: sorted, de-duplicated. */
  points: KetamaPoint[];
  /** For `random`: where each primary peer's range starts within [0, totalWeight). */
  ranges: number[];
}

/** Which peer an attempt went to. */
export interface PeerRef {
  set: 'primary' | 'backup';
  index: number;
  address: string;
}

/** Per-request state of the hash-family methods; nginx keeps it for the whole request. */
export interface MethodProgress {
  /** Selection rounds that found nothing usable; past 20 the method falls back to round-robin. */
  tries: number;
  /** ip_hash: running hash (starts at 89); hash: accumulated value; consistent: ring position. */
  hash: number;
  /** hash: how many times the key has been hashed so far. */
  rehash: number;
  /** Key (hash methods) or client address bytes (ip_hash), fixed at the first pick. */
  key?: string;
  addrBytes?: number[];
  initialised: boolean;
}

/** One request's walk through a group (`ngx_http_upstream_rr_peer_data_t` plus `u->peer.tries`). */
export interface RequestAttempt {
  /** Attempts left, including the one in progress. */
  tries: number;
  /** The set being used: switches to `backup` for the rest of the request once primaries run out. */
  set: 'primary' | 'backup';
  /** Indexes tried in the current set during this request. */
  tried: boolean[];
  /** The peer picked and not yet released. */
  current?: PeerRef;
  progress: MethodProgress;
}

/** What a pick needs from the request and the world. */
export interface PickContext {
  /** ngx_time(): floor(virtual ms / 1000). */
  nowSec: number;
  /** The client connection's address, for ip_hash. */
  clientIp: string;
  /** The evaluated `hash` key, for hash and hash … consistent. */
  hashKey?: string;
  /** A seeded uniform generator in [0, 1), standing in for random(3). */
  random: () => number;
}

export type PickResult =
  | { kind: 'peer'; peer: PeerRef; why: string }
  /** "no live upstreams": nginx answers 502 at once and logs the upstream's name as the address. */
  | { kind: 'busy'; upstreamName: string; why: string };
