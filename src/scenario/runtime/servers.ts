/**
 * The server end of connections, for each kind of program a host can run:
 * an app process, nginx, or the forward proxy. Each turns a request that
 * arrived on an accepted connection into the model's call, and its answer
 * back into a reply on the same connection; when the client end goes away
 * the model hears it (its ticket is cancelled).
 */
import type { AppProcess, AppTicket } from '../../models/backend';
import type { ClientRequest, NginxInstance } from '../../models/nginx/process';
import type { ForwardProxy, ProxyTicket } from '../../models/proxy';
import type { NginxUpstreams } from './net-adapters';
import type { HttpMessage, ServerExchange, ServerSide } from './tcp-types';

/** One connection to an app. */
export function appConnection(app: AppProcess, component: string): ServerSide {
  // Method shorthand rather than arrow properties throughout this file: these
  // objects are made per connection and per request, and a named arrow costs
  // a defineProperty under tools that keep function names (tsx, esbuild).
  let ticket: AppTicket | undefined;
  return {
    request(message: HttpMessage, exchange: ServerExchange) {
      ticket = app.handle(
        { id: message.id, method: message.method, path: message.target, headers: message.headers, remoteIp: exchange.peerIp },
        {
          respond(r) {
            exchange.respond({ status: r.status, headers: r.headers, body: r.body, servedBy: component });
          },
          reset(why) {
            exchange.reset(why);
          },
        },
      );
    },
    closed() {
      ticket?.cancel();
    },
  };
}

/** The last status nginx got from an upstream (`$upstream_status` lists every attempt). */
function lastUpstreamStatus(upstreamStatus: string): string {
  // After the last ", " (next attempt) or ": " (next group); the two cannot overlap.
  const cut = Math.max(upstreamStatus.lastIndexOf(', '), upstreamStatus.lastIndexOf(': '));
  return (cut < 0 ? upstreamStatus : upstreamStatus.slice(cut + 2)).trim();
}

/** Requests nginx is working on, so that they can be reset if its container dies. */
export type OpenExchanges = Set<ServerExchange>;

/** One client connection to nginx; each request goes to the instance `nginx()` names when it arrives (a reload swaps it). */
export function nginxConnection(nginx: () => NginxInstance, upstreams: NginxUpstreams, component: string, working?: OpenExchanges): ServerSide {
  let open = true;
  return {
    request(message: HttpMessage, exchange: ServerExchange) {
      working?.add(exchange);
      const request: ClientRequest = {
        id: message.id,
        method: message.method,
        uri: message.target,
        httpVersion: 'HTTP/1.1',
        // The message's own fields, not a copy: nginx reads request fields and never changes them or their list
        // (the upstream request passes the client's fields themselves), though its types do not say so.
        headers: message.headers as [string, string][],
        clientIp: exchange.peerIp,
        clientPort: exchange.peerPort,
        localIp: exchange.localIp,
        localPort: exchange.localPort,
      };
      if (message.body !== undefined) request.body = message.body;
      nginx().handle(
        request,
        (response) => {
          const backend = upstreams.servedBy.get(message.id);
          upstreams.servedBy.delete(message.id);
          if (working !== undefined && !working.delete(exchange)) return;
          if (!open) return;
          if (response.status === 0) {
            exchange.reset(`${component} closed the connection without a response`);
            return;
          }
          const fromUpstream = backend !== undefined && response.upstreamStatus !== '-' && lastUpstreamStatus(response.upstreamStatus) === String(response.status);
          exchange.respond({ status: response.status, headers: response.headers, body: response.body, servedBy: fromUpstream ? backend : component });
        },
      );
    },
    closed() {
      open = false;
    },
  };
}

/** One client connection to the forward proxy. */
export function proxyConnection(proxy: ForwardProxy): ServerSide {
  let ticket: ProxyTicket | undefined;
  return {
    request(message: HttpMessage, exchange: ServerExchange) {
      ticket = proxy.handle(
        { id: message.id, method: message.method, target: message.target, headers: message.headers, clientIp: exchange.peerIp },
        (reply) => exchange.respond({ status: reply.status, headers: [], body: '', servedBy: reply.servedBy }),
      );
    },
    closed() {
      ticket?.cancel();
    },
  };
}
