import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { CATALOGUE, commandFor, faultById, isAvailable, optionValues, perform, scheduled, scheduleTargets, takesFor } from '../../../src/ui/instructor/catalogue';
import { acceptedKinds } from '../../../src/ui/instructor/build';
import { describeCommand } from '../../../src/ui/instructor/describe';
import { helloPlan, helloText } from './helpers';

function helloSource() {
  const loaded = loadScenario(helloText(), 'hello.yaml');
  if (!loaded.ok) throw new Error('hello.yaml does not load');
  return { scenario: loaded.scenario, snapshot: createWorld(loaded.scenario, { seed: 1 }).snapshot() };
}

describe('fault catalogue', () => {
  it('gives every entry a unique id, a name and a description', () => {
    const ids = CATALOGUE.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of CATALOGUE) {
      expect(f.name).not.toBe('');
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it('names a repair that exists and is a repair, for every fault that has one', () => {
    for (const f of CATALOGUE.filter((x) => x.repair !== undefined)) {
      expect(faultById(f.repair ?? '')?.role, f.id).toBe('repair');
    }
  });

  it('offers the demo server as the target of a crash, and no client', () => {
    const crash = faultById('crash');
    expect(crash?.targets(helloSource()).map((t) => t.id)).toEqual(['app']);
  });

  it('has no AZ, node or DNS targets in a scenario without a cluster or DNS', () => {
    const source = helloSource();
    for (const id of ['lose-az', 'drain', 'dns-ttl', 'scale']) expect(faultById(id)?.targets(source), id).toEqual([]);
  });

  it('marks available exactly the entries whose command kind the world takes', () => {
    const accepted = acceptedKinds(helloSource().scenario);
    expect([...accepted].sort()).toEqual(['crash', 'recover']);
    expect(isAvailable(faultById('crash')!, accepted)).toBe(true);
    expect(isAvailable(faultById('crash')!, new Set(['recover']))).toBe(false);
    for (const f of CATALOGUE) expect(isAvailable(f, accepted)).toBe(accepted.has(f.kind));
  });

  it('fills in option defaults and clamps given values to their range', () => {
    const slow = faultById('slow')!;
    expect(optionValues(slow)).toEqual({ byMs: 500 });
    expect(optionValues(slow, { byMs: -3 })).toEqual({ byMs: 1 });
    expect(commandFor(slow, 'api-1', { byMs: 250 })).toEqual({ kind: 'slow', target: 'api-1', byMs: 250 });
  });

  it('performs a fault by adding its command to the plan at the moment given', () => {
    const plan = perform(helloPlan(), faultById('crash')!, 'app', { atMs: 1_500, events: 12 });
    expect(plan.given).toEqual([{ atMs: 1_500, events: 12, command: { kind: 'crash', target: 'app' } }]);
  });

  it('schedules a fault for a time, with "for" only where the world undoes it', () => {
    expect(scheduled(faultById('crash')!, 'app', 10_000, {}, 5_000)).toEqual({ atMs: 10_000, command: { kind: 'crash', target: 'app' }, forMs: 5_000 });
    expect(scheduled(faultById('kill')!, 'nginx/0', 10_000, {}, 5_000)).toEqual({ atMs: 10_000, command: { kind: 'kill', target: 'nginx/0' } });
    expect(['crash', 'hang', 'slow', 'unhealthy', 'drain', 'cordon', 'lose-az', 'cut-link', 'scale'].every((id) => takesFor(faultById(id)!))).toBe(true);
    expect(['kill', 'dns-ttl', 'dns-record', 'nlb-health', 'recover', 'heal', 'uncordon', 'restore-az', 'restore-link'].some((id) => takesFor(faultById(id)!))).toBe(false);
  });

  it('describes a command in words, with its options and units', () => {
    expect(describeCommand({ kind: 'crash', target: 'app' })).toBe('crash app');
    expect(describeCommand({ kind: 'slow', target: 'api-1', byMs: 500 })).toBe('slow down api-1 by 500 ms');
  });
});

describe('targets of a prepared fault', () => {
  it('names pods as deployment/index, one per replica, since pods do not exist before the run', () => {
    const loaded = loadScenario(readFileSync('lessons/scenarios/full-path.yaml', 'utf8'), 'full-path.yaml');
    if (!loaded.ok) throw new Error('full-path.yaml does not load');
    const world = createWorld(loaded.scenario, { seed: 1 });
    world.runUntil(15_000);
    const source = { scenario: loaded.scenario, snapshot: world.snapshot() };
    const live = faultById('kill')!.targets(source).map((t) => t.id);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((id) => id.startsWith('pod:'))).toBe(true);
    expect(live[0]).toMatch(/nginx/);
    const prepared = scheduleTargets(faultById('kill')!, source).map((t) => t.id);
    expect(prepared).toEqual(['nginx/0', 'nginx/1', 'frontend/0', 'frontend/1', 'frontend/2', 'api/0', 'api/1', 'api/2', 'auth/0', 'auth/1', 'auth/2']);
    expect(scheduleTargets(faultById('drain')!, source).map((t) => t.id)).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('offers pods as deployment/index before the run has started any, for the entries that hit pods', () => {
    const loaded = loadScenario(readFileSync('lessons/scenarios/full-path.yaml', 'utf8'), 'full-path.yaml');
    if (!loaded.ok) throw new Error('full-path.yaml does not load');
    const source = { scenario: loaded.scenario, snapshot: createWorld(loaded.scenario, { seed: 1 }).snapshot() };
    expect(faultById('crash')!.targets(source)).toEqual([]);
    for (const id of ['crash', 'hang', 'slow', 'unhealthy', 'kill', 'recover', 'heal']) expect(scheduleTargets(faultById(id)!, source)[0]?.id, id).toBe('nginx/0');
    expect(scheduleTargets(faultById('drain')!, source).map((t) => t.id)).toEqual(['node-1', 'node-2', 'node-3']);
  });
});
