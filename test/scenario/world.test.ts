import { describe, expect, it } from 'vitest';
import { toJsonLine, type OutcomeRecord, type TraceRecord } from '../../src/sim';
import { createWorld, type WorldCommand } from '../../src/scenario';
import { busy, hello, lessonText, scenarioFrom } from './fixtures';

const helloText = () => lessonText('hello.yaml');

function traceBytes(seed: number, commands: [number, WorldCommand][] = [], untilMs = 30_000): string {
  const world = createWorld(busy(), { seed });
  const lines: string[] = [];
  world.trace.subscribe((r) => lines.push(toJsonLine(r)));
  for (const [at, command] of commands) {
    world.runUntil(at);
    world.inject(command);
  }
  world.runUntil(untilMs);
  return lines.join('\n');
}

const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');

describe('createWorld', () => {
  it('does nothing until stepped, then runs exactly one event per step', () => {
    const world = createWorld(hello(), { seed: 1 });
    expect(world.trace.total).toBe(0);
    expect(world.now).toBe(0);
    expect(world.step()).toBe(true);
    expect(world.engine.eventsProcessed).toBe(1);
    expect(world.trace.records().map((r) => r.kind)).toEqual(['state', 'request', 'send']);
  });

  it('runs hello.yaml: one request a second, each answered 200 by app within its latency range', () => {
    const world = createWorld(hello(), { seed: 1 });
    world.runUntil(10_000);
    const records = world.trace.records();
    expect(records.filter((r) => r.kind === 'request').map((r) => r.t)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    const done = outcomes(records);
    expect(done).toHaveLength(10);
    for (const o of done) {
      expect(o).toMatchObject({ status: 200, result: 'ok', servedBy: 'app' });
      // Two 25 ms link crossings plus 20–60 ms in the app.
      expect(o.latencyMs).toBeGreaterThanOrEqual(70);
      expect(o.latencyMs).toBeLessThanOrEqual(110);
    }
  });

  it('gives byte-identical traces for the same scenario, seed and commands', () => {
    const commands: [number, WorldCommand][] = [
      [4_321, { kind: 'crash', target: 'app' }],
      [9_000, { kind: 'recover', target: 'app' }],
    ];
    const a = traceBytes(42, commands);
    expect(a.length).toBeGreaterThan(10_000);
    expect(traceBytes(42, commands)).toBe(a);
  });

  it('gives different latencies with a different seed', () => {
    const latencies = (seed: number) => {
      const world = createWorld(hello(), { seed });
      world.runUntil(10_000);
      return outcomes(world.trace.records()).map((o) => o.latencyMs);
    };
    expect(latencies(1)).toEqual(latencies(1));
    expect(latencies(2)).not.toEqual(latencies(1));
  });

  it('records a crash command, refuses requests while crashed, and answers again after recover', () => {
    const world = createWorld(hello(), { seed: 1 });
    world.runUntil(2500);
    world.inject({ kind: 'crash', target: 'app' });
    world.runUntil(4500);
    world.inject({ kind: 'recover', target: 'app' });
    world.runUntil(6500);
    const records = world.trace.records();
    expect(records.filter((r) => r.kind === 'command')).toEqual([
      { kind: 'command', t: 2500, seq: expect.any(Number), command: 'crash', target: 'app', why: "kill app's process: requests it holds are reset, new ones refused" },
      { kind: 'command', t: 4500, seq: expect.any(Number), command: 'recover', target: 'app', why: "start app's process again" },
    ]);
    expect(records.filter((r) => r.kind === 'state' && r.component === 'app').map((r) => r.kind === 'state' && [r.t, r.from, r.to])).toEqual([
      [2500, 'up', 'crashed'],
      [4500, 'crashed', 'up'],
    ]);
    expect(outcomes(records).map((o) => [o.requestId, o.result, o.status])).toEqual([
      ['browser#1', 'ok', 200],
      ['browser#2', 'ok', 200],
      ['browser#3', 'ok', 200],
      ['browser#4', 'refused', 0],
      ['browser#5', 'refused', 0],
      ['browser#6', 'ok', 200],
      ['browser#7', 'ok', 200],
    ]);
    expect(records.find((r) => r.kind === 'drop')).toMatchObject({ t: 3025, requestId: 'browser#4', why: 'nothing listens on 198.51.100.10:80: app is crashed' });
  });

  it('resets a request the app holds when it crashes', () => {
    const world = createWorld(hello(), { seed: 1 });
    world.runUntil(30); // browser#1 reached app at 25 ms and waits 20–60 ms for its answer
    world.inject({ kind: 'crash', target: 'app' });
    world.runUntil(1000);
    expect(outcomes(world.trace.records())).toEqual([
      expect.objectContaining({ requestId: 'browser#1', t: 55, status: 0, result: 'reset', why: 'connection reset: app crashed while handling the request' }),
    ]);
  });

  it('rejects a command for an unknown target or of an unknown kind, recording nothing', () => {
    const world = createWorld(hello(), { seed: 1 });
    expect(() => world.inject({ kind: 'crash', target: 'db' })).toThrow('crash: expected the id of a server (app), got "db"');
    expect(() => world.inject({ kind: 'explode' as 'crash', target: 'app' })).toThrow('unknown command "explode": expected one of crash, recover');
    expect(world.trace.total).toBe(0);
  });

  it('describes every component and link in a snapshot', () => {
    const world = createWorld(hello(), { seed: 1 });
    world.runUntil(1500);
    expect(world.snapshot()).toEqual({
      t: 1500,
      components: [
        {
          id: 'browser', kind: 'client', label: 'browser', address: '203.0.113.7', state: 'active',
          counters: { issued: 2, completed: 2, inFlight: 0, ok: 2, error: 0, refused: 0, reset: 0, timeout: 0 },
        },
        {
          id: 'app', kind: 'server', label: 'app', address: '198.51.100.10:80', state: 'up',
          counters: { received: 2, answered: 2, errors: 0, refused: 0, reset: 0, inFlight: 0 },
        },
      ],
      links: [{ id: 'browser-app', from: 'browser', to: 'app', latencyMs: 25 }],
    });
  });

  it('keeps only the newest records in a small trace window while counting them all', () => {
    const world = createWorld(hello(), { seed: 1, traceWindow: 10 });
    world.runUntil(10_000);
    expect(world.trace.records()).toHaveLength(10);
    expect(world.trace.total).toBeGreaterThan(50);
  });

  it('applies the crash and recover faults a topology scenario schedules, at their times', () => {
    const text = `${helloText()}faults:\n  - { at: 2500ms, crash: app }\n  - { at: 4500ms, recover: app }\n`;
    const world = createWorld(scenarioFrom(text), { seed: 1 });
    world.runUntil(6500);
    const commands = world.trace.records().filter((r) => r.kind === 'command').map((r) => [r.t, r.kind === 'command' ? r.command : '']);
    expect(commands).toEqual([
      [2500, 'crash'],
      [4500, 'recover'],
    ]);
  });
});
