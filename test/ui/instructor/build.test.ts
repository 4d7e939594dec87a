import { describe, expect, it } from 'vitest';
import { acceptedKinds, buildRun, toWorldCommand } from '../../../src/ui/instructor/build';
import { give, withScenario } from '../../../src/ui/instructor/plan';
import { headless, helloPlan, helloText } from './helpers';

function built(result: ReturnType<typeof buildRun>) {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.built;
}

describe('buildRun', () => {
  it('replays a command given by hand at the same event, so the trace is the same', () => {
    const first = built(buildRun(helloPlan(), undefined, headless()));
    first.player.runTo(3_000);
    const at = { atMs: first.world.now, events: first.world.engine.eventsProcessed };
    first.player.inject(toWorldCommand({ kind: 'crash', target: 'app' }, acceptedKinds(first.scenario)));
    first.player.runTo(6_000);
    const plan = give(helloPlan(), { kind: 'crash', target: 'app' }, at.atMs, at.events);

    const again = built(buildRun(plan, { atMs: first.world.now, events: first.world.engine.eventsProcessed }, headless()));
    expect(again.world.now).toBe(first.world.now);
    expect(again.fingerprint.summary()).toEqual(first.fingerprint.summary());
    expect(again.fingerprint.summary().outcomes['refused']).toBeGreaterThan(0);
  });

  it("replays the scenario's own faults with the commands given by hand", () => {
    const scenario = `${helloText()}faults:\n  - { at: 2500ms, crash: app }\n`;
    const plan = give({ ...helloPlan(), scenario }, { kind: 'recover', target: 'app' }, 4_000, 0);
    const b = built(buildRun({ ...plan, given: [{ atMs: 4_000, command: { kind: 'recover', target: 'app' } }] }, { atMs: 5_000 }, headless()));
    expect(b.world.trace.records().filter((r) => r.kind === 'command').map((r) => [r.t, r.kind === 'command' ? r.command : ''])).toEqual([
      [2_500, 'crash'],
      [4_000, 'recover'],
    ]);
  });

  it('leaves out a given command the world rejects, and says which', () => {
    const plan = give(helloPlan(), { kind: 'crash', target: 'nobody' }, 1_000, 0);
    const b = built(buildRun({ ...plan, given: [{ atMs: 1_000, command: { kind: 'crash', target: 'nobody' } }] }, undefined, headless()));
    expect(b.given).toEqual([]);
    expect(b.dropped.join()).toContain('nobody');
  });

  it('refuses a command kind the world does not take, naming the kinds it does', () => {
    expect(() => toWorldCommand({ kind: 'cut-link', target: 'a|b' }, new Set(['crash', 'recover']))).toThrow(/takes crash, recover/);
  });

  it('replays commands at their times after an edit, stamping them with the new event counts', () => {
    const edited = helloText().replace('every: 1s', 'every: 500ms');
    const plan = withScenario(give(helloPlan(), { kind: 'crash', target: 'app' }, 3_000, 40), edited);
    expect(plan.given[0]?.events).toBeUndefined();
    const b = built(buildRun(plan, { atMs: 4_000 }, headless()));
    const plain = built(buildRun({ ...helloPlan(), scenario: edited }, { atMs: 3_000 }, headless()));
    expect(b.given).toHaveLength(1);
    expect(b.given[0]?.atMs).toBe(3_000);
    expect(b.given[0]?.events).toBe(plain.world.engine.eventsProcessed);
    expect(b.given[0]?.events).not.toBe(40);
    expect(b.world.trace.records().find((r) => r.kind === 'command')?.t).toBe(3_000);
  });

  it('reports the scenario errors of a plan whose text does not load', () => {
    const result = buildRun({ ...helloPlan(), scenario: 'name: x\ntopology: 3\n' }, undefined, headless());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^lessons\/scenarios\/hello\.yaml:\d+:\d+: /);
  });

  it('stops a replay that would run more engine events than allowed', () => {
    const result = buildRun(helloPlan(), { atMs: 60_000 }, { ...headless(), maxEvents: 50 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain('more than 50 engine events');
  });
});
