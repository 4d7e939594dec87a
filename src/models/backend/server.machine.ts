/**
 * The app server's lifecycle and timing: `up` (answers each request after a
 * latency drawn from its own stream) or `crashed` (its process is gone).
 *
 * Each answer is a delayed event with an explicit id (`respond:<requestId>`),
 * so a crash can cancel exactly the answers still pending, and so XState never
 * invents a random id that would differ between runs. A crash resets every
 * request the process was holding: the kernel closes its sockets, and the
 * client sees "connection reset". While crashed, nothing listens on the port:
 * the network refuses new requests before they reach the machine.
 *
 * The machine does no I/O itself: answering and recording go through `port`.
 */
import { enqueueActions, setup } from 'xstate';
import type { Rng } from '../../sim';
import type { LatencyRange, StatusDecision } from './behaviour';
import { decideStatus, drawLatencyMs } from './behaviour';

/** A request the server holds until it answers. */
export interface HeldRequest {
  readonly requestId: string;
  /** The component to answer (the far end of the link it came on). */
  readonly from: string;
}

/** What the machine asks of the world. */
export interface ServerPort {
  /** Send the answer to a held request. */
  respond(request: HeldRequest, decision: StatusDecision): void;
  /** The process died holding this request: the host resets the connection. */
  reset(request: HeldRequest, why: string): void;
  /** Record a change of lifecycle state. */
  stateChanged(from: string, to: string, why: string): void;
}

export interface ServerInput {
  readonly serverId: string;
  readonly latency: LatencyRange;
  readonly errorRate: number;
  /** `server:<id>:latency`: response times only. */
  readonly latencyRng: Rng;
  /** `server:<id>:errors`: error draws only, so changing errorRate never shifts latencies. */
  readonly errorRng: Rng;
  readonly port: ServerPort;
}

export interface ServerContext extends ServerInput {
  readonly held: Readonly<Record<string, HeldRequest>>;
}

export type ServerEvent =
  | { type: 'REQUEST'; request: HeldRequest }
  | { type: 'RESPOND'; requestId: string }
  | { type: 'CRASH'; why: string }
  | { type: 'RECOVER'; why: string };

/** The id of the delayed event that answers a request. */
export function respondId(requestId: string): string {
  return `respond:${requestId}`;
}

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as ServerInput,
  },
  delays: {
    responseLatencyMs: ({ context }) => drawLatencyMs(context.latency, context.latencyRng),
  },
  actions: {
    hold: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'REQUEST') return;
      const { request } = event;
      enqueue.assign({ held: { ...context.held, [request.requestId]: request } });
      enqueue.raise(
        { type: 'RESPOND', requestId: request.requestId },
        { id: respondId(request.requestId), delay: 'responseLatencyMs' },
      );
    }),
    respond: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RESPOND') return;
      const request = context.held[event.requestId];
      if (request === undefined) return;
      const decision = decideStatus(context.errorRate, context.errorRng);
      const held = { ...context.held };
      delete held[event.requestId];
      enqueue.assign({ held });
      enqueue(() => context.port.respond(request, decision));
    }),
    resetHeld: enqueueActions(({ context, enqueue }) => {
      for (const request of Object.values(context.held)) {
        enqueue.cancel(respondId(request.requestId));
        enqueue(() => context.port.reset(request, `${context.serverId} crashed while handling the request`));
      }
      enqueue.assign({ held: {} });
    }),
    noteState: ({ context, event }, params: { from: string; to: string }) =>
      context.port.stateChanged(params.from, params.to, 'why' in event ? event.why : event.type),
  },
}).createMachine({
  id: 'server',
  context: ({ input }) => ({ ...input, held: {} }),
  initial: 'up',
  states: {
    up: {
      on: {
        REQUEST: { actions: 'hold' },
        RESPOND: { actions: 'respond' },
        CRASH: {
          target: 'crashed',
          actions: [{ type: 'noteState', params: { from: 'up', to: 'crashed' } }, 'resetHeld'],
        },
      },
    },
    crashed: {
      on: {
        RECOVER: { target: 'up', actions: { type: 'noteState', params: { from: 'crashed', to: 'up' } } },
      },
    },
  },
});
