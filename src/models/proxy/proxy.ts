/**
 * A forward proxy (Squid-like): clients are configured to send it every
 * request in absolute form; it resolves the host itself, connects to the
 * origin from its own address, and relays the answer.
 *
 * The teaching point is who sees which address. The origin sees the proxy's
 * address as the connection's source, and learns the client's only from the
 * `X-Forwarded-For` header the proxy adds; the client never looks the origin
 * up. (A reverse proxy is the mirror image: the client sees only the proxy,
 * and the proxy chooses the backend.)
 *
 * Errors are answered as Squid answers them: 503 when the name does not
 * resolve or the origin refuses, 504 when it does not answer, 502 when the
 * connection breaks. Plain logic on the engine, one small object per request.
 */
import type { Engine, EventHandle, Trace } from '../../sim';
import { statusLine } from '../../net';
import type { ClientConnection, ClientNet, IncomingResponse, PendingDial } from '../client';
import { browserCacheLookup, browserCacheStore, createBrowserCache, type BrowserCache } from '../dns';
import { parseAbsoluteTarget, type AbsoluteTarget } from './url';
import { squidLogLine } from './squid-log';

export interface ProxyConfig {
  readonly id: string;
  readonly ip: string;
  readonly port: number;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  /** Add `X-Forwarded-For` (Squid's `forwarded_for on`, its default). */
  readonly forwardedFor: boolean;
  /** Wall-clock ms that virtual time 0 stands for, in log lines. */
  readonly logEpochMs: number;
}

export interface ProxyRequest {
  readonly id: string;
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  /** The client address the proxy sees. */
  readonly clientIp: string;
}

export interface ProxyDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  /** Lookups and connections from the proxy's own address. */
  readonly net: ClientNet;
}

export interface ProxyTicket {
  /** The client went away. */
  cancel(): void;
}

/** Squid keeps DNS answers by their TTL, up to `positive_dns_ttl` (6 h). */
const IPCACHE_CAP_S = 6 * 3600;

export class ForwardProxy {
  private readonly cache: BrowserCache = createBrowserCache(IPCACHE_CAP_S);
  private readonly counts = { requests: 0, relayed: 0, errors: 0 };

  constructor(
    readonly config: ProxyConfig,
    private readonly deps: ProxyDeps,
  ) {}

  counters(): Record<string, number> {
    return { ...this.counts };
  }

  /** Take one request from a client; `reply` is called once unless the client cancels first. */
  handle(request: ProxyRequest, reply: (response: IncomingResponse) => void): ProxyTicket {
    this.counts.requests++;
    const run = new ProxyRun(this, this.deps, this.cache, request, reply);
    run.start();
    return { cancel: () => run.cancel() };
  }

  /** @internal Counted by a finished run. */
  count(ok: boolean): void {
    if (ok) this.counts.relayed++;
    else this.counts.errors++;
  }
}

class ProxyRun {
  private done = false;
  private readonly startedMs: number;
  private target?: AbsoluteTarget;
  private addresses: readonly string[] = [];
  private attempt = 0;
  private dialing?: PendingDial;
  private connection?: ClientConnection;
  private timer?: EventHandle;

  constructor(
    private readonly proxy: ForwardProxy,
    private readonly deps: ProxyDeps,
    private readonly cache: BrowserCache,
    private readonly request: ProxyRequest,
    private readonly reply: (response: IncomingResponse) => void,
  ) {
    this.startedMs = deps.engine.now;
  }

  private get config(): ProxyConfig {
    return this.proxy.config;
  }

  start(): void {
    const target = parseAbsoluteTarget(this.request.target);
    if (target === undefined) {
      this.fail(400, 'NONE_NONE', `"${this.request.target}" is not an absolute http:// URL: a forward proxy needs to be told where to go`);
      return;
    }
    this.target = target;
    const hit = browserCacheLookup(this.cache, target.host, this.deps.engine.now);
    if (hit !== undefined) {
      this.addresses = hit.addresses;
      this.dial();
      return;
    }
    this.deps.net.lookup(this.config.ip, target.host, this.request.id, (result) => {
      if (this.done) return;
      if (!result.ok) {
        this.fail(503, 'TCP_MISS', `the proxy could not resolve ${target.host}: ${result.why} (ERR_DNS_FAIL)`);
        return;
      }
      browserCacheStore(this.cache, target.host, result.addresses, result.ttlS, this.deps.engine.now);
      this.addresses = result.addresses;
      this.dial();
    });
  }

  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.release();
  }

  private dial(): void {
    const target = this.target;
    const address = this.addresses[this.attempt];
    if (target === undefined || address === undefined) return;
    this.timer = this.deps.engine.schedule(this.config.connectTimeoutMs, () => this.connectTimedOut(address), `${this.config.id} connect timeout`);
    this.dialing = this.deps.net.dial(this.config.ip, address, target.port, this.request.id, {
      connected: (connection) => {
        this.dialing = undefined;
        this.clearTimer();
        if (this.done) {
          connection.close();
          return;
        }
        this.connection = connection;
        this.forward(connection, target, address);
      },
      refused: (why) => {
        this.dialing = undefined;
        this.clearTimer();
        if (this.done) return;
        this.next(503, `${address}:${target.port} refused the connection: ${why} (ERR_CONNECT_FAIL)`);
      },
    });
  }

  private connectTimedOut(address: string): void {
    this.timer = undefined;
    this.dialing?.abort();
    this.dialing = undefined;
    if (!this.done) this.next(504, `no answer from ${address} within ${this.config.connectTimeoutMs / 1000} s (ERR_CONNECT_FAIL)`);
  }

  private next(status: number, why: string): void {
    this.attempt++;
    if (this.attempt < this.addresses.length) {
      this.decision('next address', `${why}: try ${this.addresses[this.attempt]}`);
      this.dial();
    } else {
      this.fail(status, 'TCP_MISS', why);
    }
  }

  private forward(connection: ClientConnection, target: AbsoluteTarget, address: string): void {
    const r = this.request;
    const headers: [string, string][] = r.headers.filter(([k]) => !/^(proxy-connection|x-forwarded-for|via)$/i.test(k)).map(([k, v]) => [k, v]);
    const prior = r.headers.find(([k]) => k.toLowerCase() === 'x-forwarded-for')?.[1];
    if (this.config.forwardedFor) headers.push(['X-Forwarded-For', prior === undefined ? r.clientIp : `${prior}, ${r.clientIp}`]);
    headers.push(['Via', `1.1 ${this.config.id} (squid)`]);
    this.decision(
      'forward',
      `${r.clientIp} asked for ${r.target}: connect from ${this.config.ip} to ${address}:${target.port}; the origin sees ${this.config.ip}${this.config.forwardedFor ? ` and X-Forwarded-For: ${r.clientIp}` : ''}`,
    );
    this.timer = this.deps.engine.schedule(this.config.readTimeoutMs, () => this.readTimedOut(), `${this.config.id} read timeout`);
    connection.send(
      { id: r.id, method: r.method, target: target.path, headers },
      {
        response: (response) => {
          if (this.done) return;
          this.finish(response.status, 'TCP_MISS', `HIER_DIRECT/${address}`, response.servedBy);
        },
        reset: (why) => {
          if (!this.done) this.fail(502, 'TCP_MISS', `the origin reset the connection: ${why} (ERR_READ_ERROR)`, `HIER_DIRECT/${address}`);
        },
      },
    );
  }

  private readTimedOut(): void {
    this.timer = undefined;
    if (!this.done) this.fail(504, 'TCP_MISS', `no answer from the origin within ${this.config.readTimeoutMs / 1000} s (ERR_READ_TIMEOUT)`);
  }

  private fail(status: number, action: string, why: string, hierarchy = 'HIER_NONE/-'): void {
    this.decision(`answer ${status}`, why);
    this.finish(status, action, hierarchy, this.config.id);
  }

  private finish(status: number, action: string, hierarchy: string, servedBy: string): void {
    this.done = true;
    this.release();
    this.proxy.count(status < 500);
    const now = this.deps.engine.now;
    this.deps.trace.record({
      kind: 'log',
      component: this.config.id,
      stream: 'access',
      line: squidLogLine({
        atMs: this.config.logEpochMs + now,
        elapsedMs: now - this.startedMs,
        clientIp: this.request.clientIp,
        action,
        status,
        bytes: statusLine(status).length,
        method: this.request.method,
        url: this.request.target,
        hierarchy,
        contentType: 'text/plain',
      }),
    });
    this.reply({ status, servedBy });
  }

  private release(): void {
    this.clearTimer();
    this.dialing?.abort();
    this.dialing = undefined;
    this.connection?.close();
    this.connection = undefined;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.engine.cancel(this.timer);
    this.timer = undefined;
  }

  private decision(decision: string, why: string): void {
    this.deps.trace.record({ kind: 'decision', component: this.config.id, decision, requestId: this.request.id, why });
  }
}
