/**
 * Test driver: builds upstream groups from short specs and plays requests one
 * after another the way nginx's upstream module would drive the balancer,
 * with a fixed outcome per backend address.
 */

import type { BalanceMethod, UpstreamBlock, UpstreamServer } from '../../../../src/models/nginx/model';
import {
  createAttempt,
  decideNext,
  pickPeer,
  releasePeer,
  type UpstreamState,
} from '../../../../src/models/nginx/upstream';

/** How a backend answers: connection refused, a hang (read timeout) or a status. */
export type Behaviour = 'ok' | 'refuse' | 'hang' | { status: number };

export interface ServerOpts {
  weight?: number;
  maxFails?: number;
  failTimeoutSec?: number;
  maxConns?: number;
  backup?: boolean;
  down?: boolean;
  addresses?: string[];
}

/** A `server` line; the address defaults to the spec itself. */
export function server(spec: string, opts: ServerOpts = {}): UpstreamServer {
  return {
    spec,
    addresses: opts.addresses ?? [spec],
    weight: opts.weight ?? 1,
    maxFails: opts.maxFails ?? 1,
    failTimeoutMs: (opts.failTimeoutSec ?? 10) * 1000,
    maxConns: opts.maxConns ?? 0,
    backup: opts.backup ?? false,
    down: opts.down ?? false,
    pos: { file: 'nginx.conf', line: 1 },
  };
}

export function block(servers: UpstreamServer[], method: BalanceMethod = { kind: 'round_robin' }): UpstreamBlock {
  return { name: 'backend', method, servers, implicit: false, pos: { file: 'nginx.conf', line: 1 } };
}

export interface RequestOpts {
  nowSec?: number;
  method?: string;
  nextUpstream?: string[];
  nextUpstreamTries?: number;
  clientIp?: string;
  hashKey?: string;
  random?: () => number;
}

export interface RequestResult {
  status: number;
  /** `$upstream_addr`-like list: addresses tried, or the upstream name when none was live. */
  via: string[];
  /** Each attempt's status, as `$upstream_status` lists them. */
  statuses: number[];
  busy: boolean;
  whys: string[];
  disabled: number;
}

/** Play one request to completion (each attempt finishes before the next starts). */
export function play(state: UpstreamState, backends: Record<string, Behaviour>, opts: RequestOpts = {}): RequestResult {
  const nowSec = opts.nowSec ?? 0;
  const attempt = createAttempt(state, { nextUpstreamTries: opts.nextUpstreamTries ?? 0 });
  const out: RequestResult = { status: 0, via: [], statuses: [], busy: false, whys: [], disabled: 0 };
  for (let guard = 0; guard < 100; guard++) {
    const pick = pickPeer(state, attempt, {
      nowSec,
      clientIp: opts.clientIp ?? '127.0.0.1',
      ...(opts.hashKey !== undefined ? { hashKey: opts.hashKey } : {}),
      random: opts.random ?? (() => 0),
    });
    out.whys.push(pick.why);
    if (pick.kind === 'busy') {
      out.busy = true;
      out.via.push(pick.upstreamName);
      out.statuses.push(502);
      out.status = 502;
      return out;
    }
    const behaviour = backends[pick.peer.address] ?? 'refuse';
    out.via.push(pick.peer.address);
    if (behaviour === 'ok' || (typeof behaviour === 'object' && behaviour.status === 200)) {
      out.statuses.push(200);
      out.status = 200;
      out.whys.push(releasePeer(state, attempt, pick.peer, 'ok', nowSec).why);
      return out;
    }
    const failure = behaviour === 'refuse' ? 'error' : behaviour === 'hang' ? 'timeout' : behaviour;
    const decision = decideNext({
      failure,
      triesLeft: attempt.tries,
      nextUpstream: opts.nextUpstream ?? ['error', 'timeout'],
      method: opts.method ?? 'GET',
      requestSent: behaviour !== 'refuse',
      elapsedMs: 0,
      nextUpstreamTimeoutMs: 0,
    });
    out.whys.push(decision.why);
    out.statuses.push(decision.upstreamStatus ?? 0);
    const released = releasePeer(state, attempt, pick.peer, decision.release, nowSec);
    out.whys.push(released.why);
    if (released.disabled) out.disabled++;
    if (!decision.retry) {
      out.status = decision.clientStatus ?? 0;
      return out;
    }
  }
  throw new Error('request did not finish in 100 attempts');
}

/** Short names for the vector backends. */
export const A = '127.0.0.1:19001';
export const B = '127.0.0.1:19002';
export const C = '127.0.0.1:19003';
export const DEAD = '127.0.0.1:19009';

/** Replace addresses by short names for readable expectations. */
export function short(address: string): string {
  return { [A]: 'a', [B]: 'b', [C]: 'c', [DEAD]: 'dead' }[address] ?? address;
}
