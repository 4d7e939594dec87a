import { describe, expect, it } from 'vitest';
import { makeCluster, manifests, NGINX } from './harness';

const readyEndpoints = (cluster: ReturnType<typeof makeCluster>['cluster']) =>
  cluster.endpointSlices('default', 'nginx-loadbalancer').flatMap((s) => s.endpoints.filter((e) => e.conditions.ready).map((e) => e.nodeName));

describe('cordon and drain', () => {
  it('keeps the replacements of a drained node off that node, and shows it SchedulingDisabled', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    expect(cluster.drain('node-b', 'kubectl drain node-b')).toBe(true);
    engine.runUntil(40_000);
    const rows = cluster.getPods();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.NODE)).not.toContain('node-b');
    expect(cluster.nodeStatus('node-b')).toBe('Ready,SchedulingDisabled');
    // Later pods stay off it too, until it is uncordoned.
    cluster.scale('default', 'nginx', 6, 'kubectl scale --replicas=6');
    engine.runUntil(45_000);
    expect(cluster.getPods().map((r) => r.NODE)).not.toContain('node-b');
    cluster.uncordon('node-b', 'kubectl uncordon node-b');
    cluster.scale('default', 'nginx', 7, 'kubectl scale --replicas=7');
    engine.runUntil(50_000);
    expect(cluster.getPods().map((r) => r.NODE)).toContain('node-b');
    expect(cluster.nodeStatus('node-b')).toBe('Ready');
  });

  it("leaves pods Pending with the scheduler's reason when no node can take them, and places them on uncordon", () => {
    const { engine, cluster, trace } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    for (const n of ['node-a', 'node-b', 'node-c']) cluster.cordon(n, `kubectl cordon ${n}`);
    cluster.scale('default', 'nginx', 4, 'kubectl scale --replicas=4');
    engine.runUntil(6_000);
    const pending = cluster.getPods().filter((r) => r.STATUS === 'Pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ READY: '0/1', IP: '<none>', NODE: '<none>' });
    expect(cluster.pendingPods()[0]?.why).toMatch(/^0\/3 nodes are available: 3 node\(s\) were unschedulable\./);
    expect(trace.records().some((r) => r.kind === 'log' && r.line.startsWith(`Warning FailedScheduling pod/${pending[0]!.NAME}: 0/3 nodes are available`))).toBe(true);
    cluster.uncordon('node-c', 'kubectl uncordon node-c');
    engine.runUntil(10_000);
    const placed = cluster.getPods().find((r) => r.NAME === pending[0]!.NAME);
    expect(placed).toMatchObject({ NODE: 'node-c', STATUS: 'Running' });
  });

  it('drops a Pending pod first when scaling back down', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    for (const n of ['node-a', 'node-b', 'node-c']) cluster.cordon(n, 'cordon');
    cluster.scale('default', 'nginx', 4, 'up');
    engine.runUntil(6_000);
    cluster.scale('default', 'nginx', 3, 'down');
    engine.runUntil(7_000);
    expect(cluster.getPods().map((r) => r.STATUS)).toEqual(['Running', 'Running', 'Running']);
    expect(cluster.pendingPods()).toEqual([]);
  });
});

describe('the node lifecycle controller', () => {
  it('marks a cut-off node NotReady after the 40 s grace period, and its endpoints not ready, while kubectl still shows the pod Running', () => {
    const { engine, cluster, trace } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(12_000);
    expect(readyEndpoints(cluster)).toContain('node-a');
    cluster.setKubeletReachable('node-a', false, 'eu-west-1a lost');
    engine.runUntil(54_999);
    expect(cluster.nodeStatus('node-a')).toBe('Ready');
    expect(readyEndpoints(cluster)).toContain('node-a');
    engine.runUntil(55_000);
    expect(cluster.nodeStatus('node-a')).toBe('NotReady');
    expect(readyEndpoints(cluster).sort()).toEqual(['node-b', 'node-c']);
    const onA = cluster.getPods().find((r) => r.NODE === 'node-a')!;
    // The container status is untouched (the kubelet cannot report); only the pod's Ready condition is False.
    expect(onA).toMatchObject({ READY: '1/1', STATUS: 'Running' });
    expect(trace.records().some((r) => r.kind === 'state' && r.component === `pod:default/${onA.NAME}` && r.to === 'NotReady' && r.t === 55_000)).toBe(true);
  });

  it('evicts the pods 300 s later; they stay Terminating and their replacements go to reachable nodes', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(12_000);
    const onA = cluster.getPods().find((r) => r.NODE === 'node-a')!.NAME;
    cluster.setKubeletReachable('node-a', false, 'eu-west-1a lost');
    engine.runUntil(354_999);
    expect(cluster.getPods()).toHaveLength(3);
    engine.runUntil(355_000);
    engine.runUntil(360_000);
    const rows = cluster.getPods();
    expect(rows.find((r) => r.NAME === onA)?.STATUS).toBe('Terminating');
    const live = rows.filter((r) => r.STATUS === 'Running');
    expect(live).toHaveLength(3);
    expect(live.map((r) => r.NODE)).not.toContain('node-a');
    // Back: the kubelet hears of the deletion and the old pod goes; the node is Ready at its next heartbeat.
    cluster.setKubeletReachable('node-a', true, 'eu-west-1a back');
    engine.runUntil(371_000);
    expect(cluster.nodeStatus('node-a')).toBe('Ready');
    expect(cluster.getPods().map((r) => r.NAME)).not.toContain(onA);
  });

  it('brings a node back Ready with its pods when the kubelet returns before the eviction', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(12_000);
    const before = cluster.getPods().map((r) => r.NAME);
    cluster.setKubeletReachable('node-a', false, 'lost');
    engine.runUntil(100_000);
    expect(cluster.nodeStatus('node-a')).toBe('NotReady');
    cluster.setKubeletReachable('node-a', true, 'back');
    engine.runUntil(110_001);
    expect(cluster.nodeStatus('node-a')).toBe('Ready');
    expect(readyEndpoints(cluster)).toContain('node-a');
    engine.runUntil(500_000);
    expect(cluster.getPods().map((r) => r.NAME)).toEqual(before);
  });
});
