import { describe, expect, it } from 'vitest';
import { healthy, runPod, web } from './harness';
import type { App } from './harness';

const failingFrom =
  (fromMs: number): App =>
  (now) => ({ outcome: 'http', status: now >= fromMs ? 500 : 200 });

describe('readiness probe on the engine clock (behaviour.md vector 22)', () => {
  it('is not ready until the first probe succeeds, then ready', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 'http', path: '/healthz' } } }), healthy);
    expect(pod.view().ready).toBe(false);
    pod.engine.runUntil(100);
    expect(pod.readiness.map((r) => `${r.what}@${r.t}`)).toEqual(['ready@1']);
    expect(pod.readiness[0]?.why).toContain('readiness probe succeeded 1 time in a row (successThreshold 1)');
  });

  it('marks the pod NotReady at the 3rd consecutive failure: 20 s after failing starts on a probe tick', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 } } }), failingFrom(100_000));
    pod.engine.runUntil(200_000);
    // Probes at 0, 10, … s; failures at 100, 110, 120 s; each answer 1 ms later.
    expect(pod.readiness.map((r) => `${r.what}@${r.t / 1000}`)).toEqual(['ready@0.001', 'not ready@120.001']);
    expect(pod.readiness[1]?.why).toBe(
      'default/web-7c5ddbdf54-x2k4p: readiness probe failed 3 times in a row (failureThreshold 3): HTTP probe failed with statuscode: 500',
    );
  });

  it('takes between 20 and 30 s after failing starts, wherever it starts in the period', () => {
    for (let offset = 0; offset < 10_000; offset += 1250) {
      const start = 100_000 + offset;
      const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 } } }), failingFrom(start));
      pod.engine.runUntil(200_000);
      const notReady = pod.readiness.find((r) => r.what === 'not ready');
      expect(notReady).toBeDefined();
      const after = notReady!.t - start;
      expect(after).toBeGreaterThanOrEqual(20_000);
      expect(after).toBeLessThanOrEqual(30_001);
    }
  });

  it('emits an Unhealthy warning for every failed probe, below the threshold too', () => {
    const pod = runPod(web({ readinessProbe: { tcpSocket: { port: 80 } } }), () => ({ outcome: 'refused' }));
    pod.engine.runUntil(25_000);
    const unhealthy = pod.events.filter((e) => e.what === 'Warning Unhealthy');
    expect(unhealthy.map((e) => e.t)).toEqual([1, 10_001, 20_001]);
    expect(unhealthy[0]?.why).toBe('Readiness probe failed: dial tcp 10.244.0.2:80: connect: connection refused');
    // Never ready, and never "changed": it started as Failure.
    expect(pod.readiness).toEqual([]);
  });

  it('hears nothing more from probes that keep succeeding, and notices the first failures after them', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 }, successThreshold: 1, failureThreshold: 2 } }), failingFrom(205_000));
    pod.engine.runUntil(230_000);
    // 21 quiet successes (0 … 200 s), then failures at 210 and 220 s: NotReady at the 2nd.
    expect(pod.probes.filter((p) => p.kind === 'readiness')).toHaveLength(24);
    expect(pod.readiness.map((r) => `${r.what}@${r.t}`)).toEqual(['ready@1', 'not ready@220001']);
  });

  it('lets a tick that comes while a probe is still out wait, and probes as soon as that probe ends', () => {
    // timeoutSeconds 15 > periodSeconds 10: the 10 s tick finds the first probe still out.
    const silentUntil = (ms: number): App => (now) => (now < ms ? 'silent' : { outcome: 'http', status: 200 });
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 }, timeoutSeconds: 15 } }), silentUntil(5_000));
    pod.engine.runUntil(40_000);
    expect(pod.events.filter((e) => e.what === 'Warning Unhealthy').map((e) => e.t)).toEqual([15_000]);
    // The waiting tick's probe goes out at 15 s, when the first one times out; the next ticks keep their 10 s beat.
    expect(pod.readiness.map((r) => `${r.what}@${r.t}`)).toEqual(['ready@15001']);
    expect(pod.probes.filter((p) => p.kind === 'readiness').map((p) => p.t)).toEqual([0, 15_000, 20_000, 30_000, 40_000]);
  });

  it('counts a probe that does not answer within timeoutSeconds as a failure', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80, path: '/slow' }, timeoutSeconds: 2 } }), () => 'silent');
    pod.engine.runUntil(3_000);
    const unhealthy = pod.events.filter((e) => e.what === 'Warning Unhealthy');
    expect(unhealthy.map((e) => e.t)).toEqual([2_000]);
    expect(unhealthy[0]?.why).toBe(
      'Readiness probe failed: Get "http://10.244.0.2:80/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
  });

  it('waits initialDelaySeconds before the first probe', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 15, periodSeconds: 5 } }), healthy);
    pod.engine.runUntil(30_000);
    expect(pod.probes.map((p) => p.t)).toEqual([15_000, 20_000, 25_000, 30_000]);
  });

  it('is ready at once when the container has no readiness probe', () => {
    const pod = runPod(web(), healthy, { containerCreatingMs: 1500 });
    pod.engine.runUntil(10_000);
    expect(pod.readiness.map((r) => `${r.what}@${r.t}`)).toEqual(['ready@1500']);
  });
});
