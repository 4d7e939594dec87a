/**
 * A traffic client's lifecycle: `idle` until its first request is due
 * (`firstRequestDelayMs`), `active` while it sends, `stopped` after STOP.
 *
 * The cadence of requests inside `active` is not a machine transition: at
 * 50 requests a second a re-entered state per request cost more than the
 * rest of the client, and bought nothing a reader could see. The client
 * schedules each next request as an engine event (`traffic.ts`), drawing the
 * gap from the same stream, and stops when the machine leaves `active`.
 */
import { setup } from 'xstate';
import type { Rng } from '../../sim';
import type { Arrival } from './arrival';
import { firstRequestDelayMs } from './arrival';

export interface TrafficPort {
  /** The first request is due: start sending. */
  started(): void;
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
  },
  actions: {
    started: ({ context }) => context.port.started(),
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
      entry: 'started',
      on: { STOP: { target: 'stopped', actions: { type: 'noteStopped', params: { from: 'active' } } } },
    },
    stopped: {},
  },
});
