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
 * Delayed events carry explicit ids (`tick:3`, `timeout:2`). The parent pod
 * machine hears `PROBE_RESULT` (a published change) and `PROBE_FAILED` (each
 * failed attempt, for the `Unhealthy` event); the world answers through `ask`.
 */
import { enqueueActions, sendParent, setup } from 'xstate';
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

export const probeTickId = (tick: number): string => `tick:${tick}`;
export const probeTimeoutId = (round: number): string => `timeout:${round}`;

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

/**
 * Send the next probe: a new round, its timeout, and the request into the
 * world. Enqueued by the action that decides a round starts (a tick, or the
 * end of the round a tick waited for), in the same step: a raised event would
 * cost the worker one more machine step per probe, and the kubelet's probes
 * are most of the steps the world's machines take.
 */
function startRound(context: ProbeWorkerContext, enqueue: EnqueueArgs['enqueue'], self: EnqueueArgs['self']): void {
  const round = context.round + 1;
  enqueue.assign({ round, open: true });
  enqueue.raise({ type: 'TIMEOUT', round }, { id: probeTimeoutId(round), delay: 'timeoutMs' });
  enqueue(() =>
    context.ask(context.request, (answer) => {
      // A late answer to a worker that has stopped (its container is gone) has nobody to tell.
      if (self.getSnapshot().status === 'active') self.send({ type: 'ANSWER', round, answer });
    }),
  );
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
    isOpenRound: ({ context, event }) =>
      (event.type === 'ANSWER' || event.type === 'TIMEOUT') && event.round === context.round && context.open,
  },
  actions: {
    firstTick: enqueueActions(({ enqueue }) => {
      enqueue.raise({ type: 'TICK', tick: 1 }, { id: probeTickId(1), delay: 'initialDelayMs' });
    }),
    onTick: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'TICK') return;
      enqueue.raise({ type: 'TICK', tick: event.tick + 1 }, { id: probeTickId(event.tick + 1), delay: 'periodMs' });
      enqueue.assign({ tick: event.tick, tickWaiting: context.open });
      if (!context.open) startRound(context, enqueue, self);
    }),
    close: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'ANSWER' && event.type !== 'TIMEOUT') return;
      if (event.type === 'ANSWER') enqueue.cancel(probeTimeoutId(event.round));
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
    stopTicking: enqueueActions(({ context, enqueue }) => {
      enqueue.cancel(probeTickId(context.tick + 1));
    }),
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
        TICK: { actions: 'onTick' },
        ANSWER: { guard: 'isOpenRound', actions: 'close' },
        TIMEOUT: { guard: 'isOpenRound', actions: 'close' },
      },
    },
    onHold: {
      entry: 'stopTicking',
    },
  },
});

