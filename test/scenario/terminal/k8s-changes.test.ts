/**
 * kubectl scale, cordon, uncordon and drain typed in a full world's
 * terminal: they change the cluster through the world's commands, leave the
 * same `command` records as the fault menu, and replay.
 */
import { describe, expect, it } from 'vitest';
import { toJsonLine, type TraceRecord } from '../../../src/sim';
import { createWorld, type World } from '../../../src/scenario';
import { fullPath } from '../fixtures';
import { commands, runLine, withoutTerminal } from './run-line';

const worldCommands = (world: World) => commands(world.trace.records()).filter((c) => c.command !== 'terminal');

/** Live pods (not Terminating) whose names start with `prefix`. */
const live = (world: World, prefix: string) => world.snapshot().components.filter((c) => c.kind === 'pod' && c.label.startsWith(prefix) && c.state !== 'Terminating');

/** Pod names on `node`, as `kubectl get pods -o wide` lists them. */
function podsOn(world: World, node: string): string[] {
  return runLine(world, 'kubectl get pods -o wide --no-headers')
    .stdout.split('\n')
    .map((l) => l.split(/\s+/))
    .filter((cells) => cells[2] !== 'Terminating' && cells[6] === node)
    .map((cells) => cells[0] ?? '');
}

const fresh = (): World => {
  const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
  world.runUntil(12_000);
  return world;
};

describe('kubectl verbs that change a full world', () => {
  it('scales a Deployment: one scale command, as the fault menu records it, and the new pods start', () => {
    const world = fresh();
    const r = runLine(world, 'kubectl scale deployment/api --replicas=5');
    expect(r).toEqual({ stdout: 'deployment.apps/api scaled\n', stderr: '', code: 0 });
    expect(worldCommands(world)).toEqual([expect.objectContaining({ command: 'scale', target: 'api', why: 'kubectl scale deployment/api --replicas=5', t: 12_000 })]);
    world.runUntil(30_000);
    expect(live(world, 'api-')).toHaveLength(5);
    expect(runLine(world, 'kubectl get deploy api --no-headers').stdout).toMatch(/^api\s+5\/5\s+5\s+5\s/);
  });

  it('cordons a node: Ready,SchedulingDisabled, the taint in describe, its pods stay; uncordon undoes it', () => {
    const world = fresh();
    const before = podsOn(world, 'node-1');
    expect(runLine(world, 'kubectl cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    expect(worldCommands(world).at(-1)).toMatchObject({ command: 'cordon', target: 'node-1' });
    expect(runLine(world, 'kubectl get nodes').stdout).toMatch(/^node-1\s+Ready,SchedulingDisabled\s/m);
    expect(runLine(world, 'kubectl describe node node-1').stdout).toContain('Taints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n');
    world.runUntil(20_000);
    expect(podsOn(world, 'node-1')).toEqual(before);
    // New pods go elsewhere while it is cordoned.
    runLine(world, 'kubectl scale deployment/api --replicas=6');
    world.runUntil(30_000);
    expect(podsOn(world, 'node-1')).toEqual(before);
    expect(runLine(world, 'kubectl cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(runLine(world, 'kubectl uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(runLine(world, 'kubectl get nodes').stdout).toMatch(/^node-1\s+Ready\s/m);
    expect(worldCommands(world).map((c) => c.command)).toEqual(['cordon', 'scale', 'uncordon']);
  });

  it('drains a node: the pods it lists are evicted and replaced on other nodes', () => {
    const world = fresh();
    const on = podsOn(world, 'node-2');
    expect(on.length).toBeGreaterThan(0);
    const r = runLine(world, 'kubectl drain node-2 --ignore-daemonsets --delete-emptydir-data');
    expect(r.stdout).toBe(['node/node-2 cordoned', ...on.map((p) => `evicting pod default/${p}`), ...on.map((p) => `pod/${p} evicted`), 'node/node-2 drained', ''].join('\n'));
    expect(worldCommands(world)).toEqual([expect.objectContaining({ command: 'drain', target: 'node-2', why: expect.stringMatching(/^kubectl drain node-2: cordon it/) })]);
    world.runUntil(40_000);
    expect(podsOn(world, 'node-2')).toEqual([]);
    expect(live(world, 'api-')).toHaveLength(3);
    expect(runLine(world, 'kubectl get nodes').stdout).toMatch(/^node-2\s+Ready,SchedulingDisabled\s/m);
  });

  it('shows a cordoned node in a lost AZ as NotReady,SchedulingDisabled with the unreachable taints', () => {
    const world = fresh();
    runLine(world, 'kubectl cordon node-1');
    world.inject({ kind: 'lose-az', target: 'eu-west-1a' });
    world.runUntil(80_000);
    expect(runLine(world, 'kubectl get nodes').stdout).toMatch(/^node-1\s+NotReady,SchedulingDisabled\s/m);
    const text = runLine(world, 'kubectl describe node node-1').stdout;
    expect(text).toContain('Taints:             node.kubernetes.io/unreachable:NoExecute\n                    node.kubernetes.io/unreachable:NoSchedule\n                    node.kubernetes.io/unschedulable:NoSchedule\n');
    expect(text).toMatch(/^ {2}Ready +Unknown +Mon, 01 Jan 2024 00:00:10 \+0000 +Mon, 01 Jan 2024 00:00:(5\d|6\d) \+0000 +NodeStatusUnknown/m);
  });

  it('changes nothing and records no world command when kubectl refuses', () => {
    const world = fresh();
    expect(runLine(world, 'kubectl scale deployment/nope --replicas=2').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(runLine(world, 'kubectl drain node-9').stderr).toBe('Error from server (NotFound): nodes "node-9" not found\n');
    expect(runLine(world, 'kubectl uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
    expect(worldCommands(world)).toEqual([]);
  });

  it('leaves the same trace as the fault menu\'s commands at the same times, apart from the typed lines', () => {
    const typed = fresh();
    runLine(typed, 'kubectl drain node-2');
    typed.runUntil(20_000);
    runLine(typed, 'kubectl scale deploy/api --replicas=4');
    typed.runUntil(40_000);
    const menu = fresh();
    menu.inject({ kind: 'drain', target: 'node-2' });
    menu.runUntil(20_000);
    menu.inject({ kind: 'scale', target: 'api', replicas: 4 });
    menu.runUntil(40_000);
    expect(withoutTerminal(typed.trace.records())).toEqual(withoutTerminal(menu.trace.records()));
  });

  it('is deterministic: the same lines at the same times give the same trace', () => {
    const run = (): string[] => {
      const world = fresh();
      runLine(world, 'kubectl cordon node-3');
      world.runUntil(15_000);
      runLine(world, 'kubectl scale deployment api --replicas=5');
      world.runUntil(25_000);
      runLine(world, 'kubectl drain node-1 --ignore-daemonsets --force');
      world.runUntil(45_000);
      runLine(world, 'kubectl uncordon node-3');
      world.runUntil(60_000);
      return world.trace.records().map(toJsonLine);
    };
    const first = run();
    expect(commands(first.map((l) => JSON.parse(l) as TraceRecord)).filter((c) => c.command !== 'terminal').map((c) => c.command)).toEqual(['cordon', 'scale', 'drain', 'uncordon']);
    expect(run()).toEqual(first);
  });
});
