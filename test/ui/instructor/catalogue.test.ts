import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { CATALOGUE, commandFor, describeCommand, faultById, isAvailable, optionValues, perform, schedule } from '../../../src/ui/instructor/catalogue';
import { acceptedKinds } from '../../../src/ui/instructor/build';
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
    const accepted = acceptedKinds();
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

  it('schedules a fault with its repair after "for"', () => {
    const plan = schedule(helloPlan(), faultById('crash')!, 'app', 10_000, {}, 5_000);
    expect(plan.schedule).toEqual([
      { atMs: 10_000, command: { kind: 'crash', target: 'app' } },
      { atMs: 15_000, command: { kind: 'recover', target: 'app' } },
    ]);
  });

  it('describes a command in words, with its options and units', () => {
    expect(describeCommand({ kind: 'crash', target: 'app' })).toBe('crash app');
    expect(describeCommand({ kind: 'slow', target: 'api-1', byMs: 500 })).toBe('slow down api-1 by 500 ms');
  });
});
