/**
 * How virtual time is written on screen. One format everywhere (clock, log,
 * narration) so a student can match a log line to the clock at a glance.
 */

/** Virtual milliseconds as seconds with millisecond precision: `1250` → `"1.250 s"`. */
export function formatVirtualTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A duration in milliseconds, short: `12 ms`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}
