import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario';
import { toJsonLine } from '../../src/sim';
import { Session } from '../../src/embed/session.svelte';
import type { TrafficLabEventName } from '../../src/embed/events';
import { ManualFrames } from '../ui/fixtures';

function hello(): Scenario {
  const loaded = loadScenario(readFileSync('lessons/scenarios/hello.yaml', 'utf8'), 'hello.yaml');
  if (!loaded.ok) throw new Error('hello.yaml does not load');
  return loaded.scenario;
}

/** Two clients that both send at t = 0, 1 s, 2 s…: two engine events at each of those times. */
function twins(): Scenario {
  const text = [
    'name: twins',
    'topology:',
    '  clients:',
    '    - { id: a, address: 203.0.113.7, target: app, requests: { every: 1s } }',
    '    - { id: b, address: 203.0.113.8, target: app, requests: { every: 1s } }',
    '  servers:',
    '    - { id: app, address: 198.51.100.10, latencyMs: 30 }',
    '  links:',
    '    - { from: a, to: app, latencyMs: 10 }',
    '    - { from: b, to: app, latencyMs: 10 }',
  ].join('\n');
  const loaded = loadScenario(text, 'twins.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  return loaded.scenario;
}

function setup(scenario = hello()) {
  const events: Array<{ name: TrafficLabEventName; detail: unknown }> = [];
  const frames = new ManualFrames();
  const session = new Session(scenario, { seed: 5, speed: 1, frames, emit: (name, detail) => events.push({ name, detail }) });
  return { session, events, frames };
}

const traceOf = (session: Session) => session.world.trace.records().map(toJsonLine);

describe('Session.seek', () => {
  it('runs forwards to the time asked and stops there', () => {
    const { session } = setup();
    session.seek(2500);
    expect(session.world.now).toBe(2500);
    expect(session.player.now).toBe(2500);
    expect(session.world.engine.peekTime()).toBeGreaterThan(2500);
  });

  it('shows an earlier moment from the record without running or rebuilding the world', () => {
    const { session } = setup();
    session.seek(5000);
    const world = session.world;
    const events = world.engine.eventsProcessed;
    session.seek(2000);
    expect(session.world).toBe(world);
    expect(world.engine.eventsProcessed).toBe(events);
    expect(session.player).toMatchObject({ live: false, viewT: 2000, now: 5000 });
  });

  it('goes back to the present and beyond when asked for a later time', () => {
    const { session } = setup();
    session.seek(5000);
    session.seek(1000);
    session.seek(6000);
    expect(session.player).toMatchObject({ live: true, viewT: 6000, now: 6000 });
  });

  it('refuses a negative or non-numeric time with what it expected', () => {
    const { session } = setup();
    expect(() => session.seek(-1)).toThrow(/seek: expected a virtual time in ms ≥ 0, got -1/);
    expect(() => session.seek(Number.NaN)).toThrow(/got NaN/);
  });
});

describe('Session.inject', () => {
  it('applies the fault, shows it at once and announces it with its virtual time', () => {
    const { session, events } = setup();
    session.seek(1200);
    session.inject({ kind: 'crash', target: 'app' });
    expect(session.player.snapshot.components.find((c) => c.id === 'app')?.state).toBe('crashed');
    expect(events.filter((e) => e.name === 'trafficlab:fault')).toEqual([{ name: 'trafficlab:fault', detail: { kind: 'crash', target: 'app', atMs: 1200 } }]);
  });

  it('throws for a target the world does not have, and announces nothing', () => {
    const { session, events } = setup();
    expect(() => session.inject({ kind: 'crash', target: 'nginx' })).toThrow(/expected the id of a server \(app\), got "nginx"/);
    expect(events.some((e) => e.name === 'trafficlab:fault')).toBe(false);
  });

  it('changes the past when the view shows it: the same trace as a run that had the fault then', () => {
    const { session } = setup();
    session.seek(5000);
    session.seek(1000);
    const before = session.world;
    session.inject({ kind: 'crash', target: 'app' });
    expect(session.world).not.toBe(before);
    expect(session.player).toMatchObject({ live: true, now: 1000 });

    const straight = setup().session;
    straight.seek(1000);
    straight.inject({ kind: 'crash', target: 'app' });
    expect(traceOf(session)).toEqual(traceOf(straight));
  });

  it('gives earlier faults again at the same point of the run, event for event', () => {
    const run = (scrub: boolean) => {
      const { session } = setup(twins());
      session.seek(1000);
      // One step runs a's send at 1 s and leaves b's, due at the same time, pending; the replay must keep it pending too.
      session.step();
      expect(session.world.engine.peekTime()).toBe(session.world.now);
      session.inject({ kind: 'crash', target: 'app' });
      if (scrub) {
        session.seek(4000);
        session.seek(2000);
      } else session.seek(2000);
      session.inject({ kind: 'recover', target: 'app' });
      return traceOf(session);
    };
    const replayed = run(true);
    expect(replayed).toEqual(run(false));
    expect(replayed.filter((line) => line.includes('"kind":"command"'))).toHaveLength(2);
  });

  it('drops faults given after the moment it changes', () => {
    const { session } = setup();
    session.seek(3000);
    session.inject({ kind: 'crash', target: 'app' });
    session.seek(1000);
    session.inject({ kind: 'recover', target: 'app' });
    const commands = traceOf(session).filter((line) => line.includes('"kind":"command"'));
    expect(commands).toEqual([expect.stringContaining('"command":"recover"')]);
  });

  it('keeps playing after changing the past when it was playing, at the speed the reader chose', () => {
    const { session } = setup();
    session.player.setVisible(true);
    session.player.play();
    session.player.speed = 2;
    session.seek(3000);
    session.seek(1000);
    session.inject({ kind: 'crash', target: 'app' });
    expect(session.player.playing).toBe(true);
    expect(session.player.speed).toBe(2);
  });
});
