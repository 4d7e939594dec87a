import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/ui/instructor/session.svelte';
import { addAsk } from '../../../src/ui/instructor/plan';
import { headless, helloPlan, helloText } from './helpers';

function open(plan = helloPlan(), to?: { atMs: number; events?: number }) {
  const opened = RunSession.open(plan, to, headless());
  if (!opened.ok) throw new Error(opened.errors.join('\n'));
  return opened.session;
}

describe('RunSession', () => {
  it('gives a fault at the present straight to the running world, without a new world', () => {
    const s = open(helloPlan(), { atMs: 2_000 });
    const world = s.world;
    expect(s.give({ kind: 'crash', target: 'app' })).toBe(true);
    expect(s.world).toBe(world);
    expect(s.plan.given).toEqual([{ atMs: 2_000, events: world.engine.eventsProcessed, command: { kind: 'crash', target: 'app' } }]);
    expect(world.trace.records().filter((r) => r.kind === 'command')).toMatchObject([{ t: 2_000, command: 'crash', target: 'app' }]);
  });

  it('rebuilds the world when a fault is given while the view shows the past, dropping what came after', () => {
    const s = open(helloPlan(), { atMs: 2_000 });
    s.give({ kind: 'crash', target: 'app' });
    s.player.runTo(6_000);
    s.player.seek(1_000);
    const generation = s.generation;
    expect(s.give({ kind: 'crash', target: 'app' })).toBe(true);
    expect(s.generation).toBe(generation + 1);
    expect(s.world.now).toBeLessThanOrEqual(1_000);
    expect(s.plan.given).toHaveLength(1);
    expect(s.plan.given[0]?.atMs).toBeLessThanOrEqual(1_000);
  });

  it('says why, and changes nothing, when the world rejects a fault', () => {
    const s = open();
    expect(s.give({ kind: 'crash', target: 'nobody' })).toBe(false);
    expect(s.message).toContain('nobody');
    expect(s.give({ kind: 'cut-link', target: 'browser|app' })).toBe(false);
    expect(s.message).toContain('does not take "cut-link"');
    expect(s.plan.given).toEqual([]);
  });

  it('rejects a scenario edit that does not load and keeps the run going as it was', () => {
    const s = open(helloPlan(), { atMs: 3_000 });
    const world = s.world;
    const result = s.applyScenario(helloText().replace('latencyMs: 25', 'latencyMs: fast'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.line).toBeGreaterThan(1);
    expect(s.world).toBe(world);
    s.player.runTo(4_000);
    expect(s.world.now).toBe(4_000);
  });

  it('applies a scenario edit by replaying it to the same virtual time, with the commands given', () => {
    const s = open(helloPlan(), { atMs: 2_000 });
    s.give({ kind: 'crash', target: 'app' });
    s.player.runTo(3_000);
    const result = s.applyScenario(helloText().replace('latencyMs: 25', 'latencyMs: 5'));
    expect(result.ok).toBe(true);
    expect(s.world.now).toBe(3_000);
    expect(s.plan.scenario).toContain('latencyMs: 5');
    expect(s.world.trace.records().filter((r) => r.kind === 'command')).toMatchObject([{ t: 2_000, command: 'crash' }]);
  });

  it("schedules a fault still to come in the scenario's faults, keeping the run up to now event for event", () => {
    const s = open(helloPlan(), { atMs: 2_000 });
    s.give({ kind: 'crash', target: 'app' });
    s.player.runTo(3_000);
    const events = s.world.engine.eventsProcessed;
    const given = s.plan.given;
    expect(s.schedule({ atMs: 5_000, command: { kind: 'recover', target: 'app' } })).toBe(true);
    expect(s.plan.scenario).toContain('faults:\n  - { at: 5s, recover: app }');
    expect(s.scenario.faults).toEqual([{ atMs: 5_000, kind: 'recover', target: 'app' }]);
    expect(s.world.now).toBe(3_000);
    expect(s.world.engine.eventsProcessed).toBe(events);
    expect(s.plan.given).toEqual(given);
    s.player.runTo(6_000);
    expect(s.world.trace.records().filter((r) => r.kind === 'command').map((r) => r.t)).toEqual([2_000, 5_000]);
    expect(s.unschedule(0)).toBe(true);
    expect(s.scenario.faults).toEqual([]);
  });

  it('says why a fault cannot be scheduled, and changes nothing', () => {
    const s = open();
    const scenario = s.plan.scenario;
    expect(s.schedule({ atMs: 1_000, command: { kind: 'nginx-reload', target: 'all' } })).toBe(false);
    expect(s.message).toContain('no "nginx-reload" fault');
    expect(s.plan.scenario).toBe(scenario);
    expect(s.schedule({ atMs: 1_000, command: { kind: 'crash', target: 'nowhere' } })).toBe(false);
    expect(s.message).toMatch(/nowhere/);
    expect(s.plan.scenario).toBe(scenario);
  });

  it('freezes once on a prepared question when the run reaches its time, and plays on when resumed', () => {
    const s = open(addAsk(helloPlan(), { atMs: 1_500, question: 'What happens now?' }));
    const world = s.world;
    s.tick();
    expect(s.question).toBeUndefined();
    s.player.runTo(1_600);
    s.player.play();
    s.tick();
    expect(s.question).toBe('What happens now?');
    expect(s.player.playing).toBe(false);
    s.resume();
    expect(s.question).toBeUndefined();
    expect(s.player.playing).toBe(true);
    s.tick();
    expect(s.question).toBeUndefined();
    expect(s.world).toBe(world);
  });

  it('takes new questions without touching the run, and does not ask the ones already passed', () => {
    const s = open(helloPlan(), { atMs: 3_000 });
    const world = s.world;
    s.setAsks([{ atMs: 4_000, question: 'later' }, { atMs: 1_000, question: 'earlier' }]);
    expect(s.world).toBe(world);
    expect(s.plan.asks.map((a) => a.question)).toEqual(['earlier', 'later']);
    s.tick();
    expect(s.question).toBeUndefined();
    s.player.runTo(4_000);
    s.tick();
    expect(s.question).toBe('later');
  });

  it('shares a run that, opened again, has the same trace summary', () => {
    const s = open(helloPlan(), { atMs: 1_234 });
    s.give({ kind: 'crash', target: 'app' });
    s.player.runTo(4_321);
    s.give({ kind: 'recover', target: 'app' });
    s.player.runTo(7_000);
    const shared = s.shared();
    const again = open(shared.plan, { atMs: shared.nowMs, events: shared.events });
    expect(again.fingerprint.summary()).toEqual(s.fingerprint.summary());
    expect(again.world.now).toBe(s.world.now);
  });
});
