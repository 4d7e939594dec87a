import { describe, expect, it } from 'vitest';
import { formatTable, humanDuration, podRestarts, podStatus } from '../../../../src/models/k8s/pod/kubectl';
import type { PodView } from '../../../../src/models/k8s/pod/view';

const base: PodView = { name: 'web-1', namespace: 'default', phase: 'Running', ready: true, restartCount: 0, gone: false, container: { state: 'running', startedAt: 0 } };

describe('kubectl get pods columns', () => {
  it("prints ages as apimachinery's HumanDuration", () => {
    expect([59_000, 119_000, 120_000, 125_000, 600_000, 3 * 3600_000, 3 * 3600_000 + 60_000, 50 * 3600_000].map(humanDuration)).toEqual([
      '59s', '119s', '2m', '2m5s', '10m', '3h', '3h1m', '2d2h',
    ]);
  });

  it('derives STATUS from the waiting or terminated reason, and Terminating once deleted', () => {
    expect(podStatus(base)).toBe('Running');
    expect(podStatus({ ...base, container: { state: 'waiting', reason: 'CrashLoopBackOff' } })).toBe('CrashLoopBackOff');
    expect(podStatus({ ...base, container: { state: 'terminated', reason: 'Error', exitCode: 1, finishedAt: 0 } })).toBe('Error');
    expect(podStatus({ ...base, phase: 'Pending', container: { state: 'waiting', reason: 'ContainerCreating' } })).toBe('ContainerCreating');
    expect(podStatus({ ...base, deletedAt: 5 })).toBe('Terminating');
  });

  it('adds "(… ago)" to RESTARTS after a restart', () => {
    expect(podRestarts({ ...base, restartCount: 3, lastTerminationAt: 10_000 }, 55_000)).toBe('3 (45s ago)');
    expect(podRestarts(base, 55_000)).toBe('0');
  });

  it('pads columns like kubectl', () => {
    const row = { NAME: 'web-1', READY: '1/1', STATUS: 'Running', RESTARTS: '0', AGE: '5s', IP: '10.244.0.2', NODE: 'node-a' };
    expect(formatTable([row])).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5s');
  });
});
