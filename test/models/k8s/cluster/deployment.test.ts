import { describe, expect, it } from 'vitest';
import { makeCluster, manifests, NGINX } from './harness';

describe('the Deployment controller keeps the replica count', () => {
  it('replaces a deleted pod at once, while the old one is still terminating', () => {
    const { engine, cluster } = makeCluster(1, undefined, { podTiming: { exitAfterSigtermMs: 5_000 } });
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const victim = cluster.getPods()[0]!.NAME;
    cluster.deletePod('default', victim, 'kubectl delete pod');
    engine.runUntil(5_000);
    const rows = cluster.getPods();
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.NAME === victim)?.STATUS).toBe('Terminating');
    expect(rows.filter((r) => r.STATUS === 'ContainerCreating')).toHaveLength(1);
    engine.runUntil(10_001);
    expect(cluster.getPods().map((r) => r.NAME)).not.toContain(victim);
    expect(cluster.getPods().map((r) => `${r.READY} ${r.STATUS}`)).toEqual(['1/1 Running', '1/1 Running', '1/1 Running']);
  });

  it('puts the replacement in the zone that lost a pod', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const onB = cluster.getPods().find((r) => r.NODE === 'node-b')!;
    cluster.deletePod('default', onB.NAME, 'evicted');
    engine.runUntil(10_000);
    expect(cluster.getPods().map((r) => r.NODE).sort()).toEqual(['node-a', 'node-b', 'node-c']);
  });

  it('scales up and down, deleting not-ready and crowded pods first', () => {
    const { engine, cluster, trace } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    cluster.scale('default', 'nginx', 5, 'kubectl scale --replicas=5');
    engine.runUntil(10_000);
    expect(cluster.getPods()).toHaveLength(5);
    // Nodes a and b now hold two pods each: scaling to 3 removes one from each.
    cluster.scale('default', 'nginx', 3, 'kubectl scale --replicas=3');
    engine.runUntil(15_000);
    expect(cluster.getPods().map((r) => r.NODE).sort()).toEqual(['node-a', 'node-b', 'node-c']);
    const decision = trace.records().find((r) => r.kind === 'decision' && r.component === 'deployment:default/nginx' && r.decision === 'delete 2');
    expect(decision).toBeDefined();
  });

  it('names pods nginx-<template hash>-<5 characters>, the same names for the same seed', () => {
    const names = (seed: number) => {
      const { engine, cluster } = makeCluster(seed);
      cluster.apply(manifests(NGINX));
      engine.runUntil(1_000);
      return cluster.getPods().map((r) => r.NAME);
    };
    expect(names(3)).toEqual(names(3));
    const [first] = names(3);
    expect(first).toMatch(/^nginx-[456789bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('crash loops seen through the cluster', () => {
  it('shows Error, then CrashLoopBackOff with the restart count, like kubectl', () => {
    const { engine, cluster } = makeCluster(1, undefined, {
      podTiming: { containerCreatingMs: 0, crashAfterStartMs: 2_000, exitSyncMs: 500 },
    });
    cluster.apply(manifests(NGINX.replace('replicas: 3', 'replicas: 1')));
    engine.runUntil(2_100); // exited at 2 s, kubelet sync at 2.5 s
    expect(cluster.getPods()[0]).toMatchObject({ READY: '0/1', STATUS: 'Error', RESTARTS: '0' });
    engine.runUntil(4_700); // restarted at 2.5 s, exited at 4.5 s, back-off until 14.5 s
    engine.runUntil(6_000);
    expect(cluster.getPods()[0]).toMatchObject({ READY: '0/1', STATUS: 'CrashLoopBackOff', RESTARTS: '1 (1s ago)' });
  });
});
