/**
 * The simulated network behind `trafficlab nginx`: each backend address
 * behaves as BACKENDS.json says at the moment a connection reaches it.
 *
 * Loopback has no latency worth modelling, so a refusal or a handshake
 * arrives as a zero-delay engine event (after the work already due now, as a
 * real RST would come back on the next turn of nginx's event loop); a
 * response arrives after the behaviour's `delayMs`. The network also writes
 * down which request URI each backend read, which is what the command
 * reports as `upstream_uri`.
 */
import type { Engine, Trace } from '../../sim';
import type { UpstreamNetwork } from '../../models/nginx/process';
import { behaviourAt, type Backends } from './backends';

export interface BackendNetwork extends UpstreamNetwork {
  /** Request id → the URI on the request line the last backend read. */
  readonly lastUri: Map<string, string>;
}

export function createBackendNetwork(engine: Engine, trace: Trace, backends: Backends): BackendNetwork {
  const lastUri = new Map<string, string>();
  return {
    lastUri,
    connect(_fromIp, address, handlers) {
      let aborted = false;
      const behaviour = behaviourAt(backends, address, engine.now);
      const handle = engine.schedule(
        0,
        () => {
          if (aborted) return;
          if (behaviour.kind === 'refuse') {
            handlers.refused();
            return;
          }
          let closed = false;
          handlers.connected({
            close: () => {
              closed = true;
            },
            send(request, responseHandlers) {
              lastUri.set(request.requestId, request.uri);
              // Decide at read time, like a real server whose behaviour changed after accept.
              const now = behaviourAt(backends, address, engine.now);
              if (now.kind !== 'respond') {
                trace.record({ kind: 'decision', component: `backend ${address}`, decision: 'no answer', requestId: request.requestId, why: `${address} reads ${request.method} ${request.uri} and never answers (behaviour "hang")` });
                return;
              }
              engine.schedule(
                now.delayMs,
                () => {
                  if (closed) return;
                  responseHandlers.response({ status: now.status, headers: [['Content-Type', 'text/plain']], body: `${address}\n` });
                },
                `backend ${address} response`,
              );
            },
          });
        },
        `backend ${address} ${behaviour.kind === 'refuse' ? 'RST' : 'SYN-ACK'}`,
      );
      return {
        abort() {
          aborted = true;
          engine.cancel(handle);
        },
      };
    },
  };
}
