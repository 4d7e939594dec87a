/** kubectl's view of nodes and Pending pods, from the Kubernetes model through the terminal adapter. */
import { describe, expect, it } from 'vitest';
import { clusterView } from '../../../src/scenario/terminal/adapters/k8s';
import { FakeHost, runLine } from '../../models/shell/fixture';
import { makeCluster, manifests, NGINX } from '../../models/k8s/cluster/harness';

function hostOf(c: ReturnType<typeof makeCluster>) {
  const host = new FakeHost();
  host.cluster = () => clusterView(c.cluster, c.trace.records());
  host.now = () => c.engine.now;
  return host;
}

describe('kubectl through the cluster adapter', () => {
  it('lists a Pending pod no node can take, with no IP and no node', () => {
    const c = makeCluster();
    c.cluster.apply(manifests(NGINX));
    c.engine.runUntil(5_000);
    for (const n of ['node-a', 'node-b', 'node-c']) c.cluster.cordon(n, 'cordon');
    c.cluster.scale('default', 'nginx', 4, 'scale');
    c.engine.runUntil(6_000);
    const lines = runLine(hostOf(c), 'kubectl get pods -o wide').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => /\s0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/.test(l))).toHaveLength(1);
  });

  it('shows a node whose kubelet went silent NotReady, and its pods not Ready in describe', () => {
    const c = makeCluster();
    c.cluster.apply(manifests(NGINX));
    c.engine.runUntil(12_000);
    c.cluster.setKubeletReachable('node-a', false, 'lost');
    c.engine.runUntil(60_000);
    const host = hostOf(c);
    expect(runLine(host, 'kubectl get nodes').stdout).toMatch(/^node-a\s+NotReady\s/m);
    expect(runLine(host, 'kubectl get nodes').stdout).toMatch(/^node-b\s+Ready\s/m);
    const onA = c.cluster.getPods().find((r) => r.NODE === 'node-a')!.NAME;
    expect(runLine(host, `kubectl describe pod ${onA}`).stdout).toMatch(/^\s+Ready\s+False\s*$/m);
  });
});
