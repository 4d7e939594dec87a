/**
 * Moving the view's cursor through what has run: which engine event was the
 * last one at a virtual time, and when a given event ran. The log entries
 * answer exactly for the recent past (one entry per event); the snapshot
 * frames answer, more coarsely, for the rest of the run.
 */
import type { LogEntry } from '../trace-view.svelte';
import type { SnapshotLog } from './snapshots';

/** Entries that belong to an engine event (records written between events have none). */
function isEvent(e: LogEntry): e is LogEntry & { event: number } {
  return e.event !== undefined;
}

/** Last index in `list` for which `ok` holds, assuming it holds for a prefix. */
function lastWhere<T>(list: readonly T[], ok: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = list[mid];
    if (x !== undefined && ok(x)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How many engine events had run once virtual time reached `t` (events at `t` included). */
export function eventAtTime(entries: readonly LogEntry[], frames: SnapshotLog, t: number): number {
  const events = entries.filter(isEvent);
  const first = events[0];
  if (first !== undefined && first.t <= t) {
    const i = lastWhere(events, (e) => e.t <= t);
    return events[i]?.event ?? first.event;
  }
  const frame = frames.atTime(t);
  return frame !== undefined && frame.t <= t ? frame.event : 0;
}

/** The virtual time at which engine event number `event` ran (0 → the start). */
export function timeOfEvent(entries: readonly LogEntry[], frames: SnapshotLog, event: number): number {
  if (event <= 0) return 0;
  const events = entries.filter(isEvent);
  const i = lastWhere(events, (e) => e.event <= event);
  const hit = events[i];
  if (hit !== undefined && hit.event === event) return hit.t;
  return frames.atEvent(event)?.t ?? 0;
}

/** The first event after `event` that wrote a record of kind `request`, if the log still holds one. */
export function nextRequestEvent(entries: readonly LogEntry[], event: number): { event: number; t: number; requestId: string } | undefined {
  for (const e of entries) {
    if (e.event === undefined || e.event <= event) continue;
    for (const r of e.records) if (r.kind === 'request') return { event: e.event, t: e.t, requestId: r.requestId };
  }
  return undefined;
}
