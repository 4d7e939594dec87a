/**
 * Timing rules of behaviour.md §3–5, checked through a whole world: the
 * kubelet's readiness threshold, the NLB's unhealthy threshold and its DNS
 * answer, CrashLoopBackOff delays, and DNS answers expiring at their TTL.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord, StateRecord, TraceRecord } from '../../src/sim';
import { createWorld } from '../../src/scenario';
import { fullPath, scenarioFrom } from './fixtures';

/** Three nodes in three AZs, Deployment web (3 pods, readiness every 5 s), an NLB in front (legacy provider). */
const small = (faults: string) =>
  scenarioFrom(`name: Small cluster
cluster:
  nodes:
    - { name: node-1, ip: 10.0.1.10, az: eu-west-1a }
    - { name: node-2, ip: 10.0.2.10, az: eu-west-1b }
    - { name: node-3, ip: 10.0.3.10, az: eu-west-1c }
  loadBalancers:
    - { service: web-lb, addresses: { eu-west-1a: 52.16.10.1, eu-west-1b: 52.16.20.1, eu-west-1c: 52.16.30.1 } }
apps:
  web: { responseMs: 5, startup: 1s, crashAfter: 2s }
faults:
${faults}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1
          ports: [ { containerPort: 8080 } ]
          readinessProbe: { httpGet: { path: /health, port: 8080 }, periodSeconds: 5, failureThreshold: 3 }
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
  annotations: { service.beta.kubernetes.io/aws-load-balancer-type: "nlb" }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [ { port: 80, targetPort: 8080 } ]
`);

function run(faults: string, untilMs: number): TraceRecord[] {
  const world = createWorld(small(faults), { seed: 1, traceWindow: 1_000_000 });
  world.runUntil(untilMs);
  return world.trace.records();
}

const states = (records: TraceRecord[], component: (c: string) => boolean) =>
  records.filter((r): r is StateRecord => r.kind === 'state' && component(r.component));

/** The pod a fault hit: the `command` record names it in its why. */
function podHit(records: TraceRecord[]): string {
  const command = records.find((r) => r.kind === 'command');
  const name = command?.kind === 'command' ? /^(web-[a-z0-9]+-[a-z0-9]+)/.exec(command.why)?.[1] : undefined;
  if (name === undefined) throw new Error('no command record');
  return `pod:default/${name}`;
}

describe('timing rules through a world', () => {
  it('marks a pod NotReady at its third failed readiness probe (failureThreshold 3, periodSeconds 5), not before', () => {
    const records = run('  - { at: 20s, unhealthy: web/1 }', 40_000);
    const pod = podHit(records);
    const notReady = states(records, (c) => c === pod).find((r) => r.to === 'NotReady' && r.t > 20_000);
    expect(notReady).toBeDefined();
    const failed = records.filter((r): r is DecisionRecord => r.kind === 'decision' && r.component === pod && r.decision === 'health 503' && r.t > 20_000 && r.t <= (notReady?.t ?? 0));
    expect(failed).toHaveLength(3);
    expect((notReady?.t ?? 0) - 20_000).toBeGreaterThan(10_000);
    expect((notReady?.t ?? 0) - 20_000).toBeLessThanOrEqual(15_100);
    // The endpoint follows the pod: ready=false at the same instant.
    expect(records.some((r) => r.kind === 'state' && r.component === 'endpoints:default/web-lb' && r.t === notReady?.t && r.to === 'not ready')).toBe(true);
  });

  it('takes an NLB target unhealthy after 3 failed checks 30 s apart (legacy provider), and drops its AZ from DNS then', () => {
    const records = run('  - { at: 120s, lose-az: eu-west-1c }', 240_000);
    const targets = states(records, (c) => c.startsWith('nlb:') && c.includes('/tg-'));
    const unhealthy = targets.filter((r) => r.to === 'unhealthy');
    expect(unhealthy).toHaveLength(1);
    const u = unhealthy[0]!;
    expect(u.component).toMatch(/i-0+3:\d+$/);
    expect(u.why).toContain('3 consecutive TCP health checks failed (threshold 3)');
    // The node was last seen healthy at 120 s; three rounds 30 s apart, the last one timing out after 10 s.
    expect(u.t - 120_000).toBeGreaterThan(60_000);
    expect(u.t - 120_000).toBeLessThanOrEqual(100_000);
    const dns = states(records, (c) => c.endsWith('/dns')).filter((r) => r.t === u.t);
    expect(dns.map((r) => [r.from, r.to])).toEqual([['52.16.10.1,52.16.20.1,52.16.30.1', '52.16.10.1,52.16.20.1']]);
    // The other two targets passed 3 checks (healthy threshold 3) and stayed healthy.
    expect(targets.filter((r) => r.to === 'healthy')).toHaveLength(3);
  });

  it('restarts a crash-looping container at once, then after 10, 20, 40 and 80 s of CrashLoopBackOff', () => {
    const records = run('  - { at: 20s, crash: web/0, for: 10m }', 200_000);
    const pod = podHit(records);
    const life = states(records, (c) => c === pod).filter((r) => r.t >= 20_000);
    const exits = life.filter((r) => r.to === 'Error').map((r) => r.t);
    const restarts = life.filter((r) => r.to === 'Running').map((r) => r.t);
    const delays = restarts.map((t, i) => t - (exits[i] ?? NaN));
    expect(delays.slice(0, 5)).toEqual([0, 10_000, 20_000, 40_000, 80_000]);
    expect(life.filter((r) => r.to === 'CrashLoopBackOff').length).toBeGreaterThanOrEqual(4);
  });

  it('asks Route 53 again only when the 60 s alias TTL has run out, and the root and com servers only once', () => {
    // The browser alone: concurrent first lookups from many clients would each walk the tree.
    const scenario = fullPath();
    const world = createWorld({ ...scenario, traffic: scenario.traffic.filter((t) => t.id === 'browser') }, { seed: 1, traceWindow: 2_000_000 });
    world.runUntil(135_000);
    const queriesTo = (server: string) =>
      world.trace.records().filter((r) => r.kind === 'deliver' && r.type === 'dns' && r.to === server && r.summary.startsWith('my-nlb-url.com.')).map((r) => r.t);
    const route53 = queriesTo('ns-1.awsdns-01.com');
    expect(queriesTo('dns-root')).toHaveLength(1);
    expect(queriesTo('dns-com')).toHaveLength(1);
    // Each answer is cached for its TTL: the next query to Route 53 comes only after 60 s.
    expect(route53.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < route53.length; i++) expect((route53[i] ?? 0) - (route53[i - 1] ?? 0)).toBeGreaterThanOrEqual(60_000);
    expect((route53[1] ?? 0) - (route53[0] ?? 0)).toBeLessThan(61_000);
  });
});
