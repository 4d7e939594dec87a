import { describe, expect, it } from 'vitest';
import { planRollout, resolveFenceposts } from '../../../../src/models/k8s/workloads/rollout';

describe('RollingUpdate arithmetic', () => {
  it('rounds maxSurge up and maxUnavailable down, and never lets both be 0', () => {
    expect(resolveFenceposts(3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(4)).toEqual({ surge: 1, unavailable: 1 });
    expect(resolveFenceposts(10)).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts(1, 0, '25%')).toEqual({ surge: 0, unavailable: 1 });
  });

  it('first grows the new ReplicaSet by maxSurge, then shrinks the old one only as new pods become available', () => {
    const current = { name: 'web-new', replicas: 0, available: 0 };
    const old = [{ name: 'web-old', replicas: 3, available: 3 }];
    expect(planRollout({ desired: 3, current, old }).scale).toEqual({ 'web-new': 1 });
    // One new pod, not ready yet: 3 must stay available (maxUnavailable 0), so nothing moves.
    expect(planRollout({ desired: 3, current: { ...current, replicas: 1 }, old }).scale).toEqual({});
    // It became available: one old pod can go.
    expect(planRollout({ desired: 3, current: { ...current, replicas: 1, available: 1 }, old }).scale).toEqual({ 'web-old': 2 });
  });

  it('removes unavailable old pods first, within what may be scaled down now', () => {
    // 5 pods, at least 3 available (4 − maxUnavailable 1), 1 new pod unavailable: at most 5 − 3 − 1 = 1 may go.
    const step = planRollout({ desired: 4, current: { name: 'n', replicas: 1, available: 0 }, old: [{ name: 'o', replicas: 4, available: 2 }] });
    expect(step.scale).toEqual({ o: 3 });
    // With the new pod available the budget is 2, both unavailable old pods go, and no available one.
    expect(planRollout({ desired: 4, current: { name: 'n', replicas: 1, available: 1 }, old: [{ name: 'o', replicas: 4, available: 2 }] }).scale).toEqual({ o: 2 });
  });

  it('just scales when only one ReplicaSet holds pods', () => {
    expect(planRollout({ desired: 5, current: { name: 'web-a', replicas: 3, available: 3 }, old: [{ name: 'web-b', replicas: 0, available: 0 }] }).scale).toEqual({ 'web-a': 5 });
    expect(planRollout({ desired: 3, current: { name: 'web-a', replicas: 3, available: 1 }, old: [] }).scale).toEqual({});
  });
});
