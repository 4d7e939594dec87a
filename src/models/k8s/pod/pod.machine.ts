/**
 * One pod's lifecycle, as its kubelet drives it: `pending` → `creating`
 * (ContainerCreating) → `container` (running, with probe workers) → on exit,
 * a restart now or after a CrashLoopBackOff wait → `container` again …, and
 * on deletion `terminating` → `gone`.
 *
 * - Probes run as child actors (`probe.machine.ts`), one per probe, spawned
 *   when a container starts and stopped when it exits, so a new container
 *   starts with fresh results: readiness Failure until its first success.
 *   With a startup probe, readiness and liveness start only once it passes.
 * - A liveness (or startup) Failure kills the container: SIGTERM, then
 *   SIGKILL when the grace period runs out (at least 2 s, as the kubelet
 *   enforces). The app's own reaction to SIGTERM is `exitAfterSigtermMs`.
 * - A crash is the app exiting by itself: the world sends `CRASH`, or the
 *   pod's `crashAfterStartMs` does (an app that dies on boot).
 * - Restart delays come from `backoff.ts`, counted from the exit.
 * - Deletion: the container gets SIGTERM and the pod stays `terminating`
 *   (its endpoint `serving`, `terminating`) until the container exits or the
 *   grace period ends.
 *
 * Every delay is named (override with `.provide({ delays })`) and every
 * delayed event has an id carrying the container generation (`crash:2`,
 * `sigkill:3`, `restart:3`). The machine does no I/O: it reports through `port`.
 */
import { enqueueActions, setup } from 'xstate';
import type { DefaultedProbe } from '../api/types';
import { formatSeconds, planRestart } from './backoff';
import { describeExit } from './exit';
import type { ProbeKindName } from './probe-judge';
import { unhealthyMessage } from './probe-judge';
import { probeWorkerMachine } from './probe.machine';
import { probeRequest } from './probe-request';
import type { PodContext, PodEvent, PodMachineInput, Termination } from './pod.types';
import { crashId, MIN_KILL_GRACE_MS, restartId, sigkillId, sigtermExitId } from './pod.types';

const PROBE_KEYS = { readiness: 'readinessProbe', liveness: 'livenessProbe', startup: 'startupProbe' } as const;

function probeOf(context: PodContext, kind: ProbeKindName): DefaultedProbe | undefined {
  return context.container[PROBE_KEYS[kind]];
}

function podRef(context: PodContext): string {
  return `${context.namespace}/${context.name}`;
}

export const podMachine = setup({
  types: {
    context: {} as PodContext,
    events: {} as PodEvent,
    input: {} as PodMachineInput,
  },
  actors: { probeWorker: probeWorkerMachine },
  delays: {
    schedulingMs: ({ context }) => context.timing.schedulingMs,
    containerCreatingMs: ({ context }) => context.timing.containerCreatingMs,
    crashAfterStartMs: ({ context }) => context.timing.crashAfterStartMs ?? 0,
    exitAfterSigtermMs: ({ context }) => context.timing.exitAfterSigtermMs,
    terminationGracePeriodMs: ({ context }) => context.graceMs,
    exitSyncMs: ({ context }) => context.timing.exitSyncMs ?? 0,
    // Counted from the exit, not from entering backOff (the kubelet compares now − FinishedAt).
    restartBackoffMs: ({ context }) =>
      Math.max(0, (context.lastTermination?.finishedAt ?? 0) + context.restartDelayMs - context.port.now()),
  },
  guards: {
    placed: ({ context }) => context.node !== undefined && context.ip !== undefined,
    deleting: ({ context }) => context.deleting,
    restartNow: ({ context }) => context.restartDelayMs === 0,
    currentGeneration: ({ context, event }) =>
      (event.type === 'SIGTERM_EXIT' || event.type === 'GRACE_EXPIRED' || event.type === 'APP_CRASH') &&
      event.generation === context.generation,
    killingProbe: ({ event }) =>
      event.type === 'PROBE_RESULT' && event.result === 'Failure' && (event.kind === 'liveness' || event.kind === 'startup'),
  },
  actions: {
    note: ({ context, event }, params: { from: string; to: string; why?: string }) => {
      const why = params.why ?? ('why' in event && typeof event.why === 'string' ? event.why : event.type);
      context.port.state(params.from, params.to, why);
    },
    assignPlace: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'SCHEDULED') enqueue.assign({ node: event.node, ip: event.ip });
    }),
    pull: ({ context }) => {
      if (context.generation === 0) context.port.event('Normal', 'Pulling', `Pulling image ${JSON.stringify(context.container.image)}`);
    },
    startContainer: enqueueActions(({ context, enqueue }) => {
      const generation = context.generation + 1;
      const c = context.container;
      const now = context.port.now();
      // The back-off entry is stamped when the kubelet restarts, not when the container exits.
      const backoff =
        context.lastTermination === undefined ? context.backoff : planRestart(context.backoff, context.lastTermination.finishedAt).next(now);
      const hasStartup = c.startupProbe !== undefined;
      const ready = !hasStartup && c.readinessProbe === undefined;
      enqueue.assign({ generation, startedAt: now, started: !hasStartup, ready, backoff, stopWhy: '' });
      enqueue(() => {
        const p = context.port;
        p.event(
          'Normal',
          'Pulled',
          generation === 1
            ? `Successfully pulled image ${JSON.stringify(c.image)} in ${formatSeconds(context.timing.containerCreatingMs)}`
            : `Container image ${JSON.stringify(c.image)} already present on machine`,
        );
        p.event('Normal', 'Created', `Created container ${c.name}`);
        p.event('Normal', 'Started', `Started container ${c.name}`);
        p.containerStarted(generation);
        if (ready) p.readiness(true, `container ${c.name} started and has no readiness probe: ready at once`);
      });
      const spawn = (kind: ProbeKindName) => {
        const probe = probeOf(context, kind);
        if (probe === undefined || context.ip === undefined) return;
        const request = probeRequest(kind, probe, context.name, c, context.ip);
        enqueue.spawnChild('probeWorker', { id: kind, input: { probe, request, ask: context.port.ask } });
      };
      if (hasStartup) spawn('startup');
      else {
        spawn('readiness');
        spawn('liveness');
      }
      if (context.timing.crashAfterStartMs !== undefined) {
        enqueue.raise({ type: 'APP_CRASH', generation }, { id: crashId(generation), delay: 'crashAfterStartMs' });
      }
    }),
    stopContainerTimers: enqueueActions(({ context, enqueue }) => {
      enqueue.stopChild('startup');
      enqueue.stopChild('readiness');
      enqueue.stopChild('liveness');
      enqueue.cancel(crashId(context.generation));
      enqueue.cancel(sigtermExitId(context.generation));
      enqueue.cancel(sigkillId(context.generation));
    }),
    onProbeResult: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'PROBE_RESULT') return;
      if (event.kind === 'readiness') {
        const ready = event.result === 'Success';
        if (ready === context.ready) return;
        enqueue.assign({ ready });
        enqueue(() => context.port.readiness(ready, `${podRef(context)}: ${event.why}`));
        return;
      }
      if (event.kind === 'startup' && event.result === 'Success') {
        enqueue.assign({ started: true, ready: context.container.readinessProbe === undefined });
        enqueue(() => context.port.state('running', 'running', `${podRef(context)}: ${event.why}; readiness and liveness probes start`));
        if (context.container.readinessProbe === undefined) {
          enqueue(() => context.port.readiness(true, `${podRef(context)}: startup probe passed and there is no readiness probe`));
        }
        for (const kind of ['readiness', 'liveness'] as const) {
          const probe = probeOf(context, kind);
          if (probe === undefined || context.ip === undefined) continue;
          const request = probeRequest(kind, probe, context.name, context.container, context.ip);
          enqueue.spawnChild('probeWorker', { id: kind, input: { probe, request, ask: context.port.ask } });
        }
      }
    }),
    onProbeFailed: ({ context, event }) => {
      if (event.type === 'PROBE_FAILED') context.port.event('Warning', 'Unhealthy', unhealthyMessage(event.kind, event.output));
    },
    beginKill: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'PROBE_RESULT') return;
      const probe = probeOf(context, event.kind);
      const graceS = probe?.terminationGracePeriodSeconds ?? context.terminationGracePeriodSeconds;
      const graceMs = Math.max(MIN_KILL_GRACE_MS, graceS * 1000);
      const name = context.container.name;
      const why = `${podRef(context)}: ${event.why}; container ${name} will be killed (grace period ${formatSeconds(graceMs)}) and restarted`;
      enqueue.assign({ graceMs, stopWhy: why });
      enqueue(() => {
        context.port.event('Normal', 'Killing', `Container ${name} failed ${event.kind} probe, will be restarted`);
        context.port.containerStopping(context.generation, why);
      });
      enqueue.raise({ type: 'SIGTERM_EXIT', generation: context.generation }, { id: sigtermExitId(context.generation), delay: 'exitAfterSigtermMs' });
      enqueue.raise({ type: 'GRACE_EXPIRED', generation: context.generation }, { id: sigkillId(context.generation), delay: 'terminationGracePeriodMs' });
    }),
    beginDelete: enqueueActions(({ context, event, enqueue }) => {
      const graceMs = Math.max(MIN_KILL_GRACE_MS, context.terminationGracePeriodSeconds * 1000);
      const cause = event.type === 'DELETE' ? event.why : 'deleted';
      const why = `${podRef(context)} deleted (${cause}): SIGTERM to ${context.container.name}, grace period ${formatSeconds(graceMs)}`;
      enqueue.assign({ deleting: true, deletedAt: context.port.now(), graceMs, stopWhy: why });
      enqueue(() => {
        context.port.event('Normal', 'Killing', `Stopping container ${context.container.name}`);
        context.port.containerStopping(context.generation, why);
      });
      enqueue.raise({ type: 'SIGTERM_EXIT', generation: context.generation }, { id: sigtermExitId(context.generation), delay: 'exitAfterSigtermMs' });
      enqueue.raise({ type: 'GRACE_EXPIRED', generation: context.generation }, { id: sigkillId(context.generation), delay: 'terminationGracePeriodMs' });
    }),
    markDeleting: enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({ deleting: true, deletedAt: context.port.now() });
      const cause = event.type === 'DELETE' ? event.why : 'deleted';
      enqueue(() => context.port.state('running', 'terminating', `${podRef(context)} deleted (${cause}) while its container was already being killed`));
    }),
    recordExit: enqueueActions(({ context, event, enqueue }) => {
      const exit = describeExit(context, event);
      if (exit === undefined) return;
      const now = context.port.now();
      const termination: Termination = { ...exit, reason: exit.exitCode === 0 ? 'Completed' : 'Error', finishedAt: now };
      const plan = context.deleting ? undefined : planRestart(context.backoff, now);
      const from = context.deleting ? 'terminating' : context.stopWhy !== '' ? 'killing' : 'running';
      enqueue.assign({ lastTermination: termination, ready: false, restartDelayMs: plan?.delayMs ?? 0, restartWhy: plan?.why ?? '' });
      enqueue(() => {
        context.port.containerExited(context.generation, exit.exitCode, `${podRef(context)}: ${exit.why}`);
        if (context.ready) context.port.readiness(false, `${podRef(context)}: container ${context.container.name} exited`);
        context.port.state(from, 'exited', `${podRef(context)}: ${exit.why}`);
      });
    }),
    announceBackoff: ({ context }) => {
      const c = context.container.name;
      context.port.event('Warning', 'BackOff', `Back-off restarting failed container ${c} in pod ${context.name}_${context.namespace}`);
    },
    reportGone: ({ context }) => context.port.gone(`${podRef(context)} is gone`),
  },
}).createMachine({
  id: 'pod',
  context: ({ input }) => ({
    ...input,
    generation: 0,
    ready: false,
    started: false,
    restartDelayMs: 0,
    restartWhy: '',
    deleting: false,
    stopWhy: '',
    graceMs: 0,
  }),
  initial: 'pending',
  states: {
    pending: {
      after: {
        schedulingMs: {
          guard: 'placed',
          target: 'creating',
          actions: { type: 'note', params: { from: 'pending', to: 'creating', why: 'bound to a node: creating the container' } },
        },
      },
      on: {
        SCHEDULED: { target: 'creating', actions: ['assignPlace', { type: 'note', params: { from: 'pending', to: 'creating' } }] },
        DELETE: { target: 'gone', actions: { type: 'note', params: { from: 'pending', to: 'gone' } } },
      },
    },
    creating: {
      entry: 'pull',
      after: {
        containerCreatingMs: {
          target: 'container',
          actions: { type: 'note', params: { from: 'creating', to: 'running', why: 'container created and started' } },
        },
      },
      on: { DELETE: { target: 'gone', actions: { type: 'note', params: { from: 'creating', to: 'gone' } } } },
    },
    container: {
      entry: 'startContainer',
      exit: 'stopContainerTimers',
      initial: 'running',
      on: {
        PROBE_FAILED: { actions: 'onProbeFailed' },
        CRASH: { target: 'exited', actions: 'recordExit' },
        APP_CRASH: { guard: 'currentGeneration', target: 'exited', actions: 'recordExit' },
        SIGTERM_EXIT: { guard: 'currentGeneration', target: 'exited', actions: 'recordExit' },
        GRACE_EXPIRED: { guard: 'currentGeneration', target: 'exited', actions: 'recordExit' },
      },
      states: {
        running: {
          on: {
            PROBE_RESULT: [
              {
                guard: 'killingProbe',
                target: 'killing',
                actions: [{ type: 'note', params: { from: 'running', to: 'killing' } }, 'beginKill'],
              },
              { actions: 'onProbeResult' },
            ],
            DELETE: { target: 'terminating', actions: [{ type: 'note', params: { from: 'running', to: 'terminating' } }, 'beginDelete'] },
          },
        },
        killing: {
          on: {
            PROBE_RESULT: { actions: 'onProbeResult' },
            DELETE: { target: 'terminating', actions: 'markDeleting' },
          },
        },
        terminating: {
          on: { PROBE_RESULT: { actions: 'onProbeResult' } },
        },
      },
    },
    exited: {
      // The container shows as terminated (STATUS Error or Completed) until the kubelet's next sync decides.
      after: {
        exitSyncMs: [
          { guard: 'deleting', target: 'gone', actions: { type: 'note', params: { from: 'exited', to: 'gone', why: 'container stopped: pod removed' } } },
          {
            guard: 'restartNow',
            target: 'container',
            actions: ({ context }) => context.port.state('exited', 'running', `${podRef(context)}: ${context.restartWhy}`),
          },
          {
            target: 'backOff',
            actions: ({ context }) => context.port.state('exited', 'backOff', `${podRef(context)}: ${context.restartWhy}`),
          },
        ],
      },
      on: { DELETE: { target: 'gone', actions: { type: 'note', params: { from: 'exited', to: 'gone' } } } },
    },
    backOff: {
      entry: [
        'announceBackoff',
        enqueueActions(({ context, enqueue }) => {
          enqueue.raise({ type: 'RESTART' }, { id: restartId(context.generation), delay: 'restartBackoffMs' });
        }),
      ],
      on: {
        RESTART: {
          target: 'container',
          actions: { type: 'note', params: { from: 'backOff', to: 'running', why: 'back-off over: restarting the container' } },
        },
        DELETE: { target: 'gone', actions: { type: 'note', params: { from: 'backOff', to: 'gone' } } },
      },
    },
    gone: {
      type: 'final',
      entry: 'reportGone',
    },
  },
});
