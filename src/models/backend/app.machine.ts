/**
 * The lifecycle of an app process: `stopped` → `starting` (booting, not yet
 * listening) → `running` → `crashed` or `stopped`, and back to `starting`
 * when someone (the kubelet, an instructor) starts it again.
 *
 * Faults that do not end the process are context flags, not states, so they
 * combine: a process can be slow and unhealthy at once. `crashLoop` makes
 * every start end in a crash after `crashAfterStartMs`, which is what turns
 * into CrashLoopBackOff under a kubelet.
 *
 * Per-request work is not here: a machine per request would buy nothing but
 * cost (see `app.ts`). Delays are named (`startupMs`, `crashAfterStartMs`)
 * and delayed events have explicit ids carrying the start number.
 */
import { enqueueActions, setup } from 'xstate';

/** Faults that change how a running process behaves. */
export interface AppFaults {
  /** Accepts connections but never answers (a stuck event loop, a deadlock). */
  readonly hung: boolean;
  /** Added to every response time. */
  readonly slowMs: number;
  /** `/health` answers 503 while real requests are still served. */
  readonly unhealthy: boolean;
  /** Every start crashes after `crashAfterStartMs`. */
  readonly crashLoop: boolean;
}

export const NO_FAULTS: AppFaults = { hung: false, slowMs: 0, unhealthy: false, crashLoop: false };

export interface AppLifecyclePort {
  stateChanged(from: string, to: string, why: string): void;
  /** The process died on its own (crash); the world decides whether anything restarts it. */
  exited(why: string): void;
  /** The process stopped listening (crash or stop): held requests must be reset. */
  stoppedListening(why: string): void;
}

export interface AppLifecycleInput {
  readonly startupMs: number;
  readonly crashAfterStartMs: number;
  readonly port: AppLifecyclePort;
}

export interface AppLifecycleContext extends AppLifecycleInput {
  readonly faults: AppFaults;
  readonly starts: number;
}

export type AppLifecycleEvent =
  | { type: 'START'; why: string }
  /** Already up: a machine that simply runs from the start, with no boot to wait for. */
  | { type: 'UP'; why: string }
  | { type: 'STOP'; why: string }
  | { type: 'CRASH'; why: string }
  | { type: 'FAULTS'; faults: Partial<AppFaults>; why: string }
  | { type: 'BOOTED'; start: number }
  | { type: 'LOOP_CRASH'; start: number };

export const bootedId = (start: number): string => `booted:${start}`;
export const loopCrashId = (start: number): string => `loop-crash:${start}`;

function why(event: AppLifecycleEvent): string {
  return 'why' in event ? event.why : event.type;
}

export const appLifecycleMachine = setup({
  types: {
    context: {} as AppLifecycleContext,
    events: {} as AppLifecycleEvent,
    input: {} as AppLifecycleInput,
  },
  delays: {
    startupMs: ({ context }) => context.startupMs,
    crashAfterStartMs: ({ context }) => context.crashAfterStartMs,
  },
  guards: {
    thisStart: ({ context, event }) => (event.type === 'BOOTED' || event.type === 'LOOP_CRASH') && event.start === context.starts,
    crashLooping: ({ context }) => context.faults.crashLoop,
  },
  actions: {
    note: ({ context, event }, params: { from: string; to: string; why?: string }) =>
      context.port.stateChanged(params.from, params.to, params.why ?? why(event)),
    boot: enqueueActions(({ context, enqueue }) => {
      const start = context.starts + 1;
      enqueue.assign({ starts: start });
      enqueue.raise({ type: 'BOOTED', start }, { id: bootedId(start), delay: 'startupMs' });
    }),
    armLoopCrash: enqueueActions(({ context, enqueue }) => {
      if (!context.faults.crashLoop) return;
      enqueue.raise({ type: 'LOOP_CRASH', start: context.starts }, { id: loopCrashId(context.starts), delay: 'crashAfterStartMs' });
    }),
    silence: ({ context, event }) => context.port.stoppedListening(why(event)),
    died: ({ context, event }) => context.port.exited(event.type === 'LOOP_CRASH' ? 'the app crashed again shortly after starting (crash loop)' : why(event)),
    setFaults: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'FAULTS') enqueue.assign({ faults: { ...context.faults, ...event.faults } });
    }),
    /** Turning the crash loop on while running arms this start's crash; turning it on twice arms it once. */
    setFaultsWhileRunning: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'FAULTS') return;
      enqueue.assign({ faults: { ...context.faults, ...event.faults } });
      if (!context.faults.crashLoop && event.faults.crashLoop === true) {
        enqueue.raise({ type: 'LOOP_CRASH', start: context.starts }, { id: loopCrashId(context.starts), delay: 'crashAfterStartMs' });
      }
    }),
  },
}).createMachine({
  id: 'app',
  context: ({ input }) => ({ ...input, faults: NO_FAULTS, starts: 0 }),
  initial: 'stopped',
  on: { FAULTS: { actions: 'setFaults' } },
  states: {
    stopped: {
      on: {
        START: { target: 'starting', actions: { type: 'note', params: { from: 'stopped', to: 'starting' } } },
        UP: { target: 'running' },
      },
    },
    starting: {
      entry: 'boot',
      on: {
        BOOTED: { guard: 'thisStart', target: 'running', actions: { type: 'note', params: { from: 'starting', to: 'running', why: 'booted: now listening' } } },
        STOP: { target: 'stopped', actions: { type: 'note', params: { from: 'starting', to: 'stopped' } } },
        CRASH: { target: 'crashed', actions: [{ type: 'note', params: { from: 'starting', to: 'crashed' } }, 'died'] },
      },
    },
    running: {
      entry: 'armLoopCrash',
      on: {
        STOP: { target: 'stopped', actions: [{ type: 'note', params: { from: 'running', to: 'stopped' } }, 'silence'] },
        CRASH: { target: 'crashed', actions: [{ type: 'note', params: { from: 'running', to: 'crashed' } }, 'silence', 'died'] },
        LOOP_CRASH: {
          guard: 'thisStart',
          target: 'crashed',
          actions: [{ type: 'note', params: { from: 'running', to: 'crashed', why: 'crash loop: the app exits shortly after every start' } }, 'silence', 'died'],
        },
        FAULTS: { actions: 'setFaultsWhileRunning' },
      },
    },
    crashed: {
      on: { START: { target: 'starting', actions: { type: 'note', params: { from: 'crashed', to: 'starting' } } } },
    },
  },
});
