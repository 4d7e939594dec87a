/**
 * One proxied request's walk through its upstream group, on the engine:
 * pick a peer, connect (bounded by proxy_connect_timeout), send, wait for the
 * response header (bounded by proxy_read_timeout), and on trouble ask the
 * balancer's `decideNext` whether to try another peer — the loop of
 * `ngx_http_upstream_connect` / `ngx_http_upstream_next`.
 *
 * Every choice comes from the upstream module's plain functions; this file
 * only sequences them in time, writes the error-log lines nginx writes at
 * each step, and keeps `$upstream_addr` / `$upstream_status` as nginx builds
 * them: one entry per attempt, joined with ", ", the upstream's name with
 * status 502 when no peer was live.
 */
import type { Engine, EventHandle } from '../../../sim';
import { label, textMemo } from '../labels';
import type { Conf } from '../model';
import { createAttempt, decideNext, pickPeer, releasePeer, RETRYABLE_STATUSES } from '../upstream';
import type { PeerRef, PickContext, RequestAttempt, UpstreamState } from '../upstream';
import type { ErrorLevel } from './errorLog';
import { ACTIONS, MESSAGES } from './errorLog';
import type { ConnectHandlers, PendingConnect, ResponseHandlers, UpstreamConnection, UpstreamNetwork, UpstreamRequest, UpstreamResponse } from './network';
import { nginxSeconds } from './time';

/** One attempt as `$upstream_addr` and `$upstream_status` report it. */
export interface AttemptRecord {
  addr: string;
  /** HTTP status, or undefined while the attempt is in progress. */
  status?: number;
}

/** Everything a proxied request needs, worked out by the router beforehand. */
export interface ProxyJob {
  requestId: string;
  state: UpstreamState;
  conf: Conf;
  /** The request to send; the same to every peer. */
  request: UpstreamRequest;
  clientIp: string;
  /** The evaluated `hash` key, for `hash` groups. */
  hashKey?: string;
  /** Write an error-log line; `upstream` is the URL being tried, as nginx appends it. */
  log(level: ErrorLevel, message: string, action: string, upstream: string): void;
  /** Write a decision record. */
  decide(decision: string, why: string): void;
  /** Called for each connection attempt (nginx numbers upstream connections with client ones). */
  onConnect?(): void;
}

export interface ProxyOutcome {
  /** What the client gets. */
  status: number;
  /** The upstream's response, when it is passed through. */
  response?: UpstreamResponse;
  attempts: AttemptRecord[];
}

export interface ProxyEnv {
  engine: Engine;
  network: UpstreamNetwork;
  /** nginx's own address, the source of upstream connections. */
  localIp: string;
  /** Uniform [0, 1) from a seeded stream, for `random` balancing. */
  random: () => number;
}

type Failure = 'error' | 'timeout' | { status: number };

/** `pass 200 from `, by status: the decision text's first part, shared (see labels.ts). */
const passPrefixes = textMemo(passPrefix);

function passPrefix(status: number): string {
  return `pass ${status} from `;
}

/** Run the upstream loop; `done` is called once, from an engine event or synchronously on "no live upstreams". */
export function runProxy(env: ProxyEnv, job: ProxyJob, done: (outcome: ProxyOutcome) => void): void {
  new ProxyRun(env, job, done).next();
}

class ProxyRun {
  private readonly attempt: RequestAttempt;
  private readonly attempts: AttemptRecord[] = [];
  private readonly startMs: number;
  private finished = false;

  constructor(
    readonly env: ProxyEnv,
    private readonly job: ProxyJob,
    private readonly done: (outcome: ProxyOutcome) => void,
  ) {
    this.startMs = env.engine.now;
    this.attempt = createAttempt(job.state, { nextUpstreamTries: job.conf.proxyNextUpstreamTries });
  }

  private get nowSec(): number {
    return nginxSeconds(this.env.engine.now);
  }

  private url(name: string): string {
    return `http://${name}${this.job.request.uri}`;
  }

  /** Pick the next peer and connect to it (`ngx_http_upstream_connect`). */
  next(): void {
    const { job, env } = this;
    const pickContext: PickContext = { nowSec: this.nowSec, clientIp: job.clientIp, random: env.random };
    if (job.hashKey !== undefined) pickContext.hashKey = job.hashKey;
    const pick = pickPeer(job.state, this.attempt, pickContext);
    if (pick.kind === 'busy') {
      job.decide('no live upstreams', `${pick.why}: the client gets 502 without a connection attempt`);
      this.attempts.push({ addr: pick.upstreamName, status: 502 });
      job.log('error', MESSAGES.noLive, ACTIONS.connecting, this.url(pick.upstreamName));
      this.finish(502);
      return;
    }
    const peer = pick.peer;
    job.onConnect?.();
    job.decide(label('upstream peer ', peer.address), pick.why);
    this.attempts.push({ addr: peer.address });

    // The attempt's callbacks all run from later engine events, by which time it holds both handles.
    const attempt = new ConnectAttempt(this, peer);
    attempt.timer = env.engine.schedule(job.conf.proxyConnectTimeoutMs, () => attempt.timedOut(), 'nginx proxy_connect_timeout');
    attempt.pending = env.network.connect(env.localIp, peer.address, attempt);
  }

  /** Send the request and wait for the response header (`proxy_read_timeout`). */
  send(peer: PeerRef, connection: UpstreamConnection): void {
    const { job, env } = this;
    const wait = new ReplyWait(this, peer, connection);
    wait.timer = env.engine.schedule(job.conf.proxyReadTimeoutMs, () => wait.timedOut(), 'nginx proxy_read_timeout');
    connection.send(job.request, wait);
  }

  /** The connection to `peer` was refused. */
  refused(peer: PeerRef): void {
    this.job.log('error', MESSAGES.refused, ACTIONS.connecting, this.url(peer.address));
    this.fail(peer, 'error', false, ACTIONS.connecting);
  }

  /** `peer` closed the connection before a response header. */
  closedEarly(peer: PeerRef): void {
    this.job.log('error', MESSAGES.prematureClose, ACTIONS.reading, this.url(peer.address));
    this.fail(peer, 'error', true, ACTIONS.reading);
  }

  /** A response header arrived: pass it on, or retry on a listed `http_<code>`. */
  received(peer: PeerRef, response: UpstreamResponse): void {
    if (RETRYABLE_STATUSES.includes(response.status)) {
      this.fail(peer, { status: response.status }, true, ACTIONS.reading, response);
      return;
    }
    const release = releasePeer(this.job.state, this.attempt, peer, 'ok', this.nowSec);
    this.record(response.status);
    this.job.decide(label(passPrefixes.get(response.status), peer.address), release.why);
    this.finish(response.status, response);
  }

  /** `ngx_http_upstream_next`: release the peer, log, then retry or answer. */
  fail(peer: PeerRef, failure: Failure, requestSent: boolean, action: string, response?: UpstreamResponse): void {
    const { job } = this;
    const decision = decideNext({
      failure,
      triesLeft: this.attempt.tries,
      nextUpstream: job.conf.proxyNextUpstream,
      method: job.request.method,
      requestSent,
      elapsedMs: this.env.engine.now - this.startMs,
      nextUpstreamTimeoutMs: job.conf.proxyNextUpstreamTimeoutMs,
    });
    const release = releasePeer(job.state, this.attempt, peer, decision.release, this.nowSec);
    if (release.disabled) job.log('warn', MESSAGES.disabled, action, this.url(peer.address));
    // nginx logs the timeout after releasing the peer (ngx_http_upstream_next).
    if (failure === 'timeout') job.log('error', MESSAGES.timedOut, action, this.url(peer.address));
    this.record(decision.upstreamStatus ?? (typeof failure === 'string' ? 502 : failure.status));
    job.decide(label(decision.retry ? 'retry after ' : 'give up after ', peer.address), `${decision.why}; ${release.why}`);
    if (decision.retry) {
      this.next();
      return;
    }
    const status = decision.clientStatus ?? 502;
    // A listed http_<code> that cannot be retried passes the upstream's own response on.
    this.finish(status, typeof failure === 'string' ? undefined : response);
  }

  private record(status: number): void {
    const last = this.attempts[this.attempts.length - 1];
    if (last !== undefined) last.status = status;
  }

  private finish(status: number, response?: UpstreamResponse): void {
    if (this.finished) return;
    this.finished = true;
    const outcome: ProxyOutcome = { status, attempts: this.attempts };
    if (response !== undefined) outcome.response = response;
    this.done(outcome);
  }
}

/** One connection attempt to a peer, bounded by proxy_connect_timeout. */
class ConnectAttempt implements ConnectHandlers {
  timer?: EventHandle;
  pending?: PendingConnect;

  constructor(
    private readonly run: ProxyRun,
    private readonly peer: PeerRef,
  ) {}

  connected(connection: UpstreamConnection): void {
    this.cancelTimer();
    this.run.send(this.peer, connection);
  }

  refused(): void {
    this.cancelTimer();
    this.run.refused(this.peer);
  }

  timedOut(): void {
    this.pending?.abort();
    this.run.fail(this.peer, 'timeout', false, ACTIONS.connecting);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.run.env.engine.cancel(this.timer);
  }
}

/** Waiting for a peer's response header, bounded by proxy_read_timeout; the first of answer, close or timeout counts. */
class ReplyWait implements ResponseHandlers {
  timer?: EventHandle;
  private answered = false;

  constructor(
    private readonly run: ProxyRun,
    private readonly peer: PeerRef,
    private readonly connection: UpstreamConnection,
  ) {}

  response(response: UpstreamResponse): void {
    if (!this.settle()) return;
    this.connection.close();
    this.run.received(this.peer, response);
  }

  closed(): void {
    if (!this.settle()) return;
    this.run.closedEarly(this.peer);
  }

  timedOut(): void {
    if (this.answered) return;
    this.answered = true;
    this.connection.close();
    this.run.fail(this.peer, 'timeout', true, ACTIONS.reading);
  }

  /** True for the first answer; cancels the timeout then. */
  private settle(): boolean {
    if (this.answered) return false;
    this.answered = true;
    if (this.timer !== undefined) this.run.env.engine.cancel(this.timer);
    return true;
  }
}

/** `$upstream_addr` / `$upstream_status` from the attempts (`-` when there were none). */
export function upstreamVariables(attempts: readonly AttemptRecord[]): { addr: string; status: string } {
  if (attempts.length === 0) return { addr: '-', status: '-' };
  const only = attempts.length === 1 ? attempts[0] : undefined;
  // Most requests make one attempt: the joins below would give just its fields.
  if (only !== undefined) return { addr: only.addr, status: only.status === undefined ? '-' : String(only.status) };
  return {
    addr: attempts.map((a) => a.addr).join(', '),
    status: attempts.map((a) => (a.status === undefined ? '-' : String(a.status))).join(', '),
  };
}
