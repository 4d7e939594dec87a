/**
 * CrashLoopBackOff: how long the kubelet waits before restarting a container
 * that exited.
 *
 * The kubelet keeps one `flowcontrol.Backoff` entry per container
 * (`backOffPeriod` 10 s, `MaxContainerBackOff` 300 s; kubelet `doBackOff`,
 * client-go `util/flowcontrol/backoff.go`). When the container exits at time
 * E, it is "in back-off" while now − E < the entry's delay, so the restart
 * happens at E + delay, counted from the exit. Each restart doubles the delay
 * (capped at 300 s) and stamps the entry with the restart time. An entry
 * expires when the container exits more than 2 × 300 s = 10 min after that
 * stamp, i.e. after 10 minutes of clean running; the next exit is then
 * treated as the first.
 *
 * So the first restart is immediate, and the delays before the later ones
 * are 10, 20, 40, 80, 160, 300, 300 … s (behaviour.md §4, vector 22).
 */

/** `backOffPeriod`: the first delay. */
export const BACKOFF_INITIAL_MS = 10_000;
/** `MaxContainerBackOff`: the cap. */
export const BACKOFF_MAX_MS = 300_000;
/** `hasExpired`: an entry older than twice the maximum starts over. */
export const BACKOFF_RESET_AFTER_MS = 2 * BACKOFF_MAX_MS;

/** The kubelet's back-off entry for one container; undefined until the first restart. */
export interface BackoffEntry {
  /** The delay the next exit will wait. */
  readonly delayMs: number;
  /** When the entry was last updated: the time of the latest restart. */
  readonly lastRestartAt: number;
}

/** When to restart after one exit, and how the back-off entry changes when it does. */
export interface RestartPlan {
  /** Wait this long after the exit before restarting (0 = restart now). */
  readonly delayMs: number;
  /** The entry after the restart happens. */
  readonly next: (restartAt: number) => BackoffEntry;
  readonly why: string;
}

/** Decide the restart after an exit at `exitAt`. */
export function planRestart(entry: BackoffEntry | undefined, exitAt: number): RestartPlan {
  const fresh = (restartAt: number): BackoffEntry => ({ delayMs: BACKOFF_INITIAL_MS, lastRestartAt: restartAt });
  if (entry === undefined) {
    return { delayMs: 0, next: fresh, why: 'first exit: restarted at once (no back-off yet)' };
  }
  const ranMs = exitAt - entry.lastRestartAt;
  if (ranMs > BACKOFF_RESET_AFTER_MS) {
    return {
      delayMs: 0,
      next: fresh,
      why: `back-off reset: the container ran ${formatSeconds(ranMs)} since its last restart (more than 10 min), so it restarts at once`,
    };
  }
  const doubled = Math.min(entry.delayMs * 2, BACKOFF_MAX_MS);
  return {
    delayMs: entry.delayMs,
    next: (restartAt) => ({ delayMs: doubled, lastRestartAt: restartAt }),
    why: `CrashLoopBackOff: back-off ${formatSeconds(entry.delayMs)} from the exit (doubles each restart, at most 5m0s)`,
  };
}

/** Go's `time.Duration` style for whole seconds: `10s`, `5m0s`, `1m20s`. */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}
