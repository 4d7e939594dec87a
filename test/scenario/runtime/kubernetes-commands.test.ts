/**
 * Kubernetes commands in a full world (drain, uncordon, scale, lose-az's
 * node lifecycle, kubectl-apply), seen through the trace and snapshots.
 */
import { describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../src/sim';
import { APPLY_REFUSED, createWorld, type AnyWorldCommand, type World } from '../../../src/scenario';
import { fullPath, lessonText, scenarioFrom } from '../fixtures';

/** The api Deployment's document in full-path.yaml. */
const apiDeployment = (): string => {
  const doc = lessonText('full-path.yaml')
    .split(/^---$/m)
    .find((d) => d.includes('kind: Deployment') && d.includes('name: api\n'));
  if (doc === undefined) throw new Error('no api Deployment in full-path.yaml');
  return doc.trim();
};

/** The node the scheduler put a pod (`pod:ns/name`) on. */
function nodeOf(world: World, component: string): string | undefined {
  const name = component.split('/')[1] ?? '';
  for (const r of world.trace.records()) {
    if (r.kind === 'decision' && r.component === 'scheduler' && r.decision.startsWith(`${name} → `)) return r.decision.split(' → ')[1];
  }
  return undefined;
}

const podsOn = (world: World, node: string) => world.snapshot().components.filter((c) => c.kind === 'pod' && c.state !== 'Terminating' && nodeOf(world, c.id) === node);

const live = (world: World, prefix: string) => world.snapshot().components.filter((c) => c.kind === 'pod' && c.label.startsWith(prefix) && c.state !== 'Terminating');
const stateOf = (world: World, id: string) => world.snapshot().components.find((c) => c.id === id)?.state;
const commands = (world: World) => world.trace.records().filter((r) => r.kind === 'command');

describe('drain, uncordon and scale in a full world', () => {
  it('drains a node: it shows Ready,SchedulingDisabled and every replacement lands elsewhere; uncordon clears it', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(12_000);
    expect(podsOn(world, 'node-2').length).toBeGreaterThan(0);
    world.inject({ kind: 'drain', target: 'node-2' });
    expect(stateOf(world, 'node-2')).toBe('Ready,SchedulingDisabled');
    world.runUntil(30_000);
    expect(podsOn(world, 'node-2')).toEqual([]);
    expect(live(world, 'api-')).toHaveLength(3);
    expect(commands(world).at(-1)?.why).toMatch(/^kubectl drain node-2: cordon it/);
    world.inject({ kind: 'uncordon', target: 'node-2' });
    expect(stateOf(world, 'node-2')).toBe('Ready');
  });

  it('scales a Deployment like kubectl scale, and back after for', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(12_000);
    world.inject({ kind: 'scale', target: 'api', replicas: 5, forMs: 20_000 });
    expect(commands(world).at(-1)?.why).toBe('kubectl scale deployment/api --replicas=5');
    world.runUntil(20_000);
    expect(live(world, 'api-')).toHaveLength(5);
    world.runUntil(40_000);
    expect(live(world, 'api-')).toHaveLength(3);
    world.inject({ kind: 'scale', target: 'api', replicas: 1 });
    world.runUntil(80_000);
    // Two pods went through Terminating (SIGTERM, then the exit), as kubectl scale does it.
    const terminating = world.trace.records().filter((r) => r.kind === 'state' && r.component.startsWith('pod:default/api-') && r.to === 'Terminating' && r.t === 40_000);
    expect(terminating.filter((r) => r.kind === 'state' && r.from === 'Running')).toHaveLength(2);
    expect(terminating.filter((r) => r.kind === 'state' && r.why.includes('after SIGTERM'))).toHaveLength(2);
    expect(live(world, 'api-')).toHaveLength(1);
  });

  it('refuses a scale of an unknown Deployment or without a replica count, saying what was expected', () => {
    const world = createWorld(fullPath(), { seed: 1 });
    world.runUntil(5_000);
    expect(() => world.inject({ kind: 'scale', target: 'nope', replicas: 2 })).toThrow(/expected a Deployment \(.*default\/api.*\), got "nope"/);
    expect(() => world.inject({ kind: 'scale', target: 'api' })).toThrow(/expected replicas, a whole number of at least 0/);
  });

  it('reads scale with replicas in a scenario’s faults, and wants the replicas', () => {
    const text = lessonText('full-path.yaml').replace(/^name: The full path$/m, 'name: The full path\nfaults:\n  - { at: 10s, scale: api, replicas: 4 }');
    const world = createWorld(scenarioFrom(text, 'full-path.yaml'), { seed: 1 });
    world.runUntil(20_000);
    expect(live(world, 'api-')).toHaveLength(4);
    expect(() => scenarioFrom(lessonText('full-path.yaml').replace(/^name: The full path$/m, 'name: x\nfaults:\n  - { at: 10s, scale: api }'))).toThrow(/faults\[0\]\.replicas: missing; scale needs replicas/);
  });
});

describe('losing an AZ, as the node lifecycle controller sees it', () => {
  it('keeps pods in the lost AZ Ready until the 40 s grace period, then NotReady, then evicted after 300 s and replaced in the other AZs', () => {
    // Traffic stops at 60 s: the minutes after are the controllers' business, and cheap to run.
    const quiet = scenarioFrom(lessonText('full-path.yaml').replaceAll('    start: 10s\n', '    start: 10s\n    stop: 60s\n'), 'full-path.yaml');
    const world = createWorld(quiet, { seed: 2, traceWindow: 2_000_000 });
    world.runUntil(12_000);
    const lost = podsOn(world, 'node-1').map((c) => c.id);
    expect(lost.length).toBeGreaterThan(0);
    world.inject({ kind: 'lose-az', target: 'eu-west-1a' });
    world.runUntil(54_000);
    expect(stateOf(world, 'node-1')).toBe('Ready');
    // The kubelet still reaches its own pods: no liveness kills, no readiness flaps in the lost AZ.
    const flaps = world.trace.records().filter((r) => r.kind === 'state' && lost.includes(r.component) && r.t > 12_000);
    expect(flaps).toEqual([]);
    world.runUntil(56_000);
    expect(stateOf(world, 'node-1')).toBe('NotReady');
    const notReady = world.trace.records().filter((r) => r.kind === 'state' && lost.includes(r.component) && r.to === 'NotReady');
    expect(notReady.map((r) => r.t)).toEqual(lost.map(() => 55_000));
    world.runUntil(360_000);
    for (const id of lost) expect(stateOf(world, id)).toBe('Terminating');
    for (const prefix of ['api-', 'auth-', 'frontend-']) {
      const pods = live(world, prefix);
      expect(pods).toHaveLength(3);
      for (const p of pods) expect(nodeOf(world, p.id)).not.toBe('node-1');
    }
    world.inject({ kind: 'restore-az', target: 'eu-west-1a' });
    world.runUntil(375_000);
    expect(stateOf(world, 'node-1')).toBe('Ready');
    for (const id of lost) expect(stateOf(world, id)).toBeUndefined();
  });
});

describe('kubectl-apply in a full world', () => {
  it('applies a new replica count', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(12_000);
    world.inject({ kind: 'kubectl-apply', target: 'cluster', text: apiDeployment().replace('replicas: 3', 'replicas: 4') });
    expect(commands(world).at(-1)?.why).toBe('kubectl apply -f -: deployment.apps/api configured');
    world.runUntil(20_000);
    expect(live(world, 'api-')).toHaveLength(4);
  });

  it('refuses an invalid document with its line and field, and changes nothing', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(12_000);
    const before = live(world, 'api-').map((c) => c.id);
    const text = `${apiDeployment().replace('replicas: 3', 'replicas: 6')}\n---\n${apiDeployment().replace('containerPort: 8080', 'containerPort: eighty')}`;
    const line = text.split('\n').findIndex((l) => l.includes('eighty')) + 1;
    world.inject({ kind: 'kubectl-apply', target: 'cluster', text });
    const why = commands(world).at(-1)?.why ?? '';
    expect(why.startsWith(`${APPLY_REFUSED}: STDIN:${line}:`)).toBe(true);
    expect(why).toContain('document 2.spec.template.spec.containers[0].ports[0].containerPort');
    expect(why).toMatch(/nothing was applied$/);
    world.runUntil(20_000);
    expect(live(world, 'api-').map((c) => c.id)).toEqual(before);
  });

  it('refuses what it cannot do at run time with a clear message: a LoadBalancer Service turned ClusterIP', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(12_000);
    const lb = lessonText('full-path.yaml')
      .split(/^---$/m)
      .find((d) => d.includes('kind: Service') && d.includes('type: LoadBalancer'))!;
    world.inject({ kind: 'kubectl-apply', target: 'cluster', text: lb.replace('type: LoadBalancer', 'type: ClusterIP') });
    expect(commands(world).at(-1)?.why).toMatch(/^apply refused: STDIN:\d+:\d+: document 1\.spec\.type: expected type LoadBalancer: spec\.type: changing type between LoadBalancer and ClusterIP would create or delete a load balancer/);
  });
});

describe('determinism with Kubernetes commands', () => {
  const run = (seed: number) => {
    const world = createWorld(fullPath(), { seed, traceWindow: 10 });
    const lines: string[] = [];
    world.trace.subscribe((r) => lines.push(toJsonLine(r)));
    const steps: [number, AnyWorldCommand][] = [
      [10_000, { kind: 'drain', target: 'node-3' }],
      [12_000, { kind: 'scale', target: 'auth', replicas: 5 }],
      [14_000, { kind: 'kubectl-apply', target: 'cluster', text: apiDeployment().replace('path: /health, port: 8080 }\n            periodSeconds: 5', 'path: /ready, port: 8080 }\n            periodSeconds: 5') }],
      [16_000, { kind: 'lose-az', target: 'eu-west-1b', forMs: 50_000 }],
      [20_000, { kind: 'uncordon', target: 'node-3' }],
    ];
    for (const [at, command] of steps) {
      world.runUntil(at);
      world.inject(command);
    }
    world.runUntil(70_000);
    return lines.join('\n');
  };

  it('gives a byte-identical trace for the same seed and commands', () => {
    const a = run(5);
    expect(a).toContain('rolling update');
    expect(run(5)).toBe(a);
  });
});
