import { describe, expect, it } from 'vitest';
import { runPod, web } from './harness';
import type { App } from './harness';

/** An app that hangs (never answers) from `fromMs` until its container is restarted. */
function hangsFrom(fromMs: number, starts: () => readonly number[]): App {
  return (now) => (now >= fromMs && (starts().at(-1) ?? 0) < fromMs ? 'silent' : { outcome: 'http', status: 200 });
}

describe('liveness probe: kill and restart (behaviour.md §4, vector 22)', () => {
  it('kills the container at the 3rd consecutive failure and restarts it at once the first time', () => {
    const holder: { starts: readonly number[] } = { starts: [] };
    const pod = runPod(web({ livenessProbe: { httpGet: { port: 80, path: '/healthz' } } }), hangsFrom(100_000, () => holder.starts));
    holder.starts = pod.starts;
    pod.engine.runUntil(200_000);
    // Probes at 100, 110, 120 s time out after 1 s each: the 3rd failure is at 121 s.
    expect(pod.exits.map((e) => `${e.code}@${e.t / 1000}`)).toEqual(['143@121']);
    expect(pod.starts).toEqual([0, 121_000]);
    expect(pod.view().restartCount).toBe(1);
    const killing = pod.events.find((e) => e.what === 'Normal Killing');
    expect(killing?.why).toBe('Container web failed liveness probe, will be restarted');
    const kill = pod.states.find((s) => s.what === 'running→killing');
    expect(kill?.why).toContain('liveness probe failed 3 times in a row (failureThreshold 3)');
  });

  it('sends SIGKILL when the app ignores SIGTERM for the whole grace period', () => {
    const pod = runPod(web({ livenessProbe: { tcpSocket: { port: 80 } } }), () => ({ outcome: 'refused' }), { exitAfterSigtermMs: 120_000 });
    pod.engine.runUntil(60_000);
    // Failures at 0, 10, 20 s (answers 1 ms later); SIGKILL 30 s after the kill began.
    expect(pod.exits[0]).toMatchObject({ t: 50_001, code: 137 });
    expect(pod.exits[0]?.why).toContain('grace period (30s) ran out: SIGKILL');
  });

  it('uses the probe-level terminationGracePeriodSeconds for a liveness kill', () => {
    const pod = runPod(
      web({ livenessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 5 } }),
      () => ({ outcome: 'refused' }),
      { exitAfterSigtermMs: 120_000 },
    );
    pod.engine.runUntil(60_000);
    expect(pod.exits[0]).toMatchObject({ t: 25_001, code: 137 });
  });

  it('stops probing liveness once it decided to kill, and probes the new container afresh', () => {
    const pod = runPod(web({ livenessProbe: { tcpSocket: { port: 80 } } }), () => ({ outcome: 'refused' }), { exitAfterSigtermMs: 15_000 });
    pod.engine.runUntil(40_000);
    // Container 1: probes 0, 10, 20 → kill at 20.001, exits at 35.001 (no probes meanwhile); container 2 probes from 35.001.
    expect(pod.probes.map((p) => p.t)).toEqual([0, 10_000, 20_000, 35_001]);
  });

  it('runs readiness and liveness only after the startup probe passes', () => {
    const app: App = (now, r) => (r.kind === 'startup' && now < 25_000 ? { outcome: 'refused' } : { outcome: 'http', status: 200 });
    const pod = runPod(
      web({
        startupProbe: { httpGet: { port: 80 }, failureThreshold: 30, periodSeconds: 10 },
        readinessProbe: { httpGet: { port: 80 } },
        livenessProbe: { httpGet: { port: 80 } },
      }),
      app,
    );
    pod.engine.runUntil(50_000);
    const kinds = pod.probes.map((p) => `${p.kind}@${p.t / 1000}`);
    expect(kinds.slice(0, 4)).toEqual(['startup@0', 'startup@10', 'startup@20', 'startup@30']);
    expect(kinds).toContain('readiness@30.001');
    expect(kinds.filter((k) => k.startsWith('startup'))).toHaveLength(4);
    expect(pod.readiness[0]).toMatchObject({ t: 30_002, what: 'ready' });
  });
});
