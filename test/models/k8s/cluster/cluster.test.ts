import { describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../../src/sim';
import { makeCluster, manifests, NGINX } from './harness';

describe('a cluster running the course notes nginx Deployment and Service', () => {
  it('spreads three replicas over three zones and makes them Running and ready', () => {
    const { engine, cluster } = makeCluster();
    expect(cluster.apply(manifests(NGINX))).toEqual([]);
    engine.runUntil(5_000);
    const rows = cluster.getPods();
    expect(rows.map((r) => [r.READY, r.STATUS, r.NODE])).toEqual(
      expect.arrayContaining([
        ['1/1', 'Running', 'node-a'],
        ['1/1', 'Running', 'node-b'],
        ['1/1', 'Running', 'node-c'],
      ]),
    );
    const hash = cluster.deployment('default', 'nginx')!.hash;
    for (const r of rows) expect(r.NAME).toMatch(new RegExp(`^nginx-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('allocates a ClusterIP from 10.96.0.0/12 and a NodePort from 30000-32767, and no healthCheckNodePort for Cluster', () => {
    const { cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    const svc = cluster.service('default', 'nginx-loadbalancer')!;
    expect(svc.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(svc.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.ports[0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(svc.healthCheckNodePort).toBeUndefined();
    expect(svc.loadBalancer).toMatchObject({ kind: 'nlb', controller: 'cloud-provider-aws', targetType: 'instance' });
  });

  it('shows ContainerCreating, then Running 0/1, then 1/1 in kubectl get pods', () => {
    const { engine, cluster } = makeCluster(1, () => 'silent', { podTiming: { containerCreatingMs: 3_000 } });
    cluster.apply(manifests(NGINX));
    engine.runUntil(1_000);
    expect(cluster.getPods().map((r) => `${r.READY} ${r.STATUS}`)).toEqual(['0/1 ContainerCreating', '0/1 ContainerCreating', '0/1 ContainerCreating']);
    engine.runUntil(5_000);
    expect(cluster.getPods().map((r) => `${r.READY} ${r.STATUS}`)).toEqual(['0/1 Running', '0/1 Running', '0/1 Running']);
    expect(cluster.kubectlGetPods()).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nnginx-\S+\s+0\/1\s+Running\s+0\s+5s/);
  });

  it('routes a new connection on a NodePort to a ready endpoint, with the rule in the why', () => {
    const { engine, cluster, trace } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const nodePort = cluster.service('default', 'nginx-loadbalancer')!.ports[0]!.nodePort!;
    const d = cluster.connect('node-a', { dstIp: '10.0.1.10', dstPort: nodePort, srcIp: '203.0.113.7', srcPort: 40000 }, 'r1');
    expect(d.kind).toBe('forward');
    expect(d.why).toMatch(/rule [123] of 3/);
    const record = trace.records().at(-1);
    expect(record).toMatchObject({ kind: 'decision', component: 'kube-proxy:node-a', requestId: 'r1' });
  });

  it('resolves nginx-loadbalancer.default.svc.cluster.local to its ClusterIP', () => {
    const { cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    const a = cluster.lookup('nginx-loadbalancer.default.svc.cluster.local.');
    expect(a).toMatchObject({ rcode: 'NOERROR', ip: cluster.service('default', 'nginx-loadbalancer')!.clusterIP, ttl: 30 });
    expect(cluster.lookup('auth.default.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(cluster.lookup('example.com').rcode).toBe('NOT_CLUSTER');
    expect(cluster.resolvConf('shop').search).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  });

  it('gives the same trace for the same seed and different pod names for another seed', () => {
    const run = (seed: number) => {
      const { engine, cluster, trace } = makeCluster(seed);
      cluster.apply(manifests(NGINX));
      engine.runUntil(30_000);
      for (let i = 0; i < 20; i++) cluster.connect('node-b', { dstIp: '10.0.2.10', dstPort: cluster.service('default', 'nginx-loadbalancer')!.ports[0]!.nodePort!, srcIp: '203.0.113.9' });
      return { lines: trace.records().map(toJsonLine).join('\n'), names: cluster.getPods().map((r) => r.NAME).join(',') };
    };
    expect(run(7).lines).toBe(run(7).lines);
    expect(run(7).names).not.toBe(run(8).names);
  });
});
