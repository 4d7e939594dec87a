/**
 * Nothing is lost on the full path: whatever faults hit it and whenever,
 * every request issued ends with exactly one outcome, and the same seed and
 * commands replay the run byte for byte.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toJsonLine, type TraceRecord } from '../../src/sim';
import { createWorld, type AnyWorldCommand, type WorldCommand } from '../../src/scenario';
import { fullPath, lessonText } from './fixtures';

const UNTIL_MS = 36_000;
/** The clients' request timeout in full-path.yaml (the default): anything issued before UNTIL − this must have ended. */
const TIMEOUT_MS = 10_000;

const pods = ['frontend/0', 'frontend/1', 'frontend/2', 'api/0', 'api/1', 'api/2', 'auth/0', 'auth/1', 'auth/2'];
const commandArb: fc.Arbitrary<WorldCommand> = fc.oneof(
  fc.record({ kind: fc.constantFrom('crash' as const, 'hang' as const, 'slow' as const, 'unhealthy' as const, 'heal' as const, 'recover' as const), target: fc.constantFrom(...pods, 'nginx/0', 'nginx/1') }),
  fc.record({ kind: fc.constant('kill' as const), target: fc.constantFrom(...pods, 'nginx/0', 'nginx/1') }),
  fc.record({ kind: fc.constant('drain' as const), target: fc.constantFrom('node-1', 'node-2', 'node-3') }),
  fc.record({ kind: fc.constantFrom('lose-az' as const, 'restore-az' as const), target: fc.constantFrom('eu-west-1a', 'eu-west-1b', 'eu-west-1c') }),
  // Network faults: Route 53 edits (the alias TTL is refused, on purpose), health-check settings, cut links.
  fc.record({ kind: fc.constant('dns-ttl' as const), target: fc.constant('my-nlb-url.com'), ttlS: fc.integer({ min: 0, max: 600 }) }),
  fc.record({ kind: fc.constant('dns-record' as const), target: fc.constant('my-nlb-url.com'), value: fc.constantFrom('52.16.10.1', '52.16.20.1,52.16.30.1', 'alias:nginx-loadbalancer') }),
  fc.record({ kind: fc.constant('nlb-health-check' as const), target: fc.constant('nginx-loadbalancer'), intervalS: fc.integer({ min: 3, max: 40 }), unhealthyThreshold: fc.integer({ min: 2, max: 10 }) }),
  fc.record({
    kind: fc.constantFrom('cut-link' as const, 'restore-link' as const),
    target: fc.constantFrom('nlb-eu-west-1a|node-1', 'nlb-eu-west-1b|node-2', 'resolver|dns-root', 'browser|resolver', 'load|nlb-eu-west-1c', 'node-1|node-2'),
  }),
);
/** full-path.yaml's api Deployment, as kubectl apply would get it. */
const API_DEPLOYMENT = (lessonText('full-path.yaml').split(/^---$/m).find((d) => d.includes('kind: Deployment') && d.includes('name: api\n')) ?? '').trim();
// Kubernetes commands: scale, uncordon, and kubectl apply (a new count, a rollout to a probe path the app may fail, an invalid document).
const clusterArb: fc.Arbitrary<AnyWorldCommand> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), target: fc.constantFrom('api', 'auth', 'frontend', 'nginx'), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('uncordon' as const), target: fc.constantFrom('node-1', 'node-2', 'node-3') }),
  fc.record({
    kind: fc.constant('kubectl-apply' as const),
    target: fc.constant('cluster'),
    text: fc.constantFrom(
      API_DEPLOYMENT.replace('replicas: 3', 'replicas: 5'),
      API_DEPLOYMENT.replace('{ path: /health, port: 8080 }\n            periodSeconds: 5', '{ path: /ready, port: 8080 }\n            periodSeconds: 5'),
      API_DEPLOYMENT.replace('image: example/api:1.0', 'image: example/api:1.1'),
      API_DEPLOYMENT.replace('containerPort: 8080', 'containerPort: eighty'),
    ),
  }),
);
const anyCommandArb: fc.Arbitrary<AnyWorldCommand> = fc.oneof(commandArb, clusterArb);
const scheduleArb = fc.array(
  fc.record({ at: fc.integer({ min: 8_000, max: 24_000 }), command: anyCommandArb, forMs: fc.option(fc.integer({ min: 1_000, max: 15_000 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 6 },
);

function runWithFaults(seed: number, schedule: { at: number; command: AnyWorldCommand; forMs?: number }[], until = UNTIL_MS): TraceRecord[] {
  const world = createWorld(fullPath(), { seed, traceWindow: 2_000_000 });
  for (const { at, command, forMs } of [...schedule].sort((a, b) => a.at - b.at)) {
    world.runUntil(at);
    try {
      world.inject(forMs === undefined || command.kind === 'kubectl-apply' || command.kind === 'nginx-reload' ? command : { ...command, forMs });
    } catch {
      // A command whose target is gone right now (a pod index past the live pods) is refused; the run goes on.
    }
  }
  world.runUntil(until);
  return world.trace.records();
}

function checkOneOutcomeEach(records: TraceRecord[], until = UNTIL_MS): void {
  const issued = new Map<string, number>();
  const settled = new Set<string>();
  for (const r of records) {
    if (r.kind === 'request') issued.set(r.requestId, r.t);
    if (r.kind === 'outcome') {
      expect(issued.has(r.requestId), `outcome for unknown ${r.requestId}`).toBe(true);
      expect(settled.has(r.requestId), `second outcome for ${r.requestId}`).toBe(false);
      settled.add(r.requestId);
    }
  }
  for (const [id, t] of issued) if (t + TIMEOUT_MS < until) expect(settled.has(id), `${id} issued at ${t} never ended`).toBe(true);
}

describe('outcomes on the full path under faults', () => {
  it('ends every request issued with exactly one outcome, whatever faults hit and when', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 0, max: 1000 }), (schedule, seed) => {
        const records = runWithFaults(seed, schedule);
        checkOneOutcomeEach(records);
        expect(records.some((r) => r.kind === 'request')).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('sees failures of every client-side kind under harsh faults, so the property above is not vacuous', () => {
    const records = runWithFaults(3, [
      { at: 12_000, command: { kind: 'hang', target: 'auth/0' } },
      { at: 12_000, command: { kind: 'hang', target: 'auth/1' } },
      { at: 12_000, command: { kind: 'hang', target: 'auth/2' } },
      { at: 15_000, command: { kind: 'lose-az', target: 'eu-west-1a' } },
      { at: 18_000, command: { kind: 'crash', target: 'nginx/0' }, forMs: 20_000 },
      { at: 18_000, command: { kind: 'crash', target: 'nginx/1' }, forMs: 20_000 },
    ]);
    checkOneOutcomeEach(records);
    const results = new Set(records.flatMap((r) => (r.kind === 'outcome' ? [r.status > 0 ? String(r.status) : r.result] : [])));
    // Hung auth pods: clients give up (10 s) before nginx does (proxy_read_timeout 60 s).
    expect(results.has('200')).toBe(true);
    expect(results.has('timeout')).toBe(true);
    // Both nginx pods crash-looping: kube-proxy's REJECT rule refuses new connections.
    expect(results.has('refused')).toBe(true);
  });
});

describe('outcomes through the node lifecycle', () => {
  it('ends every request once while a lost AZ turns NotReady (40 s) and a drained, rescaled, re-applied cluster settles', () => {
    const until = 80_000;
    const records = runWithFaults(4, [
      { at: 9_000, command: { kind: 'lose-az', target: 'eu-west-1c' } },
      { at: 12_000, command: { kind: 'drain', target: 'node-2' }, forMs: 30_000 },
      { at: 15_000, command: { kind: 'scale', target: 'nginx', replicas: 3 } },
      { at: 20_000, command: { kind: 'kubectl-apply', target: 'cluster', text: API_DEPLOYMENT.replace('image: example/api:1.0', 'image: example/api:1.1') } },
      { at: 70_000, command: { kind: 'restore-az', target: 'eu-west-1c' } },
    ], until);
    checkOneOutcomeEach(records, until);
    expect(records.some((r) => r.kind === 'state' && r.component === 'node-3' && r.to === 'NotReady')).toBe(true);
  });
});

describe('determinism on the full path', () => {
  const bytes = (seed: number) => {
    const world = createWorld(fullPath(), { seed, traceWindow: 10 });
    const lines: string[] = [];
    world.trace.subscribe((r) => lines.push(toJsonLine(r)));
    world.runUntil(12_000);
    world.inject({ kind: 'kill', target: 'auth/1' });
    world.runUntil(14_000);
    world.inject({ kind: 'lose-az', target: 'eu-west-1b', forMs: 3_000 });
    world.runUntil(20_000);
    return lines.join('\n');
  };

  it('gives a byte-identical trace for the same seed and commands, and a different one for another seed', () => {
    const a = bytes(7);
    expect(a.length).toBeGreaterThan(100_000);
    expect(bytes(7)).toBe(a);
    expect(bytes(8)).not.toBe(a);
  });
});
