/**
 * A traffic client's lifecycle and timing: wait for its start, then issue a
 * request every `requestIntervalMs` (fixed or Poisson, `arrival.ts`) until
 * stopped. What happens to each request is not the machine's business: it
 * asks `port.issue()` and moves on, so requests overlap freely.
 */
import { setup } from 'xstate';
import type { Rng } from '../../sim';
import type { Arrival } from './arrival';
import { firstRequestDelayMs, requestIntervalMs } from './arrival';

export interface TrafficPort {
  issue(): void;
  stateChanged(from: string, to: string, why: string): void;
}

export interface TrafficInput {
  readonly arrival: Arrival;
  /** Arrival gaps only. */
  readonly rng: Rng;
  readonly port: TrafficPort;
}

export type TrafficEvent = { type: 'STOP'; why: string };

export const trafficMachine = setup({
  types: { context: {} as TrafficInput, events: {} as TrafficEvent, input: {} as TrafficInput },
  delays: {
    firstRequestDelayMs: ({ context }) => firstRequestDelayMs(context.arrival, context.rng),
    requestIntervalMs: ({ context }) => requestIntervalMs(context.arrival, context.rng),
  },
  actions: {
    issue: ({ context }) => context.port.issue(),
    noteStarted: ({ context }) => context.port.stateChanged('idle', 'active', 'first request due'),
    noteStopped: ({ context, event }, params: { from: string }) => context.port.stateChanged(params.from, 'stopped', event.why),
  },
}).createMachine({
  id: 'traffic',
  context: ({ input }) => input,
  initial: 'idle',
  states: {
    idle: {
      after: { firstRequestDelayMs: { target: 'active', actions: 'noteStarted' } },
      on: { STOP: { target: 'stopped', actions: { type: 'noteStopped', params: { from: 'idle' } } } },
    },
    active: {
      entry: 'issue',
      after: { requestIntervalMs: { target: 'active', reenter: true } },
      on: { STOP: { target: 'stopped', actions: { type: 'noteStopped', params: { from: 'active' } } } },
    },
    stopped: {},
  },
});
