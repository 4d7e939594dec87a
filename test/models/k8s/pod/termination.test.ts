import { describe, expect, it } from 'vitest';
import { healthy, runPod, web } from './harness';

describe('pod deletion: Terminating with a grace period', () => {
  it('keeps the container running and ready until the app exits after SIGTERM', () => {
    const pod = runPod(web({ readinessProbe: { httpGet: { port: 80 } } }), healthy, { exitAfterSigtermMs: 8_000 });
    pod.engine.runUntil(5_000);
    pod.actor.send({ type: 'DELETE', why: 'kubectl delete pod' });
    pod.engine.runUntil(7_000);
    expect(pod.view()).toMatchObject({ ready: true, deletedAt: 5_000, container: { state: 'running' } });
    pod.engine.runUntil(20_000);
    expect(pod.exits).toEqual([{ t: 13_000, code: 143, why: expect.stringContaining('exited 8s after SIGTERM') }]);
    expect(pod.view().gone).toBe(true);
    expect(pod.starts).toEqual([0]);
  });

  it('kills an app that ignores SIGTERM when terminationGracePeriodSeconds runs out, and does not restart it', () => {
    const pod = runPod(web(), healthy, { exitAfterSigtermMs: 600_000 }, 30);
    pod.engine.runUntil(1_000);
    pod.actor.send({ type: 'DELETE', why: 'kubectl delete pod' });
    pod.engine.runUntil(100_000);
    expect(pod.exits.map((e) => [e.t, e.code])).toEqual([[31_000, 137]]);
    expect(pod.starts).toEqual([0]);
    expect(pod.states.at(-1)).toMatchObject({ what: 'exited→gone' });
  });

  it('removes a pod still being created at once', () => {
    const pod = runPod(web(), healthy, { containerCreatingMs: 5_000 });
    pod.engine.runUntil(1_000);
    pod.actor.send({ type: 'DELETE', why: 'scaled down' });
    expect(pod.view().gone).toBe(true);
    pod.engine.runUntil(10_000);
    expect(pod.starts).toEqual([]);
  });
});
