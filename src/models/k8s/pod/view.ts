/**
 * A pod as the API would show it (`kubectl get pod -o yaml`, trimmed to what
 * the simulation has): phase, the container's state, readiness, restarts.
 * Built from the machine's state and context, so nothing else needs to know
 * the machine's state names.
 */
import type { PodContext } from './pod.types';

/** The container's state as the API reports it. */
export type ContainerState =
  | { readonly state: 'waiting'; readonly reason: 'ContainerCreating' | 'CrashLoopBackOff' }
  | { readonly state: 'running'; readonly startedAt: number }
  | { readonly state: 'terminated'; readonly reason: 'Error' | 'Completed'; readonly exitCode: number; readonly finishedAt: number };

/** A pod's observable status. */
export interface PodView {
  readonly name: string;
  readonly namespace: string;
  readonly node?: string;
  readonly ip?: string;
  readonly phase: 'Pending' | 'Running';
  /** Set once the pod is deleted (the API's `deletionTimestamp`). */
  readonly deletedAt?: number;
  /** Undefined while the pod is not yet on a node. */
  readonly container?: ContainerState;
  /** The container's readiness; the pod's Ready condition with one container. */
  readonly ready: boolean;
  readonly restartCount: number;
  readonly lastTerminationAt?: number;
  /** Gone from the API. */
  readonly gone: boolean;
}

/** The top-level state name of the pod machine (`pending`, `creating`, `container`, `exited`, `backOff`, `gone`). */
export type PodStateName = string;

/** The pod's status from the machine's top-level state and context. */
export function podView(state: PodStateName, context: PodContext): PodView {
  const restartCount = Math.max(0, context.generation - 1);
  const last = context.lastTermination;
  let container: ContainerState | undefined;
  switch (state) {
    case 'creating':
      container = { state: 'waiting', reason: 'ContainerCreating' };
      break;
    case 'container':
      container = { state: 'running', startedAt: context.startedAt ?? 0 };
      break;
    case 'exited':
      container = last === undefined ? undefined : { state: 'terminated', reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt };
      break;
    case 'backOff':
      container = { state: 'waiting', reason: 'CrashLoopBackOff' };
      break;
  }
  // The phase stays Running once a container has run: with restartPolicy Always it will run again.
  const phase = context.generation > 0 ? 'Running' : 'Pending';
  // kubectl shows "(… ago)" from the last termination, and only once the container has restarted.
  const lastTerminationAt = restartCount > 0 ? last?.finishedAt : undefined;
  return {
    name: context.name,
    namespace: context.namespace,
    ...(context.node !== undefined ? { node: context.node } : {}),
    ...(context.ip !== undefined && state !== 'pending' ? { ip: context.ip } : {}),
    phase,
    ...(context.deletedAt !== undefined ? { deletedAt: context.deletedAt } : {}),
    ...(container !== undefined ? { container } : {}),
    ready: state === 'container' && context.ready,
    restartCount,
    ...(lastTerminationAt !== undefined ? { lastTerminationAt } : {}),
    gone: state === 'gone',
  };
}
