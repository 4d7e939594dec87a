import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/sim';
import { fnv32a, podTemplateHash, randomSuffix, safeEncode } from '../../../../src/models/k8s/workloads/names';
import { planReplicas } from '../../../../src/models/k8s/workloads/replicas';
import type { ReplicaPod } from '../../../../src/models/k8s/workloads/replicas';

describe('pod names', () => {
  it('hashes with FNV-32a and encodes the decimal digits with the safe alphabet', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });

  it('gives equal templates the same hash whatever their key order, and different ones another', () => {
    const a = podTemplateHash({ labels: { app: 'nginx' }, spec: { image: 'nginx:1.25', port: 80 } });
    const b = podTemplateHash({ spec: { port: 80, image: 'nginx:1.25' }, labels: { app: 'nginx' } });
    const c = podTemplateHash({ labels: { app: 'nginx' }, spec: { image: 'nginx:1.26', port: 80 } });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('draws five-character suffixes from the safe alphabet', () => {
    const rng = new Random(1).stream('k8s:pod-names:default/nginx');
    for (let i = 0; i < 20; i++) expect(randomSuffix(rng)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('ReplicaSet decisions', () => {
  const pod = (name: string, extra: Partial<ReplicaPod> = {}): ReplicaPod => ({
    name,
    node: 'n1',
    phase: 'Running',
    ready: true,
    readySince: 0,
    restartCount: 0,
    createdAt: 0,
    terminating: false,
    ...extra,
  });

  it('does not count terminating pods', () => {
    const plan = planReplicas('default/web', 2, [pod('a'), pod('b', { terminating: true })]);
    expect(plan).toMatchObject({ kind: 'create', count: 1 });
    expect(plan.why).toBe('default/web: 1 of 2 replicas active (1 terminating, not counted): creating 1');
  });

  it('deletes pending, then not ready, then crowded, then newer pods first', () => {
    const pods = [
      pod('ready-alone', { node: 'n3' }),
      pod('pending', { phase: 'Pending', ready: false, node: 'n3' }),
      pod('not-ready', { ready: false, node: 'n2' }),
      pod('crowded-old', { node: 'n1', createdAt: 1 }),
      pod('crowded-new', { node: 'n1', createdAt: 2 }),
    ];
    const order = [4, 3, 2, 1].map((keep) => {
      const plan = planReplicas('default/web', keep, pods);
      return plan.kind === 'delete' ? plan.pods.join(',') : plan.kind;
    });
    expect(order).toEqual(['pending', 'pending,not-ready', 'pending,not-ready,crowded-new', 'pending,not-ready,crowded-new,crowded-old']);
  });
});
