/**
 * Thresholds: when a run of probe results changes the probe's state.
 *
 * The kubelet's probe worker (`pkg/kubelet/prober/worker.go`, `doProbe`)
 * counts consecutive equal results and only publishes a result once the run
 * reaches `successThreshold` (for a success) or `failureThreshold` (for a
 * failure). Readiness starts as Failure and liveness and startup as Success
 * (`initialValue`), so a readiness probe that never passes keeps the pod
 * NotReady without ever "changing".
 */

/** A probe result as the kubelet publishes it. */
export type ProbeResult = 'Success' | 'Failure';

/** The current run of equal results. */
export interface Streak {
  readonly last: ProbeResult | undefined;
  readonly run: number;
}

/** No result yet. */
export const NO_STREAK: Streak = { last: undefined, run: 0 };

export interface Thresholds {
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

export interface StreakStep {
  readonly streak: Streak;
  /** Set when the run reached its threshold: the kubelet publishes this result. */
  readonly publish: ProbeResult | undefined;
}

export function applyResult(streak: Streak, result: ProbeResult, t: Thresholds): StreakStep {
  const run = streak.last === result ? streak.run + 1 : 1;
  const next = { last: result, run };
  const threshold = result === 'Success' ? t.successThreshold : t.failureThreshold;
  return { streak: next, publish: run >= threshold ? result : undefined };
}
