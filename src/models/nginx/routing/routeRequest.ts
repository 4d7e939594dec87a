/**
 * One request through nginx's routing, end to end: parse the target, pick
 * the server, run a server-level `return`, find the location, then answer
 * (auto-redirect, `return`, static file) or hand a ready upstream request to
 * the processor. Index files re-run the location search, as nginx's internal
 * redirect does (at most 10 times, then 500).
 *
 * Every step leaves a decision with a `why` for the trace.
 */
import { label, textMemo } from '../labels';
import type { Conf, LocationBlock, ServerBlock } from '../model';
import { toBytes } from './bytes';
import type { RequestContext } from './context';
import { findLocation, locationLabel } from './findLocation';
import { keptFields } from './headers';
import { isInvalidUri, normalizeUri } from './normalizeUri';
import { errorReply, redirectReply, returnResponse } from './reply';
import type { Reply } from './reply';
import { selectServer, type ServerQuery } from './selectServer';
import { serveStatic } from './staticFiles';
import type { FileTree } from './staticFiles';
import { buildUpstreamRequest } from './upstreamRequest';
import type { UpstreamRequestHead } from './upstreamRequest';

/** A client request on a connection (field names as the processor's ClientRequest). */
export interface IncomingRequest {
  method: string;
  /** The request target exactly as on the request line. */
  uri: string;
  httpVersion: 'HTTP/1.0' | 'HTTP/1.1';
  headers: [string, string][];
  clientIp: string;
  clientPort: number;
  localIp: string;
  localPort: number;
}

export interface RouteOptions {
  /** The virtual file tree for root/alias (absolute path → content). */
  files?: FileTree;
  /** nginx's prefix for relative roots (Debian: /usr/share/nginx). */
  prefix?: string;
}

/** A step of the routing, for the trace. */
export interface RouteDecision {
  decision: string;
  why: string;
}

interface Routed {
  ctx: RequestContext;
  decisions: RouteDecision[];
  server?: ServerBlock;
  location?: LocationBlock;
  /** The settings that applied (the location's, or the server's). */
  conf?: Conf;
}

export type RouteOutcome =
  | { kind: 'refused'; why: string }
  | (Routed & { kind: 'respond'; reply: Reply; errorLog?: { level: 'error'; message: string } })
  | (Routed & { kind: 'proxy'; server: ServerBlock; location: LocationBlock; conf: Conf; upstream: UpstreamRequestHead });

/** buildUpstreamRequest's options, made once: they only say whether the URI came from an internal redirect. */
const INTERNAL = { internal: true } as const;
const NOT_INTERNAL = { internal: false } as const;

/** The file tree when none is given. */
const NO_FILES: FileTree = {};

/** nginx gives up on internal redirects after this many (NGX_HTTP_MAX_URI_CHANGES). */
const MAX_URI_CHANGES = 10;

/** The proxy_pass decision's why, by upstream request line (those are made once each: see upstreamRequest.ts). */
const lineWhys = textMemo((line: string) => `upstream request line "${line}"`);

function baseContext(req: IncomingRequest): RequestContext {
  return {
    method: req.method,
    requestUri: toBytes(req.uri),
    httpVersion: req.httpVersion === 'HTTP/1.0' ? '1.0' : '1.1',
    headers: req.headers,
    remoteAddr: req.clientIp,
    remotePort: req.clientPort,
    serverAddr: req.localIp,
    serverPort: req.localPort,
    uri: '',
    args: '',
    host: '',
    serverName: '',
    // Filled in later by the router and the processor: listed here so that the
    // object has every field from the start instead of growing one at a time.
    captures: undefined,
    named: undefined,
    proxyHost: undefined,
    startMs: undefined,
    pid: undefined,
    connection: undefined,
    connectionRequests: undefined,
    requestId: undefined,
    status: undefined,
    bodyBytesSent: undefined,
    bytesSent: undefined,
    requestLength: undefined,
    responseHeaders: undefined,
    nowMs: undefined,
    upstreamAddr: undefined,
    upstreamStatus: undefined,
  };
}

/** Drop the body of a reply to HEAD, keeping its headers. */
function forMethod(reply: Reply, method: string): Reply {
  return method === 'HEAD' ? { ...reply, body: '' } : reply;
}

/** Route one request; see the module comment. */
export function routeRequest(servers: readonly ServerBlock[], req: IncomingRequest, opts: RouteOptions = {}): RouteOutcome {
  const ctx = baseContext(req);
  const decisions: RouteDecision[] = [];
  // Passed as an argument, not bound to a name: tools that keep function
  // names would otherwise rename this closure on every request.
  return route(servers, req, opts, ctx, decisions, (reply: Reply, extra: Where = {}, errorLog?: string): RouteOutcome => {
    // Fields set one by one rather than spread in: a spread copy is the slow path of object creation.
    const outcome: Extract<RouteOutcome, { kind: 'respond' }> = { kind: 'respond', reply: forMethod(reply, req.method), ctx, decisions };
    if (extra.server !== undefined) outcome.server = extra.server;
    if (extra.location !== undefined) outcome.location = extra.location;
    if (extra.conf !== undefined) outcome.conf = extra.conf;
    if (errorLog !== undefined) outcome.errorLog = { level: 'error', message: errorLog };
    return outcome;
  });
}

/** Where an answer was made: the parts of Routed that a `respond` fills in (an undefined one is left out). */
type Where = Pick<Routed, 'server' | 'location' | 'conf'>;

function route(
  servers: readonly ServerBlock[],
  req: IncomingRequest,
  opts: RouteOptions,
  ctx: RequestContext,
  decisions: RouteDecision[],
  respond: (reply: Reply, extra?: Where, errorLog?: string) => RouteOutcome,
): RouteOutcome {

  const hosts = keptFields(req.headers, 'host');
  const query: ServerQuery = { localAddr: req.localIp, localPort: req.localPort, httpVersion: ctx.httpVersion };
  if (hosts[0]) query.host = hosts[0][1];
  const selection = selectServer(servers, query);
  if (selection.kind === 'no-listener') return { kind: 'refused', why: selection.why };

  const target = normalizeUri(req.uri);
  if (isInvalidUri(target)) {
    // The request line is read before the headers, so its 400 comes from the default server.
    const fallback = selectServer(servers, { localAddr: req.localIp, localPort: req.localPort, httpVersion: '1.0' });
    decisions.push({ decision: '400 Bad Request', why: target.why });
    return respond(errorReply(400), fallback.kind === 'server' ? { server: fallback.server } : {}, 'client sent invalid request');
  }
  ctx.uri = target.uri;
  ctx.args = target.args;
  if (hosts.length > 1) {
    decisions.push({ decision: '400 Bad Request', why: 'client sent duplicate host header' });
    return respond(errorReply(400), { server: selection.server }, `client sent duplicate host header: "${hosts[1]?.[0]}: ${hosts[1]?.[1]}", previous value: "${hosts[0]?.[0]}: ${hosts[0]?.[1]}"`);
  }
  if (selection.kind === 'bad-request') {
    decisions.push({ decision: '400 Bad Request', why: selection.why });
    return respond(errorReply(400), { server: selection.server }, selection.why);
  }

  const server = selection.server;
  decisions.push({ decision: label('server ', server.serverNames[0] ?? '""'), why: selection.why });
  ctx.host = selection.host;
  ctx.serverName = server.serverNames[0] ?? '';
  ctx.captures = selection.captures;
  // Shared with the selection: named captures are only ever replaced, never changed in place.
  ctx.named = selection.named;

  // A server-level return runs in the server-rewrite phase, before any location is looked at.
  if (server.conf.return) {
    decisions.push({ decision: `return ${server.conf.return.code}`, why: 'server-level return answers before location matching' });
    return respond(returnResponse(server.conf.return, ctx), { server, conf: server.conf });
  }

  let internal = false;
  for (let changes = 0; changes <= MAX_URI_CHANGES; changes++) {
    const match = findLocation(server, ctx.uri, ctx.args);
    const location = match.location;
    decisions.push({ decision: location ? label('location ', locationLabel(location)) : 'no location', why: match.why });
    if (match.kind === 'redirect' && match.redirectTo !== undefined) {
      return respond(redirectReply(301, match.redirectTo, ctx), { server, ...(location ? { location } : {}) });
    }
    if (match.regex) {
      ctx.captures = match.captures;
      ctx.named = { ...ctx.named, ...match.named };
    }
    const conf = location?.conf ?? server.conf;
    if (location?.conf.proxyPass && !location.conf.return) {
      // buildUpstreamRequest fills in ctx.proxyHost.
      const upstream = buildUpstreamRequest(location, ctx, internal ? INTERNAL : NOT_INTERNAL);
      decisions.push({ decision: label('proxy_pass ', location.conf.proxyPass.url), why: lineWhys.get(upstream.requestLine) });
      return { kind: 'proxy', ctx, decisions, server, location, conf, upstream };
    }
    const where: Where = { server, conf, location };
    if (location?.conf.return) {
      decisions.push({ decision: `return ${location.conf.return.code}`, why: `location ${locationLabel(location)} returns` });
      return respond(returnResponse(location.conf.return, ctx), where);
    }
    // An undefined prefix is serveStatic's default, as if left out.
    const result = serveStatic(conf, location, ctx.uri, opts.files ?? NO_FILES, { method: req.method, args: ctx.args, prefix: opts.prefix });
    if (result.kind === 'internal') {
      decisions.push({ decision: `internal redirect to ${result.uri}`, why: result.why });
      ctx.uri = result.uri;
      internal = true;
      continue;
    }
    if (result.kind === 'file') {
      decisions.push({ decision: label('file ', result.path), why: 'static file found' });
      const reply: Reply = {
        status: 200,
        statusLine: '200 OK',
        headers: [
          ['Content-Type', result.contentType],
          ['Content-Length', String(result.body.length)],
        ],
        body: result.body,
      };
      return respond(reply, where);
    }
    decisions.push({ decision: `${result.status}`, why: result.why });
    if (result.kind === 'redirect') return respond(redirectReply(301, result.location, ctx), where);
    return respond(errorReply(result.status), where, result.errorLog);
  }
  decisions.push({ decision: '500', why: `more than ${MAX_URI_CHANGES} internal redirects` });
  return respond(errorReply(500), { server }, `rewrite or internal redirection cycle while internally redirecting to "${ctx.uri}"`);
}
