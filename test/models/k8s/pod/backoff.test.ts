import { describe, expect, it } from 'vitest';
import { planRestart } from '../../../../src/models/k8s/pod/backoff';
import type { BackoffEntry } from '../../../../src/models/k8s/pod/backoff';
import { runPod, web, healthy } from './harness';

describe('CrashLoopBackOff delays (kubelet doBackOff, flowcontrol.Backoff 10 s … 300 s)', () => {
  it('restarts at once, then after 10, 20, 40, 80, 160, 300, 300 s counted from each exit', () => {
    const pod = runPod(web(), healthy, { crashAfterStartMs: 1000 });
    pod.engine.runUntil(2_000_000);
    const exits = pod.exits.map((e) => e.t);
    const restarts = pod.starts.slice(1);
    const delays = restarts.slice(0, 8).map((start, i) => (start - exits[i]!) / 1000);
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(pod.exits[0]?.why).toContain('exited by itself 1s after it started (exit code 1)');
  });

  it('shows CrashLoopBackOff while waiting and counts restarts', () => {
    const pod = runPod(web(), healthy, { crashAfterStartMs: 1000 });
    pod.engine.runUntil(5_000); // exits at 1 s and 2 s; waiting until 12 s
    const v = pod.view();
    expect(v.container).toEqual({ state: 'waiting', reason: 'CrashLoopBackOff' });
    expect(v.restartCount).toBe(1);
    const backOff = pod.states.find((s) => s.what === 'exited→backOff');
    expect(backOff?.why).toContain('CrashLoopBackOff: back-off 10s from the exit');
    expect(pod.events.some((e) => e.what === 'Warning BackOff' && e.why === 'Back-off restarting failed container web in pod web-7c5ddbdf54-x2k4p_default')).toBe(true);
  });

  it('resets the back-off after 10 minutes of clean running', () => {
    // Crash at 1 s (restart now) and 2 s (10 s back-off, restart at 12 s), then run 601 s before crashing again.
    const pod = runPod(web(), healthy);
    pod.engine.runUntil(1_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(2_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(12_000 + 601_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(700_000);
    expect(pod.starts).toEqual([0, 1_000, 12_000, 613_000]);
    expect(pod.states.at(-1)?.why).toContain('back-off reset: the container ran 10m1s since its last restart');
  });

  it('keeps backing off when the container ran exactly 10 minutes', () => {
    const pod = runPod(web(), healthy);
    pod.engine.runUntil(1_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(2_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(12_000 + 600_000);
    pod.actor.send({ type: 'CRASH', why: 'segfault' });
    pod.engine.runUntil(700_000);
    expect(pod.starts).toEqual([0, 1_000, 12_000, 632_000]);
  });

  it('plans from a back-off entry as a plain function', () => {
    const entry: BackoffEntry = { delayMs: 160_000, lastRestartAt: 0 };
    const plan = planRestart(entry, 5_000);
    expect(plan.delayMs).toBe(160_000);
    expect(plan.next(165_000)).toEqual({ delayMs: 300_000, lastRestartAt: 165_000 });
    expect(planRestart(undefined, 0).delayMs).toBe(0);
  });
});
