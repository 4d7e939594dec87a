/**
 * One probe worker: the kubelet's loop that probes one container every
 * `periodSeconds` and publishes a result when a run of equal results reaches
 * its threshold (`pkg/kubelet/prober/worker.go`).
 *
 * Timing: the first probe goes out `initialDelaySeconds` after the container
 * started (the kubelet skips ticks until then; here the ticker simply starts
 * then), and one every period after that. A probe that has not answered
 * within `timeoutSeconds` fails. If a tick comes while a probe is still out,
 * it waits and fires as soon as that probe ends, like Go's buffered ticker.
 *
 * A liveness or startup worker that publishes Failure goes on hold: the
 * kubelet stops probing a container it is about to kill. A startup worker
 * that publishes Success is done: startup probes stop once they pass.
 *
 * Delayed events carry explicit ids, `tick` and `timeout` (at most one of
 * each is pending: the next tick, and the open round's timeout). The parent pod
 * machine hears `PROBE_RESULT` (a published change) and `PROBE_FAILED` (each
 * failed attempt, for the `Unhealthy` event); the world answers through `ask`.
 */
import { assign, cancel, enqueueActions, raise, sendParent, setup } from 'xstate';
import type { DefaultedProbe } from '../api/types';
import type { ProbeAnswer, ProbeKindName, ProbeRequest } from './probe-judge';
import { judgeProbe } from './probe-judge';
import type { ProbeResult, Streak } from './probe-streak';
import { applyResult, NO_STREAK } from './probe-streak';

/** Sends the probe into the world; `answer` is called once, later, on the engine clock. */
export type AskProbe = (request: ProbeRequest, answer: (answer: ProbeAnswer) => void) => void;

export interface ProbeWorkerInput {
  readonly probe: DefaultedProbe;
  readonly request: ProbeRequest;
  readonly ask: AskProbe;
}

interface ProbeWorkerContext extends ProbeWorkerInput {
  readonly tick: number;
  readonly round: number;
  readonly open: boolean;
  readonly tickWaiting: boolean;
  readonly streak: Streak;
  readonly published: ProbeResult | 'Unknown';
}

type ProbeWorkerEvent =
  | { type: 'TICK'; tick: number }
  | { type: 'ANSWER'; round: number; answer: ProbeAnswer }
  | { type: 'TIMEOUT'; round: number }
  | { type: 'HOLD' };

/** What the worker tells its pod. */
export type ProbeParentEvent =
  | { type: 'PROBE_RESULT'; kind: ProbeKindName; result: ProbeResult; why: string }
  | { type: 'PROBE_FAILED'; kind: ProbeKindName; output: string };

/** Ids of the delayed events: one tick and one round timeout are pending at most, so fixed ids name them. */
export const PROBE_TICK_ID = 'tick';
export const PROBE_TIMEOUT_ID = 'timeout';

/** The tick a TICK event carries (0 for any other event, which the tick actions never see). */
const tickOf = (event: ProbeWorkerEvent): number => (event.type === 'TICK' ? event.tick : 0);

/** The kubelet's `initialValue`: readiness is Failure until the first success, liveness Success, startup Unknown. */
export function initialResult(kind: ProbeKindName): ProbeResult | 'Unknown' {
  if (kind === 'readiness') return 'Failure';
  return kind === 'liveness' ? 'Success' : 'Unknown';
}

/** What the action that starts a round is given by xstate's `enqueueActions` (its enqueue, and the worker itself). */
type EnqueueArgs = Parameters<
  Parameters<typeof enqueueActions<ProbeWorkerContext, ProbeWorkerEvent, undefined, ProbeWorkerEvent, never, never, never, ProbeDelay, never>>[0]
>[0];
type ProbeDelay = 'initialDelayMs' | 'periodMs' | 'timeoutMs';

/** Send the probe of `round` into the world; its answer comes back to `self` as ANSWER. */
function ask(context: ProbeWorkerContext, self: EnqueueArgs['self'], round: number): void {
  context.ask(context.request, (answer) => {
    // A late answer to a worker that has stopped (its container is gone) has nobody to tell.
    if (self.getSnapshot().status === 'active') self.send({ type: 'ANSWER', round, answer });
  });
}

/**
 * The next round starts at the end of the one a tick waited for: the round,
 * its timeout, and the request into the world, in the same step (a raised
 * event would cost one more machine step per probe). A tick that finds no
 * round open starts one the same way through plain actions (see TICK).
 */
function startRound(context: ProbeWorkerContext, enqueue: EnqueueArgs['enqueue'], self: EnqueueArgs['self']): void {
  const round = context.round + 1;
  enqueue.assign({ round, open: true });
  enqueue.raise({ type: 'TIMEOUT', round }, { id: PROBE_TIMEOUT_ID, delay: 'timeoutMs' });
  enqueue(() => ask(context, self, round));
}

function describeChange(kind: ProbeKindName, probe: DefaultedProbe, result: ProbeResult, run: number, output: string): string {
  if (result === 'Success') {
    return `${kind} probe succeeded ${run} time${run === 1 ? '' : 's'} in a row (successThreshold ${probe.successThreshold})`;
  }
  return `${kind} probe failed ${run} time${run === 1 ? '' : 's'} in a row (failureThreshold ${probe.failureThreshold}): ${output}`;
}

export const probeWorkerMachine = setup({
  types: {
    context: {} as ProbeWorkerContext,
    events: {} as ProbeWorkerEvent,
    input: {} as ProbeWorkerInput,
  },
  delays: {
    initialDelayMs: ({ context }) => context.probe.initialDelaySeconds * 1000,
    periodMs: ({ context }) => context.probe.periodSeconds * 1000,
    timeoutMs: ({ context }) => context.probe.timeoutSeconds * 1000,
  },
  guards: {
    roundOpen: ({ context }) => context.open,
    isOpenRound: ({ context, event }) =>
      (event.type === 'ANSWER' || event.type === 'TIMEOUT') && event.round === context.round && context.open,
    /**
     * The open round's answer succeeds and changes nothing the pod hears of (no
     * published change, no failure) while no tick waits: a healthy container's
     * every probe. `close` would come to the same; the plain actions cost less.
     */
    isQuietAnswer: ({ context, event }) =>
      event.type === 'ANSWER' &&
      event.round === context.round &&
      context.open &&
      !context.tickWaiting &&
      judgeProbe(context.request, event.answer).success &&
      (applyResult(context.streak, 'Success', context.probe).publish ?? context.published) === context.published,
  },
  actions: {
    // The tick actions are plain xstate actions rather than one `enqueueActions`: a worker steps so
    // seldom that xstate's code never gets compiled, and each layer it goes through costs.
    firstTick: raise({ type: 'TICK', tick: 1 }, { id: PROBE_TICK_ID, delay: 'initialDelayMs' }),
    nextTick: raise(({ event }) => ({ type: 'TICK' as const, tick: tickOf(event) + 1 }), { id: PROBE_TICK_ID, delay: 'periodMs' }),
    /** A round is still out: this tick waits for it (Go's buffered ticker). */
    tickWaits: assign(({ event }) => ({ tick: tickOf(event), tickWaiting: true })),
    /** No round is out: this tick opens the next. */
    tickOpensRound: assign(({ context, event }) => ({ tick: tickOf(event), tickWaiting: false, round: context.round + 1, open: true })),
    roundTimeout: raise(({ context }) => ({ type: 'TIMEOUT' as const, round: context.round }), { id: PROBE_TIMEOUT_ID, delay: 'timeoutMs' }),
    askRound: ({ context, self }) => ask(context, self, context.round),
    close: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'ANSWER' && event.type !== 'TIMEOUT') return;
      if (event.type === 'ANSWER') enqueue.cancel(PROBE_TIMEOUT_ID);
      const verdict = judgeProbe(context.request, event.type === 'ANSWER' ? event.answer : 'timeout');
      const result: ProbeResult = verdict.success ? 'Success' : 'Failure';
      const kind = context.request.kind;
      if (!verdict.success) enqueue(sendParent({ type: 'PROBE_FAILED', kind, output: verdict.output } satisfies ProbeParentEvent));
      const step = applyResult(context.streak, result, context.probe);
      const changed = step.publish !== undefined && step.publish !== context.published;
      const published = step.publish ?? context.published;
      const publishedResult = step.publish;
      // A liveness or startup Failure resets the run, as the kubelet does before putting the worker on hold.
      const streak = kind !== 'readiness' && step.publish === 'Failure' ? NO_STREAK : step.streak;
      enqueue.assign({ open: false, streak, published });
      if (changed && publishedResult !== undefined) {
        const why = describeChange(kind, context.probe, publishedResult, step.streak.run, verdict.output);
        enqueue(sendParent({ type: 'PROBE_RESULT', kind, result: publishedResult, why } satisfies ProbeParentEvent));
      }
      const holding = (kind !== 'readiness' && published === 'Failure') || (kind === 'startup' && published === 'Success');
      // Only a published result puts the worker on hold, and only this action publishes: it says so here
      // rather than through an eventless transition, which xstate would test after every step.
      if (holding) enqueue.raise({ type: 'HOLD' });
      else if (context.tickWaiting) {
        enqueue.assign({ tickWaiting: false });
        // `round` is unchanged by this action's assigns: the next round follows the one just closed.
        startRound(context, enqueue, self);
      }
    }),
    stopTicking: cancel(PROBE_TICK_ID),
    cancelTimeout: cancel(PROBE_TIMEOUT_ID),
    /** `close` for a quiet answer (see isQuietAnswer): the run grows, nothing is published. */
    closeQuietly: assign(({ context }) => ({ open: false, streak: applyResult(context.streak, 'Success', context.probe).streak })),
  },
}).createMachine({
  id: 'probeWorker',
  context: ({ input }) => ({
    ...input,
    tick: 0,
    round: 0,
    open: false,
    tickWaiting: false,
    streak: NO_STREAK,
    published: initialResult(input.request.kind),
  }),
  initial: 'probing',
  states: {
    probing: {
      entry: 'firstTick',
      on: {
        HOLD: { target: 'onHold' },
        TICK: [
          { guard: 'roundOpen', actions: ['nextTick', 'tickWaits'] },
          { actions: ['nextTick', 'tickOpensRound', 'roundTimeout', 'askRound'] },
        ],
        ANSWER: [
          { guard: 'isQuietAnswer', actions: ['cancelTimeout', 'closeQuietly'] },
          { guard: 'isOpenRound', actions: 'close' },
        ],
        TIMEOUT: { guard: 'isOpenRound', actions: 'close' },
      },
    },
    onHold: {
      entry: 'stopTicking',
    },
  },
});

