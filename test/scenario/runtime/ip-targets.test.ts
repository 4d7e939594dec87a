/**
 * NLB `ip` targets (AWS Load Balancer Controller, `aws-load-balancer-type:
 * external` + `aws-load-balancer-nlb-target-type: ip`): the NLB connects
 * straight to ready pods, which see the NLB node's private address.
 */
import { describe, expect, it } from 'vitest';
import { toJsonLine, type DecisionRecord, type OutcomeRecord, type PacketRecord, type StateRecord, type TraceRecord } from '../../../src/sim';
import { createWorld, type World } from '../../../src/scenario';
import { wantedTargets, targetDiff } from '../../../src/scenario/runtime/nlb-ip-targets';
import { lessonText, scenarioFrom } from '../fixtures';

const ipTargets = () => scenarioFrom(lessonText('ip-targets.yaml'), 'ip-targets.yaml');
const world = (seed = 1): World => createWorld(ipTargets(), { seed, traceWindow: 500_000 });
const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
const controller = (records: TraceRecord[], decision: string) =>
  records.filter((r): r is DecisionRecord => r.kind === 'decision' && r.component.startsWith('aws-load-balancer-controller:') && r.decision === decision);

describe('NLB ip targets', () => {
  const w = world();
  w.runUntil(60_000);
  const records = w.trace.records();

  it('registers each ready nginx pod, initial until its health checks pass, then healthy', () => {
    expect(controller(records, 'register').map((r) => r.why.match(/register (\S+)/)?.[1])).toEqual(['10.244.0.2:80', '10.244.1.2:80', '10.244.2.2:80']);
    const healthy = records.filter((r): r is StateRecord => r.kind === 'state' && r.component.includes('/tg-') && r.to === 'healthy');
    expect(healthy).toHaveLength(3);
    // LBC defaults: TCP every 10 s, 3 passes.
    expect(Math.min(...healthy.map((r) => r.t))).toBeGreaterThan(30_000);
  });

  it('answers 200 end to end', () => {
    const done = outcomes(records);
    expect(done.length).toBeGreaterThan(100);
    expect(done.every((o) => o.status === 200)).toBe(true);
  });

  it('connects straight to the pod, whose packets come from the NLB node\'s private IP (no NodePort, no kube-proxy hop)', () => {
    const hops = records.filter((r) => r.kind === 'deliver' && r.type === 'request' && r.to.startsWith('pod:default/nginx-'));
    expect(hops.length).toBeGreaterThan(100);
    for (const h of hops) {
      if (h.kind !== 'deliver') continue;
      expect(h.from).toMatch(/^nlb-eu-west-1[abc]$/);
      expect(h.src).toMatch(/^10\.0\.[123]\.250:\d+$/);
      expect(h.dst).toMatch(/^10\.244\.\d+\.\d+:80$/);
    }
    // No request hop enters a Kubernetes node on its way to nginx.
    expect(records.some((r) => r.kind === 'deliver' && r.type === 'request' && r.from.startsWith('nlb-') && !r.to.startsWith('pod:'))).toBe(false);
  });

  it('health-checks the pod on its traffic port from every NLB node', () => {
    const checks = records.filter((r): r is PacketRecord => r.kind === 'send' && r.type === 'health' && r.from.startsWith('nlb-') && r.to === 'pod:default/nginx-55cfdff8ff-89vc8');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c.summary).toMatch(/^SYN 10\.0\.[123]\.250:\d+ → 10\.244\.0\.2:80$/);
    expect(new Set(checks.map((c) => c.from))).toEqual(new Set(['nlb-eu-west-1a', 'nlb-eu-west-1b', 'nlb-eu-west-1c']));
  });
});

describe('NLB ip targets as pods go', () => {
  it('deregisters a deleted pod, which drains, and registers its replacement as initial', () => {
    const w = world();
    w.runUntil(50_000);
    w.inject({ kind: 'kill', target: 'nginx/0' });
    w.runUntil(70_000);
    const records = w.trace.records().filter((r) => r.t >= 50_000);
    const gone = controller(records, 'deregister');
    expect(gone).toHaveLength(1);
    expect(gone[0]?.t).toBeLessThanOrEqual(51_000);
    const ip = gone[0]?.why.match(/deregister (\S+):80/)?.[1] ?? '';
    const draining = records.find((r): r is StateRecord => r.kind === 'state' && r.component.endsWith(`/${ip}:80`) && r.to === 'draining');
    expect(draining?.why).toContain('deregistration delay (300 s)');
    const added = controller(records, 'register');
    expect(added).toHaveLength(1);
    expect(added[0]?.why).not.toContain(ip);
    // After the drain, new flows of that AZ go to the replacement only (fail-open while it is initial).
    const routed = records.filter((r) => r.kind === 'decision' && r.decision.startsWith('→') && r.t > (gone[0]?.t ?? 0));
    expect(routed.some((r) => r.kind === 'decision' && r.decision.includes(ip))).toBe(false);
  });

  it('gives a byte-identical trace for the same seed and commands', () => {
    const bytes = () => {
      const w = createWorld(ipTargets(), { seed: 3, traceWindow: 10 });
      const lines: string[] = [];
      w.trace.subscribe((r) => lines.push(toJsonLine(r)));
      w.runUntil(48_000);
      w.inject({ kind: 'kill', target: 'nginx/1' });
      w.runUntil(55_000);
      return lines.join('\n');
    };
    const a = bytes();
    expect(a.length).toBeGreaterThan(50_000);
    expect(bytes()).toBe(a);
  });
});

describe('the controller\'s diff', () => {
  const slice = (ready: boolean[]) => [
    {
      name: 's',
      namespace: 'default',
      service: 'web',
      addressType: 'IPv4' as const,
      ports: [{ name: '', port: 80, protocol: 'TCP' as const }],
      endpoints: ready.map((r, i) => ({
        address: `10.244.${i}.2`,
        zone: `az-${i}`,
        conditions: { ready: r, serving: r, terminating: !r },
        targetRef: { kind: 'Pod' as const, namespace: 'default', name: `web-${i}` },
      })),
    },
  ];

  it('wants only ready endpoints, and keeps a draining target from being registered twice', () => {
    const wanted = wantedTargets(slice([true, false]), '');
    expect(wanted.map((t) => `${t.ip}:${t.port}@${t.az}`)).toEqual(['10.244.0.2:80@az-0']);
    const draining = { id: '10.244.0.2', ip: '10.244.0.2', port: 80, az: 'az-0', health: { state: 'draining' as const } };
    const stale = { id: '10.244.1.2', ip: '10.244.1.2', port: 80, az: 'az-1', health: { state: 'healthy' as const } };
    const diff = targetDiff([draining, stale], wanted);
    expect(diff.add).toEqual([]);
    expect(diff.remove.map((t) => t.id)).toEqual(['10.244.1.2']);
  });
});
