/**
 * The client's lifecycle and timing: wait for its start, then issue a request
 * every `requestIntervalMs`, and give each request `requestTimeoutMs` to come
 * back. Each request's timeout is a delayed event with an explicit id
 * (`timeout:<requestId>`) so an answer can cancel exactly that timer, and so
 * XState never invents a random id that would differ between runs.
 *
 * A request is settled once: the first of response, reset or timeout removes
 * it from `inFlight`, and the `isPending` guard ignores whatever comes later.
 *
 * The machine does no I/O itself: sending and recording go through `port`,
 * which the world wires to the network and the trace.
 */
import { enqueueActions, setup } from 'xstate';
import type { HttpResponse, ResetReason } from '../../net';
import type { Rng } from '../../sim';
import type { Arrival } from './arrival';
import { firstRequestDelayMs, requestIntervalMs } from './arrival';
import type { Outcome } from './outcome';
import { elapsedMs, outcomeOfReset, outcomeOfResponse, outcomeOfTimeout } from './outcome';

/** What the machine asks of the world. */
export interface ClientPort {
  /** Virtual time now (the engine's). */
  now(): number;
  /** Build and send request `requestId`, recording it in the trace. */
  send(requestId: string): void;
  /** Record the one outcome of a request. */
  settle(outcome: Outcome): void;
  /** Record a change of lifecycle state. */
  stateChanged(from: string, to: string, why: string): void;
}

export interface ClientInput {
  readonly clientId: string;
  readonly arrival: Arrival;
  readonly timeoutMs: number;
  /** The client's own stream (`client:<id>`): arrival gaps only. */
  readonly rng: Rng;
  readonly port: ClientPort;
}

export interface ClientContext extends ClientInput {
  /** Requests issued so far; the next id is `<clientId>#<issued + 1>`. */
  readonly issued: number;
  /** Pending requests → virtual time they were issued. */
  readonly inFlight: Readonly<Record<string, number>>;
}

export type ClientEvent =
  | { type: 'RESPONSE'; response: HttpResponse }
  | { type: 'RST'; requestId: string; reason: ResetReason; why: string }
  | { type: 'TIMEOUT'; requestId: string }
  | { type: 'STOP'; why: string };

/** The id of a request's timeout timer. */
export function timeoutId(requestId: string): string {
  return `timeout:${requestId}`;
}

function requestIdOfEvent(event: ClientEvent): string | undefined {
  switch (event.type) {
    case 'RESPONSE':
      return event.response.requestId;
    case 'RST':
    case 'TIMEOUT':
      return event.requestId;
    case 'STOP':
      return undefined;
  }
}

function without(record: Readonly<Record<string, number>>, key: string): Record<string, number> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as ClientInput,
  },
  delays: {
    firstRequestDelayMs: ({ context }) => firstRequestDelayMs(context.arrival, context.rng),
    requestIntervalMs: ({ context }) => requestIntervalMs(context.arrival, context.rng),
    requestTimeoutMs: ({ context }) => context.timeoutMs,
  },
  guards: {
    isPending: ({ context, event }) => {
      const id = requestIdOfEvent(event);
      return id !== undefined && id in context.inFlight;
    },
  },
  actions: {
    issueRequest: enqueueActions(({ context, enqueue }) => {
      const requestId = `${context.clientId}#${context.issued + 1}`;
      enqueue.assign({
        issued: context.issued + 1,
        inFlight: { ...context.inFlight, [requestId]: context.port.now() },
      });
      enqueue.raise({ type: 'TIMEOUT', requestId }, { id: timeoutId(requestId), delay: 'requestTimeoutMs' });
      enqueue(() => context.port.send(requestId));
    }),
    settle: enqueueActions(({ context, event, enqueue }) => {
      const requestId = requestIdOfEvent(event);
      if (requestId === undefined) return;
      const issuedAt = context.inFlight[requestId] ?? context.port.now();
      const latencyMs = elapsedMs(issuedAt, context.port.now());
      const outcome =
        event.type === 'RESPONSE'
          ? outcomeOfResponse(event.response, latencyMs)
          : event.type === 'RST'
            ? outcomeOfReset(requestId, event.reason, event.why, latencyMs)
            : outcomeOfTimeout(requestId, latencyMs);
      enqueue(() => context.port.settle(outcome));
      // A timer that fired is gone already; cancelling it is a no-op.
      enqueue.cancel(timeoutId(requestId));
      enqueue.assign({ inFlight: without(context.inFlight, requestId) });
    }),
    noteStarted: ({ context }) => context.port.stateChanged('idle', 'active', 'first request due'),
    noteStopped: ({ context, event }, params: { from: string }) =>
      context.port.stateChanged(params.from, 'stopped', event.type === 'STOP' ? event.why : 'stopped'),
  },
}).createMachine({
  id: 'client',
  context: ({ input }) => ({ ...input, issued: 0, inFlight: {} }),
  initial: 'idle',
  // Answers are settled in every state, so stopping never loses an outcome.
  on: {
    RESPONSE: { guard: 'isPending', actions: 'settle' },
    RST: { guard: 'isPending', actions: 'settle' },
    TIMEOUT: { guard: 'isPending', actions: 'settle' },
  },
  states: {
    idle: {
      after: { firstRequestDelayMs: { target: 'active', actions: 'noteStarted' } },
      on: { STOP: { target: 'stopped', actions: { type: 'noteStopped', params: { from: 'idle' } } } },
    },
    active: {
      entry: 'issueRequest',
      after: { requestIntervalMs: { target: 'active', reenter: true } },
      on: { STOP: { target: 'stopped', actions: { type: 'noteStopped', params: { from: 'active' } } } },
    },
    stopped: {},
  },
});
