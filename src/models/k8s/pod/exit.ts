/**
 * Why a container's process ended, and its exit code: 143 when it stopped on
 * SIGTERM (128 + 15), 137 when the grace period ran out and the kubelet sent
 * SIGKILL (128 + 9), the app's own code when it crashed.
 */
import { formatSeconds } from './backoff';
import type { PodContext, PodEvent } from './pod.types';

export interface Exit {
  readonly exitCode: number;
  readonly why: string;
}

export function describeExit(context: PodContext, event: PodEvent): Exit | undefined {
  const name = context.container.name;
  switch (event.type) {
    case 'SIGTERM_EXIT':
      return { exitCode: 143, why: `container ${name} exited ${formatSeconds(context.timing.exitAfterSigtermMs)} after SIGTERM (exit code 143)` };
    case 'GRACE_EXPIRED':
      return { exitCode: 137, why: `container ${name} still running when the grace period (${formatSeconds(context.graceMs)}) ran out: SIGKILL (exit code 137)` };
    case 'APP_CRASH': {
      const exitCode = context.timing.crashExitCode ?? 1;
      return { exitCode, why: `container ${name} exited by itself ${formatSeconds(context.timing.crashAfterStartMs ?? 0)} after it started (exit code ${exitCode})` };
    }
    case 'CRASH': {
      const exitCode = event.exitCode ?? 1;
      return { exitCode, why: `container ${name} crashed: ${event.why} (exit code ${exitCode})` };
    }
    default:
      return undefined;
  }
}
