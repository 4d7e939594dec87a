import { describe, expect, it } from 'vitest';
import { makeCluster, manifests, NGINX } from './harness';

const withProbePath = (path: string, replicas = 3) => NGINX.replace('path: /\n', `path: ${path}\n`).replace('replicas: 3', `replicas: ${replicas}`);

describe('kubectl apply on a running cluster', () => {
  it('scales a Deployment whose replica count changed, without a rollout', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const names = cluster.getPods().map((r) => r.NAME);
    const result = cluster.applyChanges(manifests(withProbePath('/', 5)), 'kubectl apply');
    expect(result).toEqual({ ok: true, results: ['service/nginx-loadbalancer unchanged', 'deployment.apps/nginx configured'] });
    engine.runUntil(10_000);
    const rows = cluster.getPods();
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.NAME)).toEqual(expect.arrayContaining(names));
  });

  it('rolls out a changed readiness probe: new pods use it, old ones go, and at least replicas − maxUnavailable stay ready throughout', () => {
    const { engine, cluster, trace } = makeCluster(1, undefined, { podTiming: { containerCreatingMs: 2_000 } });
    cluster.apply(manifests(withProbePath('/', 4)));
    engine.runUntil(20_000);
    const oldNames = cluster.getPods().map((r) => r.NAME);
    const oldRs = cluster.deployment('default', 'nginx')!.replicaSet;
    cluster.applyChanges(manifests(withProbePath('/healthz', 4)), 'kubectl apply');
    const d = cluster.deployment('default', 'nginx')!;
    expect(d.replicaSet).not.toBe(oldRs);
    let fewestReady = Infinity;
    let most = 0;
    for (let t = 20_000; t <= 120_000; t += 100) {
      engine.runUntil(t);
      const rows = cluster.getPods();
      fewestReady = Math.min(fewestReady, rows.filter((r) => r.READY === '1/1' && r.STATUS === 'Running').length);
      most = Math.max(most, rows.filter((r) => r.STATUS !== 'Terminating').length);
    }
    // replicas 4: maxUnavailable 25% → 1 (rounded down), maxSurge 25% → 1 (rounded up).
    expect(fewestReady).toBeGreaterThanOrEqual(3);
    expect(most).toBeLessThanOrEqual(5);
    const pods = cluster.podList();
    expect(pods).toHaveLength(4);
    for (const p of pods) {
      expect(oldNames).not.toContain(p.name);
      expect(p.name.startsWith(`${d.replicaSet}-`)).toBe(true);
      const probe = p.ref.container.readinessProbe;
      expect(probe?.handler.kind === 'httpGet' ? probe.handler.path : undefined).toBe('/healthz');
    }
    expect(trace.records().some((r) => r.kind === 'decision' && r.component === 'deployment:default/nginx' && r.why.includes('rolling update'))).toBe(true);
  });

  it('refuses a change of a Deployment selector as the API server does, and changes nothing', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const changed = NGINX.replace(/app: nginx/g, 'app: web');
    const result = cluster.applyChanges(manifests(changed), 'kubectl apply');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.problem.message)).toEqual(['spec.selector: Invalid value: a map: field is immutable']);
    expect(cluster.service('default', 'nginx-loadbalancer')?.spec.selector).toEqual({ app: 'nginx' });
  });

  it('creates a new Deployment and Service, and moves a ClusterIP Service to a new selector', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const web = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - { name: web, image: web:1, ports: [{ containerPort: 8080 }] }
---
apiVersion: v1
kind: Service
metadata: { name: inner }
spec:
  selector: { app: nginx }
  ports: [{ port: 80, targetPort: 80 }]
`;
    expect(cluster.applyChanges(manifests(web), 'kubectl apply')).toEqual({ ok: true, results: ['service/inner created', 'deployment.apps/web created'] });
    engine.runUntil(10_000);
    const ip = cluster.service('default', 'inner')!.clusterIP;
    const moved = cluster.applyChanges(manifests(web.replace('selector: { app: nginx }', 'selector: { app: web }').replace('targetPort: 80', 'targetPort: 8080')), 'kubectl apply');
    expect(moved).toEqual({ ok: true, results: ['service/inner configured', 'deployment.apps/web unchanged'] });
    engine.runUntil(12_000);
    expect(cluster.service('default', 'inner')!.clusterIP).toBe(ip);
    const addresses = cluster.endpointSlices('default', 'inner').flatMap((s) => s.endpoints.map((e) => e.targetRef.name));
    expect(addresses).toHaveLength(2);
    for (const a of addresses) expect(a.startsWith('web-')).toBe(true);
  });

  it('refuses to change the type of a LoadBalancer Service', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(5_000);
    const result = cluster.applyChanges(manifests(NGINX.replace('type: LoadBalancer', 'type: ClusterIP')), 'kubectl apply');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.problem.message).toMatch(/would create or delete a load balancer/);
    expect(cluster.service('default', 'nginx-loadbalancer')?.spec.type).toBe('LoadBalancer');
  });
});

describe('rollout strategies', () => {
  const strategy = (yaml: string, s: string, path: string) => withProbePath(path, 4).replace('  selector:\n    matchLabels:\n      app: nginx\n  template:', `  strategy: ${s}\n  selector:\n    matchLabels:\n      app: nginx\n  template:`) + yaml;

  const watch = (s: string) => {
    const { engine, cluster } = makeCluster(1, undefined, { podTiming: { containerCreatingMs: 2_000, exitAfterSigtermMs: 3_000 } });
    cluster.apply(manifests(strategy('', s, '/')));
    engine.runUntil(20_000);
    cluster.applyChanges(manifests(strategy('', s, '/healthz')), 'kubectl apply');
    const newRs = cluster.deployment('default', 'nginx')!.replicaSet;
    let fewestReady = Infinity;
    let most = 0;
    let mixed = false;
    for (let t = 20_000; t <= 150_000; t += 100) {
      engine.runUntil(t);
      const pods = cluster.podList();
      const ready = cluster.getPods().filter((r) => r.READY === '1/1' && r.STATUS === 'Running').length;
      fewestReady = Math.min(fewestReady, ready);
      most = Math.max(most, cluster.getPods().filter((r) => r.STATUS !== 'Terminating').length);
      if (pods.some((p) => p.name.startsWith(newRs)) && pods.some((p) => !p.name.startsWith(newRs))) mixed = true;
    }
    return { fewestReady, most, mixed, done: cluster.podList().every((p) => p.name.startsWith(newRs)) && cluster.podList().length === 4 };
  };

  it('keeps every replica ready with maxUnavailable 0 and adds at most maxSurge 1', () => {
    const r = watch('{ type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }');
    expect(r).toMatchObject({ fewestReady: 4, done: true });
    // Terminating pods do not count against maxSurge, as in Kubernetes.
    expect(r.most).toBe(5);
  });

  it('with Recreate, removes every old pod before the first new one starts', () => {
    const r = watch('{ type: Recreate }');
    expect(r).toMatchObject({ fewestReady: 0, mixed: false, done: true });
  });
});

describe('what counts as a new pod template', () => {
  it('rolls out a changed env, which the simulation does not use but Kubernetes hashes', () => {
    const { engine, cluster } = makeCluster();
    cluster.apply(manifests(NGINX));
    engine.runUntil(10_000);
    const before = cluster.deployment('default', 'nginx')!.replicaSet;
    const withEnv = NGINX.replace('        image: nginx:1.25\n', '        image: nginx:1.25\n        env:\n        - { name: MODE, value: blue }\n');
    expect(cluster.applyChanges(manifests(withEnv), 'kubectl apply')).toMatchObject({ ok: true, results: expect.arrayContaining(['deployment.apps/nginx configured']) });
    const after = cluster.deployment('default', 'nginx')!.replicaSet;
    expect(after).not.toBe(before);
    engine.runUntil(90_000);
    expect(cluster.podList().map((p) => p.name.startsWith(`${after}-`))).toEqual([true, true, true]);
    // The same env again is no change at all.
    expect(cluster.applyChanges(manifests(withEnv), 'kubectl apply')).toMatchObject({ ok: true, results: expect.arrayContaining(['deployment.apps/nginx unchanged']) });
  });
});
