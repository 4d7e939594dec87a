/**
 * The network interfaces the models ask for, implemented on the fabric:
 * `ClientNet` for traffic clients and the forward proxy (lookups through a
 * stub resolver, connections through `Tcp`), and nginx's `UpstreamNetwork`
 * for nginx on a machine or in a pod. Each maps the model's small callback
 * contract onto connections that walk hop by hop.
 */
import type { ClientConnection, ClientNet, LookupResult, OutgoingRequest as ClientRequest, ResponseHandlers as ClientReplyHandlers } from '../../models/client';
import type { ResponseHandlers as UpstreamReplyHandlers, UpstreamConnection, UpstreamNetwork, UpstreamRequest } from '../../models/nginx/process';
import type { Connection, HttpMessage, Purpose } from './tcp-types';
import type { Tcp } from './tcp';

/** Ephemeral ports as Linux hands them out (32768–60999), one counter per component. */
export class PortCounter {
  private next = 32768;
  take(): number {
    const port = this.next;
    this.next = this.next >= 60999 ? 32768 : this.next + 1;
    return port;
  }
}

export type Lookup = (fromComponent: string, clientIp: string, name: string, requestId: string, done: (result: LookupResult) => void) => void;

/** `ClientNet` for a component: its lookups and its connections. */
export function clientNet(tcp: Tcp, component: string, lookup: Lookup, purpose: Purpose = 'traffic'): ClientNet {
  // Method shorthand, not arrow properties, in the objects of this file: they
  // are made per request, and a named arrow costs a defineProperty under
  // tools that keep function names (tsx, esbuild).
  const ports = new PortCounter();
  return {
    lookup(clientIp, name, requestId, done) {
      lookup(component, clientIp, name, requestId, done);
    },
    dial(srcIp, dstIp, dstPort, requestId, handlers) {
      return tcp.dial(
        { from: component, srcIp, srcPort: ports.take(), dstIp, dstPort, purpose, requestId },
        {
          connected(connection) {
            handlers.connected(new ClientSide(connection));
          },
          refused(why) {
            handlers.refused(why);
          },
        },
      );
    },
  };
}

/** A connection as a traffic client sees it. */
class ClientSide implements ClientConnection {
  constructor(private readonly connection: Connection) {}

  send(request: ClientRequest, handlers: ClientReplyHandlers): void {
    this.connection.send(
      { id: request.id, method: request.method, target: request.target, headers: request.headers },
      {
        response(reply) {
          handlers.response({ status: reply.status, servedBy: reply.servedBy });
        },
        reset(why) {
          handlers.reset(why);
        },
      },
    );
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * nginx's upstream network from `component`. The component that answered
 * each request is remembered (`servedBy`), since nginx itself only knows the
 * address it connected to, which for a Service is the ClusterIP.
 */
export class NginxUpstreams implements UpstreamNetwork {
  private readonly ports = new PortCounter();
  /** Request id → the component that produced the last upstream response. */
  readonly servedBy = new Map<string, string>();

  constructor(
    private readonly tcp: Tcp,
    private readonly component: string,
  ) {}

  connect(fromIp: string, address: string, handlers: { connected(c: UpstreamConnection): void; refused(): void }) {
    const colon = address.lastIndexOf(':');
    const ip = address.slice(0, colon);
    const port = Number(address.slice(colon + 1));
    const servedBy = this.servedBy;
    return this.tcp.dial(
      { from: this.component, srcIp: fromIp, srcPort: this.ports.take(), dstIp: ip, dstPort: port, purpose: 'traffic' },
      {
        connected(connection) {
          handlers.connected(new UpstreamSide(connection, servedBy));
        },
        refused() {
          handlers.refused();
        },
      },
    );
  }
}

/** A connection as nginx sees it: it notes which component answered each request. */
class UpstreamSide implements UpstreamConnection {
  constructor(
    private readonly connection: Connection,
    private readonly servedBy: Map<string, string>,
  ) {}

  send(request: UpstreamRequest, handlers: UpstreamReplyHandlers): void {
    const message: HttpMessage =
      request.body === undefined
        ? { id: request.requestId, method: request.method, target: request.uri, headers: request.headers }
        : { id: request.requestId, method: request.method, target: request.uri, headers: request.headers, body: request.body };
    const servedBy = this.servedBy;
    this.connection.send(message, {
      response(reply) {
        servedBy.set(request.requestId, reply.servedBy);
        // nginx only reads the fields (UpstreamResponse), so the reply's own are passed, not a copy.
        handlers.response({ status: reply.status, headers: reply.headers, body: reply.body });
      },
      reset() {
        handlers.closed();
      },
    });
  }

  close(): void {
    this.connection.close();
  }
}
