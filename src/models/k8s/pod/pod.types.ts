/**
 * Types of the pod machine: its timing, what it asks of the world (`PodPort`),
 * its input, context and events, and the ids of its delayed events.
 */
import type { DefaultedContainer } from '../api/types';
import type { BackoffEntry } from './backoff';
import type { AskProbe, ProbeParentEvent } from './probe.machine';

/** Timing of the parts of a pod's life that Kubernetes does not configure. */
export interface PodTiming {
  /** From creation to the kubelet starting work (scheduling and binding). */
  readonly schedulingMs: number;
  /** ContainerCreating: sandbox, image pull, container start. */
  readonly containerCreatingMs: number;
  /** How long the app takes to exit after SIGTERM (nginx: almost at once). */
  readonly exitAfterSigtermMs: number;
  /** The app exits by itself this long after each start (undefined: it does not). */
  readonly crashAfterStartMs?: number;
  /** Exit code of such a crash. */
  readonly crashExitCode?: number;
  /** From a container's exit to the kubelet's next sync, which restarts it or starts the back-off (STATUS shows Error meanwhile). */
  readonly exitSyncMs?: number;
}

/** Pods start in 1 s and their app exits at once on SIGTERM, unless a scenario says otherwise. */
export const DEFAULT_POD_TIMING: PodTiming = { schedulingMs: 0, containerCreatingMs: 1000, exitAfterSigtermMs: 0 };

/** The kubelet's floor for a kill's grace period (`minimumGracePeriodInSeconds`). */
export const MIN_KILL_GRACE_MS = 2000;

/** What the machine tells its surroundings. */
export interface PodPort {
  now(): number;
  ask: AskProbe;
  /** The pod's lifecycle state changed. */
  state(from: string, to: string, why: string): void;
  /** A kubelet event (`kubectl get events`). */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Container number `generation` started: the app should now run at the pod IP. */
  containerStarted(generation: number): void;
  /** The container got SIGTERM; it is still running. */
  containerStopping(generation: number, why: string): void;
  /** The container's process is gone. */
  containerExited(generation: number, exitCode: number, why: string): void;
  /** The kubelet's readiness for the container changed. */
  readiness(ready: boolean, why: string): void;
  /** The pod object is gone. */
  gone(why: string): void;
}

/** What a pod machine is created with. */
export interface PodMachineInput {
  readonly name: string;
  readonly namespace: string;
  readonly container: DefaultedContainer;
  readonly terminationGracePeriodSeconds: number;
  /** Node and IP if placed at creation; a pod without them waits in `pending` for `SCHEDULED`. */
  readonly node?: string;
  readonly ip?: string;
  readonly timing: PodTiming;
  readonly port: PodPort;
}

/** The last time the container ended (the API's `lastState.terminated`). */
export interface Termination {
  readonly exitCode: number;
  readonly reason: 'Error' | 'Completed';
  readonly finishedAt: number;
  readonly why: string;
}

/** The pod machine's context. */
export interface PodContext extends PodMachineInput {
  /** Containers started so far; restartCount = max(0, generation − 1). */
  readonly generation: number;
  readonly startedAt?: number;
  /** The kubelet's container readiness. */
  readonly ready: boolean;
  /** The startup probe passed (or there is none). */
  readonly started: boolean;
  readonly lastTermination?: Termination;
  readonly backoff?: BackoffEntry;
  readonly restartDelayMs: number;
  readonly restartWhy: string;
  readonly deleting: boolean;
  readonly deletedAt?: number;
  /** Why the running container is being stopped. */
  readonly stopWhy: string;
  readonly graceMs: number;
}

/** Events the pod machine handles: from the cluster (SCHEDULED, CRASH, DELETE), its timers, and its probe workers. */
export type PodEvent =
  | { type: 'SCHEDULED'; node: string; ip: string }
  | { type: 'CRASH'; why: string; exitCode?: number }
  | { type: 'DELETE'; why: string }
  | { type: 'SIGTERM_EXIT'; generation: number }
  | { type: 'GRACE_EXPIRED'; generation: number }
  | { type: 'APP_CRASH'; generation: number }
  | { type: 'RESTART' }
  | ProbeParentEvent;

/** Ids of the pod machine's delayed events, by container generation. */
export const crashId = (generation: number): string => `crash:${generation}`;
export const sigtermExitId = (generation: number): string => `sigterm-exit:${generation}`;
export const sigkillId = (generation: number): string => `sigkill:${generation}`;
export const restartId = (generation: number): string => `restart:${generation}`;
