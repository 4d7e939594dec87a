/**
 * One client request through nginx: the router's `routeRequest` decides
 * everything up to the content handler (server block, URI, server-level
 * `return`, location, `return`, static files and index, the upstream request
 * head); this module writes its decisions to the trace, runs the upstream
 * loop in virtual time when the answer is `proxy_pass`, and finishes with
 * the access log and the client's response.
 */
import type { Engine, Trace, TraceInput } from '../../../sim';
import type { Conf, LocationBlock, ServerBlock, UpstreamBlock } from '../model';
import type { UpstreamState } from '../upstream';
import { errorReply, expandVariables, lowerHeaderName, routeRequest, type FileTree, type Reply, type RequestContext, type RouteOptions, type UpstreamRequestHead } from '../routing';
import type { ErrorContext, ErrorLevel } from './errorLog';
import type { NginxLogs } from './logs';
import type { UpstreamNetwork, UpstreamRequest } from './network';
import { runProxy, upstreamVariables, type AttemptRecord, type ProxyEnv, type ProxyJob } from './proxy';
import { requestId, requestLength } from './requestContext';
import { fromReply, fromUpstream, type BuiltResponse } from './response';
import { runtimeTarget } from './runtimeUpstream';
import type { ClientRequest, ClientResponse } from './types';
import type { Workers } from './workers';

/** What every request of one nginx instance shares. */
export interface RequestEnv {
  engine: Engine;
  trace: Trace;
  component: string;
  servers: readonly ServerBlock[];
  upstreams: readonly UpstreamBlock[];
  workers: Workers;
  network: UpstreamNetwork;
  logs: NginxLogs;
  files: FileTree;
  prefix: string;
  /** nginx's address as the source of upstream connections. */
  localIp: string;
  /** Seeded uniform [0, 1) for `random` balancing. */
  random: () => number;
  /** A separate seeded stream for `$request_id`, so ids do not shift the balancer's draws. */
  idRandom: () => number;
  wallMs(): number;
  /** The next number of nginx's connection counter (it counts upstream connections too). */
  nextConnection(): number;
  /** The router's options (files and prefix), made once for every request. */
  routeOptions: RouteOptions;
  /** What the upstream loop needs (engine, network, address, balancer draws), made once for every request. */
  proxyEnv: ProxyEnv;
}

function headerValue(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([n]) => lowerHeaderName(n) === name)?.[1];
}

/** nginx logs a client's malformed request at info, where it was reading (ngx_http_request.c). */
function badRequestAction(message: string): string {
  return message.startsWith('client sent invalid request') ? 'reading client request line' : 'reading client request headers';
}

export class RequestRun {
  /** The error log's view of the request, made when the first line about it is written (most requests write none). */
  private err?: ErrorContext;
  /** The server block's first name, once routing has chosen it. */
  private serverName = '';
  private ctx!: RequestContext;
  private readonly startMs: number;

  constructor(
    private readonly env: RequestEnv,
    private readonly req: ClientRequest,
    private readonly connection: number,
    private readonly worker: number,
    private readonly pid: number,
    private readonly done: (response: ClientResponse) => void,
  ) {
    this.startMs = env.wallMs();
  }

  /** The error log's context; everything in it is fixed once routing has chosen the server. */
  private errorContext(): ErrorContext {
    if (this.err !== undefined) return this.err;
    const { req } = this;
    const err: ErrorContext = { pid: this.pid, connection: this.connection, clientIp: req.clientIp, serverName: this.serverName, requestLine: `${req.method} ${req.uri} ${req.httpVersion}` };
    const host = headerValue(req.headers, 'host');
    if (host !== undefined) err.host = host;
    const referrer = headerValue(req.headers, 'referer');
    if (referrer !== undefined) err.referrer = referrer;
    this.err = err;
    return err;
  }

  /** A decision record about this request. */
  decide(decision: string, why: string): void {
    // `t` and `seq` are the trace's to stamp: written first, the record has its final shape from the start.
    this.env.trace.record({ t: 0, seq: 0, kind: 'decision', component: this.env.component, decision, requestId: this.req.id, why } as TraceInput);
  }

  /** An error-log line about this request, if `conf`'s error_log level lets it through. */
  log(conf: Conf | undefined, level: ErrorLevel, message: string, action?: string, upstream?: string): void {
    const err = this.errorContext();
    const ctx: ErrorContext = upstream === undefined ? err : { ...err, upstream };
    this.env.logs.error(conf, level, message, action, ctx);
  }

  start(): void {
    const { env, req } = this;
    const outcome = routeRequest(env.servers, req, env.routeOptions);
    if (outcome.kind === 'refused') {
      this.decide('connection refused', outcome.why);
      this.done({ status: 0, headers: [], body: '', upstreamAddr: '-', upstreamStatus: '-', worker: this.worker });
      return;
    }
    for (const d of outcome.decisions) this.decide(d.decision, d.why);
    this.serverName = outcome.server?.serverNames[0] ?? '';
    // The router made this context for this request alone: fill it in rather than copy it.
    const ctx = outcome.ctx;
    ctx.serverName = ctx.serverName || this.serverName;
    ctx.startMs = this.startMs;
    ctx.pid = this.pid;
    ctx.connection = this.connection;
    ctx.connectionRequests = 1;
    ctx.requestId = requestId(env.idRandom);
    this.ctx = ctx;
    const conf = outcome.conf ?? outcome.server?.conf;
    if (outcome.kind === 'proxy') {
      this.proxy(outcome.location, outcome.upstream);
      return;
    }
    if (outcome.errorLog !== undefined) {
      const bad = outcome.reply.status === 400;
      this.log(conf, bad ? 'info' : outcome.errorLog.level, outcome.errorLog.message, bad ? badRequestAction(outcome.errorLog.message) : undefined);
    }
    this.reply(conf, outcome.reply);
  }

  private proxy(location: LocationBlock, head: UpstreamRequestHead): void {
    const { env, ctx, req } = this;
    const conf = location.conf;
    const pass = conf.proxyPass;
    const target = pass?.hasVariables
      ? runtimeTarget(pass, ctx, env.workers, this.worker, env.upstreams)
      : ({ kind: 'group', state: env.workers.upstream(this.worker, head.upstream) } as const);
    if (target.kind === 'unresolved' || target.state === undefined) {
      const host = target.kind === 'unresolved' ? target.host : head.upstream;
      // A name no upstream block defines would need nginx's `resolver`, which is not simulated.
      this.decide('no upstream', `"${host}" is not an upstream group and no resolver is configured: 502`);
      this.log(conf, 'error', `no resolver defined to resolve ${host}`);
      this.reply(conf, errorReply(502));
      return;
    }
    const state = target.state;
    const method = state.method;
    const request: UpstreamRequest = { requestId: req.id, method: head.method, uri: head.uri, httpVersion: head.httpVersion, headers: head.headers };
    if (req.body !== undefined) request.body = req.body;
    const job = new Job(this, req.id, state, conf, request, req.clientIp);
    if (method.kind === 'hash') job.hashKey = expandVariables(method.key, ctx);
    runProxy(env.proxyEnv, job, (outcome) => {
      const built = outcome.response ? fromUpstream(outcome.response, env.wallMs()) : fromReply(errorReply(outcome.status), env.wallMs());
      this.finish(conf, built, outcome.attempts, head.uri);
    });
  }

  /** Called by the upstream loop for each connection attempt. */
  connecting(): void {
    this.env.nextConnection();
  }

  private reply(conf: Conf | undefined, reply: Reply): void {
    // `return 444` and friends close the connection: the client sees no response at all.
    this.finish(conf, fromReply(reply, this.env.wallMs()), [], undefined, reply.close === true);
  }

  private finish(conf: Conf | undefined, built: BuiltResponse, attempts: AttemptRecord[], upstreamUri: string | undefined, closed = false): void {
    const { ctx, env } = this;
    const vars = upstreamVariables(attempts);
    const bodyBytes = this.req.method === 'HEAD' ? 0 : built.body.length;
    let headerBytes = 17;
    for (let i = 0; i < built.headers.length; i++) {
      const field = built.headers[i] as [string, string];
      headerBytes += field[0].length + field[1].length + 4;
    }
    ctx.status = built.status;
    ctx.bodyBytesSent = closed ? 0 : bodyBytes;
    ctx.bytesSent = closed ? 0 : headerBytes + bodyBytes;
    ctx.requestLength = requestLength(this.req);
    ctx.responseHeaders = built.headers;
    ctx.nowMs = env.wallMs();
    if (attempts.length > 0) {
      ctx.upstreamAddr = vars.addr;
      ctx.upstreamStatus = vars.status;
    }
    if (conf !== undefined) env.logs.access(conf, ctx);
    this.decide('response', `${built.status} after ${Math.round(ctx.nowMs - this.startMs)} ms${attempts.length ? ` (upstream ${vars.addr}: ${vars.status})` : ''}`);
    const response: ClientResponse = {
      status: closed ? 0 : built.status,
      headers: closed ? [] : built.headers,
      body: closed || this.req.method === 'HEAD' ? '' : built.body,
      upstreamAddr: vars.addr,
      upstreamStatus: vars.status,
      worker: this.worker,
    };
    if (upstreamUri !== undefined) response.upstreamUri = upstreamUri;
    this.done(response);
  }
}

/**
 * The upstream loop's view of one request (a class rather than an object of
 * arrow functions: one is made per proxied request).
 */
class Job implements ProxyJob {
  hashKey?: string;

  constructor(
    private readonly run: RequestRun,
    readonly requestId: string,
    readonly state: UpstreamState,
    readonly conf: Conf,
    readonly request: UpstreamRequest,
    readonly clientIp: string,
  ) {}

  log(level: ErrorLevel, message: string, action: string, upstream: string): void {
    this.run.log(this.conf, level, message, action, upstream);
  }

  decide(decision: string, why: string): void {
    this.run.decide(decision, why);
  }

  onConnect(): void {
    this.run.connecting();
  }
}
