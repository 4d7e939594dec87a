import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import type { WorldSnapshot } from '../../../src/scenario';
import type { LogEntry } from '../../../src/ui/trace-view.svelte';
import { snapshotAt } from '../../../src/ui/history/at';
import { SnapshotLog } from '../../../src/ui/history/snapshots';
import { eventAtTime, nextRequestEvent, timeOfEvent } from '../../../src/ui/history/cursor';

const snapshot: WorldSnapshot = { t: 0, components: [{ id: 'app', kind: 'server', label: 'app', address: '', state: 'up', counters: {} }], links: [] };
const state = (to: string): TraceRecord => ({ kind: 'state', t: 0, seq: 0, component: 'app', from: '', to, why: '' });
const entries: LogEntry[] = [
  { key: 0, event: 1, t: 5, records: [state('crashed')] },
  { key: 1, event: 2, t: 8, records: [{ kind: 'request', t: 8, seq: 1, requestId: 'r7', client: 'c', method: 'GET', url: '/' }] },
  { key: 2, event: 3, t: 9, records: [state('up')] },
];

describe('snapshotAt', () => {
  it('applies the state changes recorded after the snapshot, up to the event shown', () => {
    const frame = { event: 0, t: 0, snapshot };
    expect(snapshotAt(frame, entries, 1, 5).components[0]?.state).toBe('crashed');
    expect(snapshotAt(frame, entries, 3, 9).components[0]?.state).toBe('up');
    expect(snapshotAt(frame, entries, 0, 0)).toBe(snapshot);
  });
});

describe('cursor', () => {
  const frames = new SnapshotLog();
  frames.add(0, 0, snapshot);

  it('finds how many events had run at a time, and when an event ran', () => {
    expect(eventAtTime(entries, frames, 4)).toBe(0);
    expect(eventAtTime(entries, frames, 8.5)).toBe(2);
    expect(timeOfEvent(entries, frames, 3)).toBe(9);
    expect(timeOfEvent(entries, frames, 0)).toBe(0);
  });

  it('finds the next event that issued a request', () => {
    expect(nextRequestEvent(entries, 0)).toEqual({ event: 2, t: 8, requestId: 'r7' });
    expect(nextRequestEvent(entries, 2)).toBeUndefined();
  });
});
