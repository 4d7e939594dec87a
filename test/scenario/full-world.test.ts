import { describe, expect, it } from 'vitest';
import type { LogRecord, OutcomeRecord, TraceRecord } from '../../src/sim';
import { createWorld } from '../../src/scenario';
import { forwardProxy, fullPath, lessonText, scenarioFrom, singleServer } from './fixtures';

const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
const logs = (records: TraceRecord[], component: string) => records.filter((r): r is LogRecord => r.kind === 'log' && r.component === component).map((r) => r.line);

/** The components a request's packets were delivered to, in order, without repeats. */
function path(records: TraceRecord[], requestId: string, type: string): string[] {
  const hops: string[] = [];
  for (const r of records) {
    if (r.kind !== 'deliver' || r.requestId !== requestId || r.type !== type) continue;
    if (hops.length === 0) hops.push(r.from);
    if (hops.at(-1) !== r.to) hops.push(r.to);
  }
  return hops;
}

describe('the full path (full-path.yaml)', () => {
  const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
  world.runUntil(16_000);
  const records = world.trace.records();

  it('answers my-nlb-url.com/auth/login with 200 from an auth pod', () => {
    const first = outcomes(records).find((o) => o.requestId === 'browser#1');
    expect(first).toMatchObject({ status: 200, result: 'ok', servedBy: expect.stringMatching(/^pod:default\/auth-/) });
  });

  it('resolves through the resolver, the root, the com servers and Route 53, whose alias answers with the NLB addresses', () => {
    expect(path(records, 'browser#1', 'dns')).toEqual(['browser', 'resolver', 'dns-root', 'resolver', 'dns-com', 'resolver', 'ns-1.awsdns-01.com', 'resolver', 'browser']);
    const answer = records.find((r) => r.kind === 'decision' && r.component === 'resolver' && r.requestId === 'browser#1');
    expect(answer).toMatchObject({ decision: 'resolved', why: expect.stringContaining('52.16.10.1, 52.16.20.1, 52.16.30.1') });
  });

  it('goes browser → NLB node → Kubernetes node → nginx pod → auth pod, and back', () => {
    const hops = path(records, 'browser#1', 'request');
    expect(hops[0]).toBe('browser');
    expect(hops[1]).toMatch(/^nlb-eu-west-1[abc]$/);
    expect(hops[2]).toMatch(/^node-[123]$/);
    expect(hops.at(-2)).toMatch(/^pod:default\/nginx-/);
    expect(hops.at(-1)).toMatch(/^pod:default\/auth-/);
  });

  it('has nginx resolve auth-service once, at start, to its ClusterIP through the pod search path', () => {
    const resolved = records.filter((r) => r.kind === 'decision' && r.decision === 'resolve auth-service');
    expect(resolved).toHaveLength(2);
    expect(resolved[0]).toMatchObject({ why: expect.stringContaining('auth-service.default.svc.cluster.local is Service default/auth-service') });
  });

  it('serves /static/ from nginx itself and sends /api/ to an api pod', () => {
    const served = (path: string) => outcomes(records).filter((o) => records.some((r) => r.kind === 'request' && r.requestId === o.requestId && r.url.endsWith(path)));
    const statics = served('/static/app.js');
    expect(statics.length).toBeGreaterThan(10);
    for (const o of statics) expect(o).toMatchObject({ status: 200, servedBy: expect.stringMatching(/^pod:default\/nginx-/) });
    for (const o of served('/api/users')) expect(o.servedBy).toMatch(/^pod:default\/api-/);
  });

  it('lets the nginx pods see the node address (SNAT, externalTrafficPolicy Cluster), not the client', () => {
    const nginxLines = records.filter((r): r is LogRecord => r.kind === 'log' && r.component.startsWith('pod:default/nginx-') && r.stream.endsWith('access.log'));
    expect(nginxLines.length).toBeGreaterThan(0);
    for (const l of nginxLines) expect(l.line).toMatch(/^10\.0\.[123]\.10 /);
  });

  it('reports every component kind in its snapshot', () => {
    const kinds = new Set(world.snapshot().components.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['client', 'dns-server', 'nlb-node', 'node', 'pod', 'resolver']);
  });
});

describe('forward proxy versus reverse proxy (forward-proxy.yaml)', () => {
  const world = createWorld(forwardProxy(), { seed: 1, traceWindow: 100_000 });
  world.runUntil(5_000);
  const records = world.trace.records();

  it('has nginx see alice herself, but only the proxy for bob', () => {
    const lines = logs(records, 'www');
    expect(lines.some((l) => l.startsWith('203.0.113.7 '))).toBe(true);
    expect(lines.some((l) => l.startsWith('198.51.100.77 '))).toBe(true);
    expect(lines.some((l) => l.startsWith('192.168.1.23 '))).toBe(false);
  });

  it('has the app servers see only nginx, and learn the clients from the forwarded header', () => {
    const lines = ['app-1', 'app-2', 'app-3'].flatMap((id) => logs(records, id));
    for (const l of lines) expect(l).toMatch(/^198\.51\.100\.20 /);
    // The forwarded header, then X-Real-IP: nginx's $remote_addr, which for bob is the proxy.
    expect(lines.some((l) => l.endsWith('"203.0.113.7" x-real-ip="203.0.113.7"'))).toBe(true);
    expect(lines.some((l) => l.endsWith('"192.168.1.23, 198.51.100.77" x-real-ip="198.51.100.77"'))).toBe(true);
  });

  it('never has bob look the site up: the proxy does', () => {
    const bobDns = records.filter((r) => r.kind === 'send' && r.type === 'dns' && r.from === 'bob');
    const proxyDns = records.filter((r) => r.kind === 'send' && r.type === 'dns' && r.from === 'office-proxy');
    expect([bobDns.length, proxyDns.length > 0]).toEqual([0, true]);
  });
});

describe('a single server (single-server.yaml)', () => {
  it('refuses every request while its one machine is down, and serves again once restarted', () => {
    const world = createWorld(singleServer(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(60_000);
    const byWindow = (from: number, to: number) => new Set(outcomes(world.trace.records()).filter((o) => o.t >= from && o.t < to).map((o) => o.result));
    expect(byWindow(1_000, 30_000)).toEqual(new Set(['ok']));
    expect(byWindow(30_100, 45_000)).toEqual(new Set(['refused']));
    // The app takes its 3 s startup after the restart at 45 s.
    expect(byWindow(48_200, 60_000)).toEqual(new Set(['ok']));
  });
});

describe('nginx resolving its upstream names at start', () => {
  it('on a machine: through public DNS, one peer per address the name has', () => {
    const scenario = scenarioFrom(`name: nginx on a machine
dns:
  zones:
    - zone: example.com
      records:
        - { name: www.example.com, a: 198.51.100.20 }
        - { name: app.example.com, a: [10.0.1.10, 10.0.1.11] }
machines:
  - id: www
    address: 198.51.100.20
    nginx:
      conf: |
        upstream backend { server app.example.com:3000; }
        server { listen 80; location / { proxy_pass http://backend; } }
  - { id: app-1, address: 10.0.1.10, port: 3000, app: {} }
  - { id: app-2, address: 10.0.1.11, port: 3000, app: {} }
traffic:
  - { id: alice, address: 203.0.113.7, url: http://www.example.com/, every: 1s }
`);
    const world = createWorld(scenario, { seed: 1 });
    world.runUntil(6_000);
    const servedBy = new Set(outcomes(world.trace.records()).map((o) => o.servedBy));
    expect(servedBy).toEqual(new Set(['app-1', 'app-2']));
  });

  it('in a pod: an upstream Service that does not exist stops nginx from starting, and the pod crash-loops', () => {
    const text = lessonText('full-path.yaml').replace('upstream auth { server auth-service:80; }', 'upstream auth { server auth-svc:80; }');
    const world = createWorld(scenarioFrom(text), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(30_000);
    const records = world.trace.records();
    const errors = records.filter((r): r is LogRecord => r.kind === 'log' && r.stream === 'error.log' && r.component.startsWith('pod:default/nginx-'));
    expect(errors[0]?.line).toBe('nginx: [emerg] host not found in upstream "auth-svc:80" in /etc/nginx/conf.d/default.conf:1');
    const nginxStates = records.filter((r) => r.kind === 'state' && r.component.startsWith('pod:default/nginx-')).map((r) => (r.kind === 'state' ? r.to : ''));
    expect(nginxStates).toContain('CrashLoopBackOff');
    // With no nginx listening anywhere, kube-proxy refuses every connection to the NodePort.
    expect(new Set(outcomes(records).map((o) => o.result))).toEqual(new Set(['refused']));
  });
});
