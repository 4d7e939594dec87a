import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addScenarioFaults, durationText, removeScenarioFault } from '../../../src/ui/instructor/faults-yaml';
import { createWorld, loadScenario } from '../../../src/scenario';
import { CATALOGUE, scheduled, scheduleTargets, takesFor } from '../../../src/ui/instructor/catalogue';
import { helloText } from './helpers';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

function faults(text: string) {
  const loaded = loadScenario(text, 'x.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario.faults;
}

function added(text: string, entries: Parameters<typeof addScenarioFaults>[1]): string {
  const r = addScenarioFaults(text, entries);
  if (!r.ok) throw new Error(r.why);
  return r.text;
}

describe("the schedule in the scenario's faults list", () => {
  it('writes durations the format reads back to the same milliseconds', () => {
    expect([20_000, 12_500, 250].map(durationText)).toEqual(['20s', '12500ms', '250ms']);
  });

  it('appends a faults list after the rest of the file, leaving every other line as it was', () => {
    const text = added(helloText(), [
      { atMs: 12_500, command: { kind: 'crash', target: 'app' } },
      { atMs: 20_000, command: { kind: 'recover', target: 'app' } },
    ]);
    expect(text).toBe(`${helloText()}faults:\n  - { at: 12500ms, crash: app }\n  - { at: 20s, recover: app }\n`);
    expect(faults(text)).toEqual([
      { atMs: 12_500, kind: 'crash', target: 'app' },
      { atMs: 20_000, kind: 'recover', target: 'app' },
    ]);
  });

  it('puts the faults in the first document of a multi-document file, with by and for', () => {
    const text = added(FULL, [{ atMs: 30_000, command: { kind: 'slow', target: 'api/0', byMs: 500 }, forMs: 10_000 }]);
    expect(faults(text)).toEqual([{ atMs: 30_000, kind: 'slow', target: 'api/0', byMs: 500, forMs: 10_000 }]);
    expect(text.split('\n---').slice(1)).toEqual(FULL.split('\n---').slice(1));
  });

  it('adds to a faults list that is already there, and removes an entry from it', () => {
    const withOne = added(FULL, [{ atMs: 5_000, command: { kind: 'kill', target: 'nginx/0' } }]);
    const withTwo = added(withOne, [{ atMs: 9_000, command: { kind: 'drain', target: 'node-2' } }]);
    expect(faults(withTwo).map((f) => [f.atMs, f.kind, f.target])).toEqual([
      [5_000, 'kill', 'nginx/0'],
      [9_000, 'drain', 'node-2'],
    ]);
    const removed = removeScenarioFault(withTwo, 0);
    expect(removed.ok && faults(removed.text).map((f) => f.kind)).toEqual(['drain']);
    const none = removed.ok ? removeScenarioFault(removed.text, 0) : removed;
    expect(none.ok && faults(none.text)).toEqual([]);
    expect(none.ok && none.text.includes('faults')).toBe(false);
  });

  it('refuses a command the format has no fault for, and a fault number that is not there', () => {
    expect(addScenarioFaults(helloText(), [{ atMs: 1_000, command: { kind: 'nginx-reload', target: 'all' } }])).toEqual({ ok: false, why: 'the scenario format has no "nginx-reload" fault' });
    expect(addScenarioFaults(helloText(), [{ atMs: 1_000, command: { kind: 'crash', target: 'app', ttlS: 5 } }])).toEqual({ ok: false, why: "the scenario format has no setting for crash's ttlS = 5" });
    expect(removeScenarioFault(helloText(), 0).ok).toBe(false);
  });

  it('quotes a target that YAML would otherwise misread', () => {
    const text = added(helloText(), [{ atMs: 1_000, command: { kind: 'crash', target: 'a: b' } }]);
    expect(text.endsWith('faults:\n  - { at: 1s, crash: "a: b" }\n')).toBe(true);
    expect((parse(text) as { faults: { crash: string }[] }).faults[0]?.crash).toBe('a: b');
  });

  it('writes each setting under its faults key: ttl as seconds, interval and timeout as durations, thresholds and replicas as counts', () => {
    const text = added(FULL, [
      { atMs: 1_000, command: { kind: 'dns-ttl', target: 'www.example.com', ttlS: 60 } },
      { atMs: 2_000, command: { kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 10, timeoutS: 6, healthyThreshold: 2, unhealthyThreshold: 4 } },
      { atMs: 3_000, command: { kind: 'scale', target: 'api', replicas: 5 }, forMs: 20_000 },
      { atMs: 4_000, command: { kind: 'dns-record', target: 'www.example.com', value: '10' } },
    ]);
    const entries = (parse(text.split('\n---')[0] ?? '') as { faults: unknown[] }).faults;
    expect(entries).toEqual([
      { at: '1s', 'dns-ttl': 'www.example.com', ttl: 60 },
      { at: '2s', 'nlb-health-check': 'nginx-loadbalancer', interval: '10s', timeout: '6s', 'healthy-threshold': 2, 'unhealthy-threshold': 4 },
      { at: '3s', scale: 'api', replicas: 5, for: '20s' },
      { at: '4s', 'dns-record': 'www.example.com', value: '10' },
    ]);
  });

  it('saves every catalogue entry with its options and choices so that the scenario loads the same commands back', () => {
    const loaded = loadScenario(FULL, 'full-path.yaml');
    if (!loaded.ok) throw new Error('full-path.yaml does not load');
    const world = createWorld(loaded.scenario, { seed: 1 });
    world.runUntil(15_000); // the pods exist: their entries offer deployment/index targets
    const source = { snapshot: world.snapshot(), scenario: loaded.scenario };
    const prepared = CATALOGUE.map((def, i) => {
      const target = scheduleTargets(def, source)[0]?.id;
      if (target === undefined) throw new Error(`${def.id} has no target in full-path.yaml`);
      // Not the defaults, so that a setting dropped on the way would show.
      const options = Object.fromEntries((def.options ?? []).map((o) => [o.key, o.unit === 'ms' ? o.default + 250 : Math.min(o.max, o.default + 1)]));
      const choices = Object.fromEntries((def.choices ?? []).map((c) => [c.key, c.values(source).at(-1)?.id ?? '']));
      return scheduled(def, target, (i + 1) * 1_000, options, takesFor(def) ? 7_000 : undefined, choices);
    });
    expect(prepared.some((f) => f.command.kind === 'nlb-health-check' && f.command['unhealthyThreshold'] === 4)).toBe(true);
    expect(prepared.some((f) => f.command.kind === 'dns-record' && typeof f.command['value'] === 'string' && f.command['value'] !== '')).toBe(true);
    const back = faults(added(FULL, prepared));
    expect(back).toEqual(prepared.map((f) => ({ atMs: f.atMs, ...f.command, ...(f.forMs === undefined ? {} : { forMs: f.forMs }) })));
  });
});
