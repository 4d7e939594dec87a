/**
 * Building a group's run-time state from the config model, as
 * `ngx_http_upstream_init_round_robin` does at startup: one peer per resolved
 * address, primaries and backups in separate sets, counters at their initial
 * values. The state lives per worker process, or once per group when the
 * upstream has a `zone`; the caller decides how many to make.
 */

import type { UpstreamBlock, UpstreamServer } from '../model';
import { buildRing } from './ketama';
import type { Peer, PeerRef, PeerSet, UpstreamState } from './types';

function makeSet(servers: readonly UpstreamServer[], backup: boolean): PeerSet {
  const peers: Peer[] = [];
  for (const server of servers) {
    for (const address of server.addresses) {
      peers.push({
        index: peers.length,
        backup,
        address,
        server: server.spec,
        weight: server.weight,
        maxFails: server.maxFails,
        // fail_timeout is parsed in whole seconds; a millisecond value cannot be written.
        failTimeoutSec: Math.floor(server.failTimeoutMs / 1000),
        maxConns: server.maxConns,
        down: server.down,
        currentWeight: 0,
        effectiveWeight: server.weight,
        fails: 0,
        checked: 0,
        accessed: 0,
        conns: 0,
      });
    }
  }
  return {
    peers,
    totalWeight: peers.reduce((sum, p) => sum + p.weight, 0),
    tries: peers.filter((p) => !p.down).length,
    single: false,
  };
}

/**
 * Fresh state for one upstream group.
 *
 * @throws if the group has no primary address (nginx refuses such a config:
 *   "no servers in upstream").
 */
export function createUpstreamState(block: UpstreamBlock): UpstreamState {
  const primary = makeSet(block.servers.filter((s) => !s.backup), false);
  if (primary.peers.length === 0) throw new Error(`no servers in upstream "${block.name}"`);
  const backupSet = makeSet(block.servers.filter((s) => s.backup), true);
  const backup = backupSet.peers.length > 0 ? backupSet : undefined;
  // A lone address is "single" only without backups: with one, failures must
  // still be counted so that the backup can take over.
  primary.single = primary.peers.length === 1 && backup === undefined;

  const ranges: number[] = [];
  let start = 0;
  for (const peer of primary.peers) {
    ranges.push(start);
    start += peer.weight;
  }
  const consistent = block.method.kind === 'hash' && block.method.consistent;
  return {
    name: block.name,
    method: block.method,
    primary,
    ...(backup ? { backup } : {}),
    points: consistent ? buildRing(primary.peers) : [],
    ranges,
  };
}

/** The set a request is currently drawing from. */
export function setOf(state: UpstreamState, which: 'primary' | 'backup'): PeerSet {
  if (which === 'backup') {
    if (!state.backup) throw new Error(`upstream "${state.name}" has no backup servers`);
    return state.backup;
  }
  return state.primary;
}

/** The peer a reference points at. */
export function peerOf(state: UpstreamState, ref: PeerRef): Peer {
  const peer = setOf(state, ref.set).peers[ref.index];
  if (!peer || peer.address !== ref.address) throw new Error(`no peer ${ref.address} in upstream "${state.name}"`);
  return peer;
}

/** A reference to a peer, as results and the trace carry it. */
export function refOf(peer: Peer): PeerRef {
  return { set: peer.backup ? 'backup' : 'primary', index: peer.index, address: peer.address };
}
