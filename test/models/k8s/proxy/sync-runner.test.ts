import { describe, expect, it } from 'vitest';
import { Engine } from '../../../../src/sim';
import { SyncRunner } from '../../../../src/models/k8s/proxy/sync-runner';

describe("kube-proxy's bounded-frequency sync", () => {
  function runner(minSyncPeriodMs: number, syncDurationMs = 0) {
    const engine = new Engine();
    const applied: { t: number; waited: number }[] = [];
    const r = new SyncRunner(engine, { minSyncPeriodMs, syncDurationMs }, (waited) => () => applied.push({ t: engine.now, waited }), 'test');
    return { engine, r, applied };
  }

  it('syncs at once after a quiet period, then no sooner than min-sync-period after the last one, folding requests', () => {
    const { engine, r, applied } = runner(1000);
    r.request();
    engine.runUntil(200);
    r.request();
    engine.runUntil(300);
    r.request(); // folded into the sync due at 1000
    engine.runUntil(5000);
    r.request();
    engine.runUntil(6000);
    expect(applied).toEqual([
      { t: 0, waited: 0 },
      { t: 1000, waited: 800 },
      { t: 5000, waited: 0 },
    ]);
  });

  it('applies the rules when a sync that takes time ends, and counts the period from there', () => {
    const { engine, r, applied } = runner(1000, 300);
    r.request();
    engine.runUntil(500);
    r.request();
    engine.runUntil(3000);
    expect(applied.map((a) => a.t)).toEqual([300, 1600]);
  });
});
