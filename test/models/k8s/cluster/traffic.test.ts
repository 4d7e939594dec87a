import { describe, expect, it } from 'vitest';
import type { PodRef } from '../../../../src/models/k8s/pod/pod';
import { makeCluster, manifests, NGINX } from './harness';

const LOCAL = NGINX.replace('type: LoadBalancer', 'type: LoadBalancer\n  externalTrafficPolicy: Local').replace('replicas: 3', 'replicas: 2');

function nodePort(cluster: ReturnType<typeof makeCluster>['cluster']): number {
  return cluster.service('default', 'nginx-loadbalancer')!.ports[0]!.nodePort!;
}

describe('readiness changes reach kube-proxy at its next sync', () => {
  it('stops sending new connections to a pod once its endpoint is not ready and the rules are synced', () => {
    const holder: { sick?: string } = {};
    const { engine, cluster, trace } = makeCluster(1, (pod: PodRef) => ({ outcome: 'http', status: pod.name === holder.sick ? 500 : 200 }));
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const sick = cluster.getPods().find((r) => r.NODE === 'node-b')!.NAME;
    holder.sick = sick;
    engine.runUntil(40_000);
    const endpointRecord = trace
      .records()
      .find((r) => r.kind === 'state' && r.component === 'endpoints:default/nginx-loadbalancer' && r.from === 'ready' && r.to === 'not ready');
    if (endpointRecord?.kind !== 'state') throw new Error('no endpoint record');
    expect(endpointRecord.why).toContain(`(${sick}): ready true → false`);
    expect(endpointRecord.why).toContain('readiness probe failed 3 times in a row (failureThreshold 3): HTTP probe failed with statuscode: 500');
    for (let i = 0; i < 200; i++) {
      const d = cluster.connect('node-a', { dstIp: '10.0.1.10', dstPort: nodePort(cluster), srcIp: '203.0.113.7' });
      expect(d.kind === 'forward' && d.endpoint.pod).not.toBe(sick);
    }
  });

  it('applies a change that comes within min-sync-period of the last sync only when the period is over', () => {
    const { engine, cluster, trace } = makeCluster(1, undefined, { podTiming: { containerCreatingMs: 500 } });
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const syncs = trace
      .records()
      .filter((r) => r.kind === 'decision' && r.component === 'kube-proxy:node-a' && r.decision === 'sync rules')
      .map((r) => r.t);
    // Service created at 0 (sync at 0); pods get IPs at 0 (folded into the same sync), start at 500 ms
    // and turn ready at 501 ms: those changes wait for 0 + 1000 ms.
    expect(syncs).toEqual([0, 1_000]);
  });

  it('delays every update by the endpoint propagation time', () => {
    const { engine, cluster, trace } = makeCluster(1, undefined, { endpointPropagationMs: 300 });
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const syncs = trace.records().filter((r) => r.kind === 'decision' && r.component === 'kube-proxy:node-c').map((r) => r.t);
    expect(syncs[0]).toBe(300);
  });
});

describe('externalTrafficPolicy Local in a cluster', () => {
  it('allocates a healthCheckNodePort that answers 200 on nodes with a pod and 503 on the others', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(LOCAL));
    engine.runUntil(5_000);
    const svc = cluster.service('default', 'nginx-loadbalancer')!;
    expect(svc.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    const hc = svc.healthCheckNodePort!;
    expect(cluster.healthz('node-a', hc)?.status).toBe(200);
    expect(cluster.healthz('node-b', hc)?.status).toBe(200);
    expect(cluster.healthz('node-c', hc)?.status).toBe(503);
    const viaConnect = cluster.connect('node-c', { dstIp: '10.0.3.10', dstPort: hc, srcIp: '10.0.3.200' });
    expect(viaConnect.kind === 'healthz' && viaConnect.answer.status).toBe(503);
    const traffic = cluster.connect('node-c', { dstIp: '10.0.3.10', dstPort: nodePort(cluster), srcIp: '203.0.113.7' });
    expect(traffic.kind).toBe('dropped');
  });
});

describe('terminating endpoints in a cluster', () => {
  it('sends traffic to serving-but-terminating pods when no pod is ready', () => {
    const { engine, cluster } = makeCluster(1, undefined, { podTiming: { exitAfterSigtermMs: 20_000, containerCreatingMs: 10_000 } });
    cluster.apply(manifests(NGINX.replace('replicas: 3', 'replicas: 1')));
    engine.runUntil(15_000);
    const old = cluster.getPods()[0]!.NAME;
    cluster.deletePod('default', old, 'rollout');
    engine.runUntil(17_000); // the replacement is still ContainerCreating; rules synced
    const d = cluster.connect('node-a', { dstIp: '10.0.1.10', dstPort: nodePort(cluster), srcIp: '203.0.113.7' });
    expect(d.kind === 'forward' && d.endpoint.pod).toBe(old);
    expect(d.why).toContain('falling back to terminating ones that still serve');
    const slice = cluster.endpointSlices('default', 'nginx-loadbalancer')[0]!;
    const e = slice.endpoints.find((x) => x.targetRef.name === old)!;
    expect(e.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('refuses connections when the Service has no endpoint at all', () => {
    const { engine, cluster } = makeCluster(1, () => ({ outcome: 'refused' }));
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const d = cluster.connect('node-a', { dstIp: '10.0.1.10', dstPort: nodePort(cluster), srcIp: '203.0.113.7' });
    expect(d.kind).toBe('refused');
  });
});
