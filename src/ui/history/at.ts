/**
 * The world as it was after a given event, from the nearest snapshot taken
 * at or before it plus the state changes the trace recorded since. Snapshots
 * are taken per frame while playing; the state records fill in the events
 * between, so stepping back one event shows that event's state change.
 */
import type { WorldSnapshot } from '../../scenario';
import type { LogEntry } from '../trace-view.svelte';
import type { Frame } from './snapshots';

/** `frame`'s snapshot with the `state` records of the events after it, up to `event`, applied. */
export function snapshotAt(frame: Frame, entries: readonly LogEntry[], event: number, t: number): WorldSnapshot {
  const changed = new Map<string, string>();
  for (const entry of entries) {
    if (entry.event === undefined || entry.event <= frame.event || entry.event > event) continue;
    for (const r of entry.records) if (r.kind === 'state') changed.set(r.component, r.to);
  }
  if (changed.size === 0) return frame.t === t ? frame.snapshot : { ...frame.snapshot, t };
  return {
    ...frame.snapshot,
    t,
    components: frame.snapshot.components.map((c) => {
      const state = changed.get(c.id);
      return state === undefined ? c : { ...c, state };
    }),
  };
}
