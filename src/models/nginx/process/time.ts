/**
 * nginx's view of time on the virtual clock.
 *
 * nginx caches the time once per event-loop turn and its upstream code
 * (`fail_timeout`, `checked`, `accessed`) works in whole seconds of
 * `ngx_time()`. The simulation counts those seconds from the start of the
 * run (virtual 0 ms = second 0), which keeps the balancer's explanations
 * readable ("unavailable until t=11s"); log timestamps add a wall-clock
 * epoch so that lines look like the ones a student sees at work.
 */

/** Wall-clock time (ms since 1970, UTC) that virtual time 0 stands for in log lines. */
export const DEFAULT_LOG_EPOCH_MS = Date.UTC(2024, 0, 1, 0, 0, 0);

/** `ngx_time()` at a virtual time: whole seconds since the start of the run. */
export function nginxSeconds(virtualMs: number): number {
  return Math.floor(virtualMs / 1000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Error-log timestamp: `2024/01/01 00:00:05` (the simulated host runs in UTC). */
export function errorLogTime(wallMs: number): string {
  // A Date built from an explicit instant is not a clock read: it only converts the virtual time.
  const d = new Date(Math.floor(wallMs / 1000) * 1000);
  return (
    `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}
