/**
 * One request from a traffic client, from the name to the answer:
 *
 * 1. the address: the host itself when it is an IP; else the client's host
 *    cache; else a lookup (a failed lookup ends the request as `dns_failure`);
 * 2. a connection to the first address, and to the next one when a
 *    connection is refused or takes longer than `connectTimeoutMs` (what
 *    curl and browsers do, behaviour.md §5); through a forward proxy the
 *    client connects to the proxy instead and never resolves the name
 *    itself: the proxy does;
 * 3. the request, and its answer or a reset.
 *
 * Exactly one outcome, whatever happens: the first of answer, reset, refusal
 * of the last address, failed lookup or the request timeout settles it; every
 * timer and connection is released then, and anything later is ignored.
 * Plain logic on the engine: one request is short-lived, so it is not an actor.
 */
import type { Engine, EventHandle, Trace } from '../../sim';
import { isIpv4, statusLine } from '../../net';
import { browserCacheLookup, browserCacheStore, type BrowserCache } from '../dns';
import type { ClientConnection, ClientNet, DialHandlers, IncomingResponse, PendingDial, ResponseHandlers } from './net';
import { elapsedMs, formatMs, resultForStatus } from './outcome';

/** How a request ended, from the client's side. */
export type JourneyResult = 'ok' | 'error' | 'refused' | 'reset' | 'timeout' | 'dns_failure';

export interface JourneyOutcome {
  readonly requestId: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly result: JourneyResult;
  readonly latencyMs: number;
  readonly servedBy?: string;
  readonly why: string;
}

/** What a client's requests share. */
export interface JourneyConfig {
  readonly clientId: string;
  /** Host name or IP of the URL, and the Host header. */
  readonly host: string;
  readonly port: number;
  /** A forward proxy to send every request through (`ip:port` of the proxy). */
  readonly proxy?: { readonly ip: string; readonly port: number; readonly id: string };
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly userAgent: string;
  /** The browser's host cache; absent = look the name up for every request. */
  readonly cache?: BrowserCache;
  /** Leave routine steps (host cache hits) out of the trace: a load generator's thousands of requests. */
  readonly quiet?: boolean;
}

export interface JourneyDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly net: ClientNet;
  settle(outcome: JourneyOutcome): void;
}

export interface JourneyRequest {
  readonly id: string;
  readonly srcIp: string;
  readonly method: string;
  readonly path: string;
}

/** Start one request; its outcome comes through `deps.settle`, exactly once. */
export function startJourney(deps: JourneyDeps, config: JourneyConfig, request: JourneyRequest): void {
  new Journey(deps, config, request).start();
}

/** One request's state; it hears its connection's answer itself (`ResponseHandlers`). */
class Journey implements ResponseHandlers {
  private readonly startedMs: number;
  private done = false;
  private timer?: EventHandle;
  private connectTimer?: EventHandle;
  private dialing?: PendingDial;
  private connection?: ClientConnection;
  private addresses: readonly string[] = [];
  private attempt = 0;

  constructor(
    private readonly deps: JourneyDeps,
    private readonly config: JourneyConfig,
    private readonly request: JourneyRequest,
  ) {
    this.startedMs = deps.engine.now;
  }

  start(): void {
    this.timer = this.deps.engine.schedule(this.config.timeoutMs, () => this.timedOut(), `${this.request.id} timeout`);
    const { proxy, host } = this.config;
    if (proxy !== undefined) {
      this.note('via proxy', `the browser is configured to use the forward proxy ${proxy.id} (${proxy.ip}:${proxy.port}): it connects there and lets the proxy resolve ${host}`);
      this.addresses = [proxy.ip];
      this.dial();
    } else if (isIpv4(host)) {
      this.addresses = [host];
      this.dial();
    } else {
      this.resolve();
    }
  }

  private resolve(): void {
    const { cache, host } = this.config;
    const now = this.deps.engine.now;
    const hit = cache === undefined ? undefined : browserCacheLookup(cache, host, now);
    if (hit !== undefined) {
      if (this.config.quiet !== true) this.note('host cache', hit.why);
      this.addresses = hit.addresses;
      this.dial();
      return;
    }
    this.deps.net.lookup(this.request.srcIp, host, this.request.id, (result) => {
      if (this.done) return;
      if (!result.ok) {
        this.finish(0, 'dns_failure', `DNS lookup of ${host} failed: ${result.why}`);
        return;
      }
      if (cache !== undefined) this.note('host cache', browserCacheStore(cache, host, result.addresses, result.ttlS, this.deps.engine.now).why);
      this.addresses = result.addresses;
      this.dial();
    });
  }

  private dial(): void {
    const address = this.addresses[this.attempt];
    if (address === undefined) return;
    const port = this.config.proxy?.port ?? this.config.port;
    if (this.attempt > 0) this.note('next address', `${this.addresses[this.attempt - 1]} failed: try the next address, ${address}`);
    this.connectTimer = this.deps.engine.schedule(this.config.connectTimeoutMs, () => this.connectTimedOut(address), `${this.request.id} connect timeout`);
    this.dialing = this.deps.net.dial(this.request.srcIp, address, port, this.request.id, new DialAttempt(this, address, port));
  }

  /** The connection of the current attempt is up. */
  connected(connection: ClientConnection): void {
    this.clearConnect();
    this.dialing = undefined;
    if (this.done) {
      connection.close();
      return;
    }
    this.connection = connection;
    this.send(connection);
  }

  /** `address:port` refused the connection. */
  refused(address: string, port: number, why: string): void {
    this.clearConnect();
    this.dialing = undefined;
    if (this.done) return;
    this.failed(`connection refused by ${address}:${port}: ${why}`, 'refused');
  }

  private connectTimedOut(address: string): void {
    this.connectTimer = undefined;
    this.dialing?.abort();
    this.dialing = undefined;
    if (this.done) return;
    this.failed(`no answer to the SYN from ${address} within ${formatMs(this.config.connectTimeoutMs)}`, 'timeout');
  }

  /** This address failed: the next one, or the end. */
  private failed(why: string, result: 'refused' | 'timeout'): void {
    this.attempt++;
    if (this.attempt < this.addresses.length) {
      this.note('connect failed', why);
      this.dial();
      return;
    }
    const tried = this.addresses.length > 1 ? ` (all ${this.addresses.length} addresses failed)` : '';
    this.finish(0, result, `${why}${tried}`);
  }

  private send(connection: ClientConnection): void {
    const { authority, headers } = requestHead(this.config);
    const target = this.config.proxy === undefined ? this.request.path : `http://${authority}${this.request.path}`;
    connection.send({ id: this.request.id, method: this.request.method, target, headers }, this);
  }

  /** The connection was reset under the request. */
  reset(why: string): void {
    if (!this.done) this.finish(0, 'reset', `connection reset: ${why}`);
  }

  /** The answer arrived. */
  response(response: IncomingResponse): void {
    if (this.done) return;
    const latency = elapsedMs(this.startedMs, this.deps.engine.now);
    this.finish(
      response.status,
      resultForStatus(response.status),
      `${response.servedBy} answered ${statusLine(response.status)} after ${formatMs(latency)}`,
      response.servedBy,
    );
  }

  private timedOut(): void {
    this.timer = undefined;
    if (this.done) return;
    const stage = this.connection !== undefined ? 'no response' : this.dialing !== undefined ? 'no connection' : 'no DNS answer';
    this.finish(0, 'timeout', `${stage} within ${formatMs(this.config.timeoutMs)}: the client gave up`);
  }

  private finish(status: number, result: JourneyResult, why: string, servedBy?: string): void {
    this.done = true;
    if (this.timer !== undefined) this.deps.engine.cancel(this.timer);
    this.clearConnect();
    this.dialing?.abort();
    this.connection?.close();
    const latencyMs = elapsedMs(this.startedMs, this.deps.engine.now);
    const requestId = this.request.id;
    // Two literals rather than a conditional spread: once per request (same key order either way).
    if (servedBy === undefined) this.deps.settle({ requestId, status, result, latencyMs, why });
    else this.deps.settle({ requestId, status, result, latencyMs, servedBy, why });
  }

  private clearConnect(): void {
    if (this.connectTimer !== undefined) this.deps.engine.cancel(this.connectTimer);
    this.connectTimer = undefined;
  }

  private note(decision: string, why: string): void {
    this.deps.trace.record({ kind: 'decision', component: this.config.clientId, decision, requestId: this.request.id, why });
  }
}

/** The authority (`host[:port]`) and headers of a client's requests: the same for every request, so made once per client. */
interface RequestHead {
  readonly authority: string;
  readonly headers: readonly (readonly [string, string])[];
}

const heads = new WeakMap<JourneyConfig, RequestHead>();

function requestHead(config: JourneyConfig): RequestHead {
  let head = heads.get(config);
  if (head === undefined) {
    const { host, port, userAgent } = config;
    const authority = port === 80 ? host : `${host}:${port}`;
    head = {
      authority,
      headers: [
        ['Host', authority],
        ['User-Agent', userAgent],
        ['Accept', '*/*'],
      ],
    };
    heads.set(config, head);
  }
  return head;
}

/** One connection attempt's callbacks: which address it was is part of a refusal's message. */
class DialAttempt implements DialHandlers {
  constructor(
    private readonly journey: Journey,
    private readonly address: string,
    private readonly port: number,
  ) {}

  connected(connection: ClientConnection): void {
    this.journey.connected(connection);
  }

  refused(why: string): void {
    this.journey.refused(this.address, this.port, why);
  }
}
