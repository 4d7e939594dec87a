/**
 * Consecutive-result counting against the thresholds: the decision at the
 * heart of target health, as a plain function the machine calls once per
 * check round.
 *
 * - `initial` → `healthy` after HealthyThresholdCount consecutive passes:
 *   "New targets stay initial until they pass" (behaviour.md §3), and vector 22
 *   counts all five passes (about 150 s at the AWS defaults).
 * - `initial` → `unhealthy` after UnhealthyThresholdCount consecutive failures:
 *   a target that never answers is reported as `unhealthy` with
 *   `Target.FailedHealthChecks`, not left `initial` forever.
 * - `healthy` ↔ `unhealthy` on the opposite threshold.
 * A result resets the opposite streak, which is what "consecutive" means.
 */
import type { RoundResult } from './judge';
import type { HealthCheckSettings } from './types';

/** The states health checks move a target between. */
export type CheckedState = 'initial' | 'healthy' | 'unhealthy';

/** Current runs of consecutive passes and failures (one of them is always 0). */
export interface Streak {
  readonly passes: number;
  readonly failures: number;
}

export const NO_STREAK: Streak = { passes: 0, failures: 0 };

/** What one round does to a target. */
export interface HealthStep {
  readonly streak: Streak;
  /** Set when the state changes. */
  readonly to?: CheckedState;
  /** Readable account of the round and its effect. */
  readonly why: string;
}

/** `TCP` or `HTTP /healthz`, as a student would name the check. */
export function checkLabel(settings: HealthCheckSettings): string {
  return settings.protocol === 'TCP' ? 'TCP' : `${settings.protocol} ${settings.path}`;
}

function plural(n: number, word: string): string {
  return `${n} consecutive ${word}${n === 1 ? '' : 's'}`;
}

/** Apply one round's result to a target in `state`. */
export function applyRound(
  state: CheckedState,
  streak: Streak,
  round: RoundResult,
  settings: HealthCheckSettings,
): HealthStep {
  const label = checkLabel(settings);
  const nodes = `${round.passed}/${round.total} nodes passed`;
  if (round.pass) {
    const next: Streak = { passes: streak.passes + 1, failures: 0 };
    if (state !== 'healthy' && next.passes >= settings.healthyThreshold) {
      return {
        streak: next,
        to: 'healthy',
        why: `healthy: ${plural(next.passes, `${label} health check`)} passed (threshold ${settings.healthyThreshold}; ${nodes})`,
      };
    }
    const progress = state === 'healthy' ? '' : ` (${next.passes} of ${settings.healthyThreshold} to healthy)`;
    return { streak: next, why: `${label} health check passed${progress}: ${round.detail}; ${nodes}` };
  }
  const next: Streak = { passes: 0, failures: streak.failures + 1 };
  if (state !== 'unhealthy' && next.failures >= settings.unhealthyThreshold) {
    return {
      streak: next,
      to: 'unhealthy',
      why: `unhealthy: ${plural(next.failures, `${label} health check`)} failed (threshold ${settings.unhealthyThreshold}): ${round.detail}; ${nodes}`,
    };
  }
  const progress = state === 'unhealthy' ? '' : ` (${next.failures} of ${settings.unhealthyThreshold} to unhealthy)`;
  return { streak: next, why: `${label} health check failed${progress}: ${round.detail}; ${nodes}` };
}
