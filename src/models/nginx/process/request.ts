/**
 * One client request through nginx's phases: find the server block, parse
 * and normalize the URI, server-level `return`, find the location, then the
 * content handler — `return`, `proxy_pass` (the upstream loop in proxy.ts)
 * or static files, with index files as internal redirects — and finally the
 * access log. Each choice is a decision record with the router's `why`.
 */
import type { Engine, Trace } from '../../../sim';
import type { Conf, LocationBlock, ServerBlock, UpstreamBlock } from '../model';
import type { RequestContext } from '../routing/context';
import { findLocation, locationLabel } from '../routing/findLocation';
import { normalizeUri } from '../routing/normalizeUri';
import { errorReply, redirectReply, returnResponse } from '../routing/reply';
import { selectServer } from '../routing/selectServer';
import { serveStatic, type FileTree } from '../routing/staticFiles';
import { expandVariables } from '../routing/template';
import { buildUpstreamRequest } from '../routing/upstreamRequest';
import type { ErrorContext, ErrorLevel } from './errorLog';
import type { NginxLogs } from './logs';
import type { UpstreamNetwork } from './network';
import { runProxy, upstreamVariables, type AttemptRecord } from './proxy';
import { fromReply, fromUpstream, type BuiltResponse } from './response';
import { requestContext, requestLength } from './requestContext';
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
}

/** nginx gives up after 10 internal redirects ("rewrite or internal redirection cycle"). */
const MAX_INTERNAL_REDIRECTS = 10;

function headerValue(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

export class RequestRun {
  private readonly err: ErrorContext;
  private ctx!: RequestContext;
  private server!: ServerBlock;
  private redirects = 0;
  private readonly startMs: number;

  constructor(
    private readonly env: RequestEnv,
    private readonly req: ClientRequest,
    connection: number,
    private readonly worker: number,
    pid: number,
    private readonly done: (response: ClientResponse) => void,
  ) {
    this.startMs = env.wallMs();
    const host = headerValue(req.headers, 'host');
    this.err = { pid, connection, clientIp: req.clientIp, serverName: '', requestLine: `${req.method} ${req.uri} ${req.httpVersion}` };
    if (host !== undefined) this.err.host = host;
    const referrer = headerValue(req.headers, 'referer');
    if (referrer !== undefined) this.err.referrer = referrer;
  }

  private decide(decision: string, why: string): void {
    this.env.trace.record({ kind: 'decision', component: this.env.component, decision, requestId: this.req.id, why });
  }

  private log(conf: Conf, level: ErrorLevel, message: string, action?: string, upstream?: string): void {
    const ctx: ErrorContext = upstream === undefined ? this.err : { ...this.err, upstream };
    this.env.logs.error(conf, level, message, action, ctx);
  }

  start(): void {
    const { req, env } = this;
    const httpVersion = req.httpVersion === 'HTTP/1.0' ? '1.0' : '1.1';
    const host = headerValue(req.headers, 'host');
    const sel = selectServer(env.servers, { localAddr: req.localIp, localPort: req.localPort, ...(host !== undefined ? { host } : {}), httpVersion });
    if (sel.kind === 'no-listener') {
      this.decide('connection refused', sel.why);
      this.done({ status: 0, headers: [], body: '', upstreamAddr: '-', upstreamStatus: '-', worker: this.worker });
      return;
    }
    this.server = sel.server;
    this.err.serverName = sel.server.serverNames[0] ?? '';
    this.ctx = requestContext(req, sel.kind === 'server' ? sel.host : '', this.err, this.startMs, env.idRandom);
    this.decide('server block', sel.why);
    if (sel.kind === 'bad-request') {
      this.log(sel.server.conf, 'info', sel.why, 'reading client request headers');
      this.reply(sel.server.conf, errorReply(400));
      return;
    }
    this.ctx.captures = sel.captures;
    this.ctx.named = sel.named;
    const normalized = normalizeUri(req.uri);
    if ('error' in normalized) {
      this.decide('bad request', normalized.why);
      this.log(sel.server.conf, 'info', 'client sent invalid request', 'reading client request line');
      this.reply(sel.server.conf, errorReply(400));
      return;
    }
    this.ctx.args = normalized.args;
    this.route(normalized.uri, false);
  }

  /** From the server rewrite phase on; runs again after an internal redirect. */
  private route(uri: string, internal: boolean): void {
    const { server, ctx } = this;
    ctx.uri = uri;
    if (++this.redirects > MAX_INTERNAL_REDIRECTS + 1) {
      this.log(server.conf, 'error', 'rewrite or internal redirection cycle', `internally redirecting to "${uri}"`);
      this.reply(server.conf, errorReply(500));
      return;
    }
    if (server.conf.return) {
      this.decide('return', `server-level "return ${server.conf.return.code}" runs before any location is searched`);
      this.reply(server.conf, returnResponse(server.conf.return, ctx));
      return;
    }
    const match = findLocation(server, uri, ctx.args);
    this.decide('location', match.why);
    const location = match.location;
    const conf = location?.conf ?? server.conf;
    if (match.kind === 'redirect') {
      this.reply(conf, redirectReply(301, match.redirectTo ?? `${uri}/`, ctx));
      return;
    }
    if (match.regex) {
      ctx.captures = match.captures;
      ctx.named = { ...ctx.named, ...match.named };
    }
    if (conf.return) {
      this.decide('return', `"return ${conf.return.code}" in location ${location ? locationLabel(location) : '(server)'}`);
      this.reply(conf, returnResponse(conf.return, ctx));
      return;
    }
    if (conf.proxyPass && location) {
      this.proxy(location, internal);
      return;
    }
    this.serveFile(conf, location, uri);
  }

  private serveFile(conf: Conf, location: LocationBlock | undefined, uri: string): void {
    const result = serveStatic(conf, location, uri, this.env.files, { method: this.req.method, args: this.ctx.args, prefix: this.env.prefix });
    if (result.kind === 'internal') {
      this.decide('index', result.why);
      this.route(result.uri, true);
      return;
    }
    if (result.kind === 'file') {
      this.decide('static file', `serving "${result.path}"`);
      const reply = { status: 200, statusLine: '200 OK', headers: [['Content-Type', result.contentType], ['Content-Length', String(result.body.length)]] as [string, string][], body: result.body };
      this.reply(conf, reply);
      return;
    }
    this.decide('static file', result.why);
    if (result.kind === 'redirect') {
      this.reply(conf, redirectReply(301, result.location, this.ctx));
      return;
    }
    if (result.errorLog !== undefined) this.log(conf, 'error', result.errorLog);
    this.reply(conf, errorReply(result.status));
  }

  private proxy(location: LocationBlock, internal: boolean): void {
    const { env, ctx, req } = this;
    const conf = location.conf;
    const head = buildUpstreamRequest(location, ctx, { internal, ...(req.body !== undefined ? { bodyLength: req.body.length } : {}) });
    ctx.proxyHost = head.proxyHost;
    const pass = location.conf.proxyPass;
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
    this.decide('proxy_pass', `location ${locationLabel(location)} proxies to upstream "${state.name}" as "${head.requestLine}"`);
    const method = state.method;
    runProxy(
      { engine: env.engine, network: env.network, localIp: env.localIp, random: env.random },
      {
        requestId: req.id,
        state,
        conf,
        request: { requestId: req.id, method: head.method, uri: head.uri, httpVersion: head.httpVersion, headers: head.headers, ...(req.body !== undefined ? { body: req.body } : {}) },
        clientIp: req.clientIp,
        ...(method.kind === 'hash' ? { hashKey: expandVariables(method.key, ctx) } : {}),
        log: (level, message, action, upstream) => this.log(conf, level, message, action, upstream),
        decide: (decision, why) => this.decide(decision, why),
        onConnect: () => env.nextConnection(),
      },
      (outcome) => {
        const built = outcome.response ? fromUpstream(outcome.response, env.wallMs()) : fromReply(errorReply(outcome.status), env.wallMs());
        this.finish(conf, built, outcome.attempts, head.uri);
      },
    );
  }

  private reply(conf: Conf, reply: ReturnType<typeof errorReply>): void {
    const built = fromReply(reply, this.env.wallMs());
    // `return 444` and friends close the connection: the client sees no response at all.
    this.finish(conf, built, [], undefined, reply.close === true);
  }

  private finish(conf: Conf, built: BuiltResponse, attempts: AttemptRecord[], upstreamUri: string | undefined, closed = false): void {
    const { ctx, env } = this;
    const vars = upstreamVariables(attempts);
    const bodyBytes = this.req.method === 'HEAD' ? 0 : built.body.length;
    const headerBytes = built.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 17);
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
    env.logs.access(conf, ctx);
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
