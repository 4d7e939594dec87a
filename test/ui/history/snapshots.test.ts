import { describe, expect, it } from 'vitest';
import type { WorldSnapshot } from '../../../src/scenario';
import { SnapshotLog } from '../../../src/ui/history/snapshots';

const snap = (t: number, state = 'up'): WorldSnapshot => ({ t, components: [{ id: 'app', kind: 'server', label: 'app', address: '', state, counters: {} }], links: [] });

describe('SnapshotLog', () => {
  it('finds the snapshot in force after a given event or at a given time', () => {
    const log = new SnapshotLog();
    log.add(0, 0, snap(0));
    log.add(3, 10, snap(10, 'crashed'));
    log.add(7, 20, snap(20));
    expect(log.atEvent(5)?.snapshot.components[0]?.state).toBe('crashed');
    expect(log.atEvent(7)?.event).toBe(7);
    expect(log.atTime(19)?.event).toBe(3);
    expect(log.atTime(0)?.event).toBe(0);
  });

  it('replaces a snapshot taken after the same number of events', () => {
    const log = new SnapshotLog();
    log.add(1, 5, snap(5));
    log.add(1, 6, snap(6));
    expect(log.size).toBe(1);
    expect(log.atEvent(1)?.t).toBe(6);
  });

  it('stays within its capacity by thinning the older half, keeping the start and the recent past', () => {
    const log = new SnapshotLog(10);
    for (let e = 0; e < 100; e++) log.add(e, e, snap(e));
    expect(log.size).toBeLessThanOrEqual(10);
    expect(log.atEvent(0)?.event).toBe(0);
    expect(log.atEvent(99)?.event).toBe(99);
    expect(log.atEvent(98)?.event).toBe(98);
  });
});
