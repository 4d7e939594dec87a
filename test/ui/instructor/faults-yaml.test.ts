import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addScenarioFaults, durationText, removeScenarioFault } from '../../../src/ui/instructor/faults-yaml';
import { loadScenario } from '../../../src/scenario';
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
    expect(addScenarioFaults(helloText(), [{ atMs: 1_000, command: { kind: 'cut-link', target: 'a|b' } }])).toEqual({ ok: false, why: 'the scenario format has no "cut-link" fault' });
    expect(removeScenarioFault(helloText(), 0).ok).toBe(false);
  });

  it('quotes a target that YAML would otherwise misread', () => {
    const text = added(helloText(), [{ atMs: 1_000, command: { kind: 'crash', target: 'a: b' } }]);
    expect(text.endsWith('faults:\n  - { at: 1s, crash: "a: b" }\n')).toBe(true);
    expect((parse(text) as { faults: { crash: string }[] }).faults[0]?.crash).toBe('a: b');
  });
});
