/**
 * One target's health in one target group: `initial` → `healthy`/`unhealthy`,
 * then `draining` → `unused` when it is deregistered.
 *
 * Consensus, simplified: AWS runs a checker on every NLB node for every
 * target and combines them by an unpublished consensus. Here there is ONE
 * checker per target; each round (every `intervalMs`) it sends one probe
 * from each NLB node (`nodeCount` probes, so the target sees as many checks
 * as it would in AWS) and the round's result is the strict majority of their
 * answers (`healthcheck/judge.ts`). The state then moves on that single
 * result (`healthcheck/thresholds.ts`).
 *
 * Timing: the first round starts one interval after registration, rounds
 * start every interval after that, and a round that has not heard from every
 * node by `timeoutMs` counts the silent ones as timeouts. So with the AWS
 * defaults a new target is healthy after 5 passed rounds (150 s), and one
 * that refuses is unhealthy after 2 (60 s): behaviour.md vector 22.
 *
 * Every delayed event has an explicit id carrying the round number
 * (`tick:3`, `timeout:3`, `drain`): XState would otherwise invent random ids,
 * and reusing one id would orphan the older timer.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { ProbeAnswer, ProbeVerdict, RoundResult } from './healthcheck/judge';
import { consensus, judgeProbe } from './healthcheck/judge';
import type { CheckedState, Streak } from './healthcheck/thresholds';
import { applyRound, NO_STREAK } from './healthcheck/thresholds';
import type { HealthCheckSettings } from './healthcheck/types';
import { DRAINING, HEALTHY, INITIAL_CHECKING, NOT_REGISTERED, REGISTERING, UNHEALTHY } from './reasons';
import type { TargetHealth } from './types';

/** What the machine asks of its surroundings (the runtime, or a test). */
export interface TargetHealthPort {
  /**
   * Send one health check from NLB node number `node` to the target. Call
   * `answer` once, later, on the engine clock; answers after the timeout are ignored.
   */
  probe(node: number, answer: (answer: ProbeAnswer) => void): void;
  /** The target's health (state, reason or description) changed; `why` says what caused it. */
  health(health: TargetHealth, why: string): void;
  /** A check round ended and changed nothing visible. */
  checked(why: string): void;
}

export interface TargetHealthInput {
  readonly settings: HealthCheckSettings;
  /** How many NLB nodes check this target (one per enabled AZ). */
  readonly nodeCount: number;
  readonly deregistrationDelaySeconds: number;
  readonly port: TargetHealthPort;
}

export interface TargetHealthContext extends TargetHealthInput {
  /** Number of the latest round started (0 before the first). */
  readonly round: number;
  /** Whether that round still waits for answers. */
  readonly open: boolean;
  /** Verdicts of the open round, by node number. */
  readonly verdicts: ReadonlyArray<ProbeVerdict | undefined>;
  readonly roundsDone: number;
  readonly streak: Streak;
}

export type TargetHealthEvent =
  | { type: 'TICK'; round: number }
  | { type: 'PROBE_ANSWER'; round: number; node: number; answer: ProbeAnswer }
  | { type: 'ROUND_TIMEOUT'; round: number }
  | { type: 'ROUND_DONE'; round: number; result: RoundResult }
  | { type: 'HEALTH'; to: CheckedState; why: string }
  | { type: 'DEREGISTER'; why: string }
  | { type: 'DRAINED' }
  /** ModifyTargetGroup: the round already scheduled keeps its time; later rounds, verdicts and thresholds use these. */
  | { type: 'SETTINGS'; settings: HealthCheckSettings };

/** Ids of the delayed events, exported so tests and tools can name them. */
export const tickId = (round: number): string => `tick:${round}`;
export const timeoutId = (round: number): string => `timeout:${round}`;
export const DRAIN_ID = 'drain';

/** The round's verdicts with every silent node counted as a timeout. */
function closedVerdicts(context: TargetHealthContext): ProbeVerdict[] {
  const timeout = judgeProbe(context.settings, { outcome: 'timeout' });
  return Array.from({ length: context.nodeCount }, (_, i) => context.verdicts[i] ?? timeout);
}

const HEALTH_OF: Readonly<Record<CheckedState, TargetHealth>> = {
  initial: INITIAL_CHECKING,
  healthy: HEALTHY,
  unhealthy: UNHEALTHY,
};

export const targetHealthMachine = setup({
  types: {
    context: {} as TargetHealthContext,
    events: {} as TargetHealthEvent,
    input: {} as TargetHealthInput,
  },
  delays: {
    intervalMs: ({ context }) => context.settings.intervalSeconds * 1000,
    timeoutMs: ({ context }) => context.settings.timeoutSeconds * 1000,
    deregistrationDelayMs: ({ context }) => context.deregistrationDelaySeconds * 1000,
  },
  guards: {
    isCurrentOpenRound: ({ context, event }) =>
      (event.type === 'PROBE_ANSWER' || event.type === 'ROUND_TIMEOUT') &&
      event.round === context.round &&
      context.open,
    toHealthy: ({ event }) => event.type === 'HEALTH' && event.to === 'healthy',
    toUnhealthy: ({ event }) => event.type === 'HEALTH' && event.to === 'unhealthy',
  },
  actions: {
    scheduleFirstRound: enqueueActions(({ context, enqueue }) => {
      enqueue.raise({ type: 'TICK', round: context.round + 1 }, { id: tickId(context.round + 1), delay: 'intervalMs' });
    }),
    startRound: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'TICK') return;
      // Settings validation keeps timeout ≤ interval, and the timeout is scheduled first, so this
      // only happens if someone provides a longer timeoutMs: close the overdue round before the next.
      if (context.open) {
        enqueue.cancel(timeoutId(context.round));
        enqueue.raise({ type: 'ROUND_DONE', round: context.round, result: consensus(closedVerdicts(context)) });
      }
      const round = event.round;
      enqueue.assign({ round, open: true, verdicts: [] });
      enqueue.raise({ type: 'ROUND_TIMEOUT', round }, { id: timeoutId(round), delay: 'timeoutMs' });
      enqueue.raise({ type: 'TICK', round: round + 1 }, { id: tickId(round + 1), delay: 'intervalMs' });
      enqueue(() => {
        for (let node = 0; node < context.nodeCount; node++) {
          context.port.probe(node, (answer) => {
            // A late answer to a target that has since been removed has nobody to tell.
            if (self.getSnapshot().status === 'active') self.send({ type: 'PROBE_ANSWER', round, node, answer });
          });
        }
      });
    }),
    recordAnswer: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'PROBE_ANSWER' || context.verdicts[event.node] !== undefined) return;
      if (event.node < 0 || event.node >= context.nodeCount) return;
      const verdicts = [...context.verdicts];
      verdicts[event.node] = judgeProbe(context.settings, event.answer);
      const complete = verdicts.filter((v) => v !== undefined).length === context.nodeCount;
      enqueue.assign({ verdicts, open: !complete });
      if (complete) {
        enqueue.cancel(timeoutId(event.round));
        enqueue.raise({ type: 'ROUND_DONE', round: event.round, result: consensus(verdicts as ProbeVerdict[]) });
      }
    }),
    closeOnTimeout: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ROUND_TIMEOUT') return;
      enqueue.assign({ open: false });
      enqueue.raise({ type: 'ROUND_DONE', round: event.round, result: consensus(closedVerdicts(context)) });
    }),
    judgeRound: enqueueActions(({ context, event, enqueue }, params: { state: CheckedState }) => {
      if (event.type !== 'ROUND_DONE') return;
      const step = applyRound(params.state, context.streak, event.result, context.settings);
      const firstRound = context.roundsDone === 0;
      enqueue.assign({ streak: step.streak, roundsDone: context.roundsDone + 1 });
      if (step.to !== undefined) {
        enqueue.raise({ type: 'HEALTH', to: step.to, why: step.why });
      } else if (params.state === 'initial' && firstRound) {
        // The reason code moves from RegistrationInProgress to InitialHealthChecking.
        enqueue(() => context.port.health(INITIAL_CHECKING, step.why));
      } else {
        enqueue(() => context.port.checked(step.why));
      }
    }),
    useSettings: assign(({ context, event }) => (event.type === 'SETTINGS' ? { settings: event.settings } : { settings: context.settings })),
    reportHealth: ({ context, event }) => {
      if (event.type === 'HEALTH') context.port.health(HEALTH_OF[event.to], event.why);
    },
    reportRegistered: ({ context }) =>
      context.port.health(
        REGISTERING,
        `registered: ${context.nodeCount} NLB node(s) will check it every ${context.settings.intervalSeconds} s`,
      ),
    stopChecks: enqueueActions(({ context, enqueue }) => {
      enqueue.cancel(tickId(context.round + 1));
      enqueue.cancel(timeoutId(context.round));
      enqueue.assign({ open: false });
    }),
    reportDraining: ({ context, event }) => {
      const why = event.type === 'DEREGISTER' ? event.why : 'deregistered';
      context.port.health(
        DRAINING,
        `draining: ${why}; no new flows, existing flows continue for the deregistration delay (${context.deregistrationDelaySeconds} s)`,
      );
    },
    scheduleDrained: enqueueActions(({ enqueue }) => {
      enqueue.raise({ type: 'DRAINED' }, { id: DRAIN_ID, delay: 'deregistrationDelayMs' });
    }),
    reportUnused: ({ context }) =>
      context.port.health(
        NOT_REGISTERED,
        `deregistered: the deregistration delay (${context.deregistrationDelaySeconds} s) has passed`,
      ),
  },
}).createMachine({
  id: 'targetHealth',
  context: ({ input }) => ({
    ...input,
    round: 0,
    open: false,
    verdicts: [],
    roundsDone: 0,
    streak: NO_STREAK,
  }),
  initial: 'registered',
  states: {
    registered: {
      entry: ['reportRegistered', 'scheduleFirstRound'],
      exit: 'stopChecks',
      on: {
        TICK: { actions: 'startRound' },
        PROBE_ANSWER: { guard: 'isCurrentOpenRound', actions: 'recordAnswer' },
        ROUND_TIMEOUT: { guard: 'isCurrentOpenRound', actions: 'closeOnTimeout' },
        DEREGISTER: { target: 'draining' },
        SETTINGS: { actions: 'useSettings' },
      },
      initial: 'initial',
      states: {
        initial: {
          on: {
            ROUND_DONE: { actions: { type: 'judgeRound', params: { state: 'initial' } } },
            HEALTH: [
              { guard: 'toHealthy', target: 'healthy', actions: 'reportHealth' },
              { guard: 'toUnhealthy', target: 'unhealthy', actions: 'reportHealth' },
            ],
          },
        },
        healthy: {
          on: {
            ROUND_DONE: { actions: { type: 'judgeRound', params: { state: 'healthy' } } },
            HEALTH: { guard: 'toUnhealthy', target: 'unhealthy', actions: 'reportHealth' },
          },
        },
        unhealthy: {
          on: {
            ROUND_DONE: { actions: { type: 'judgeRound', params: { state: 'unhealthy' } } },
            HEALTH: { guard: 'toHealthy', target: 'healthy', actions: 'reportHealth' },
          },
        },
      },
    },
    draining: {
      entry: ['reportDraining', 'scheduleDrained'],
      on: { DRAINED: { target: 'unused' } },
    },
    unused: {
      type: 'final',
      entry: 'reportUnused',
    },
  },
});
