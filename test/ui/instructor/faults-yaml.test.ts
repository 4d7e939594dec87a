import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, exportScenario } from '../../../src/ui/share/export';
import { scheduleCommands } from '../../../src/ui/instructor/plan';
import { loadScenario } from '../../../src/scenario';
import { helloPlan, helloText } from '../instructor/helpers';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

describe('exporting the scenario', () => {
  it('is the scenario text unchanged when nothing is scheduled', () => {
    expect(exportScenario(helloPlan())).toEqual({ text: helloText(), skipped: [] });
  });

  it('appends the schedule as a faults list the loader reads back at the same times', () => {
    const plan = scheduleCommands(helloPlan(), [
      { atMs: 12_500, command: { kind: 'crash', target: 'app' } },
      { atMs: 20_000, command: { kind: 'recover', target: 'app' } },
    ]);
    const { text, skipped } = exportScenario(plan);
    expect(skipped).toEqual([]);
    expect(text.startsWith(helloText())).toBe(true);
    expect(text.slice(helloText().length)).toBe('faults:\n  - { at: 12500ms, crash: app }\n  - { at: 20s, recover: app }\n');
    const loaded = loadScenario(text, 'hello.yaml');
    expect(loaded.ok && loaded.scenario.faults).toEqual([
      { atMs: 12_500, kind: 'crash', target: 'app' },
      { atMs: 20_000, kind: 'recover', target: 'app' },
    ]);
  });

  it('puts the faults in the first document of a multi-document file, before its manifests', () => {
    const plan = scheduleCommands({ ...helloPlan(), scenario: FULL }, [{ atMs: 30_000, command: { kind: 'slow', target: 'api/0', byMs: 500 } }]);
    const { text } = exportScenario(plan);
    const loaded = loadScenario(text, 'full-path.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.faults).toEqual([{ atMs: 30_000, kind: 'slow', target: 'api/0', byMs: 500 }]);
    expect(loaded.scenario.cluster?.deployments.length).toBe(4);
  });

  it('adds to a faults list that is already there', () => {
    const scenario = `${FULL.split('\n---')[0]}\nfaults:\n  - { at: 5s, kill: nginx/0 }\n---${FULL.split('\n---').slice(1).join('\n---')}`;
    const { text } = exportScenario(scheduleCommands({ ...helloPlan(), scenario }, [{ atMs: 9_000, command: { kind: 'drain', target: 'node-2' } }]));
    const loaded = loadScenario(text, 'full-path.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.faults.map((f) => [f.atMs, f.kind, f.target])).toEqual([
      [5_000, 'kill', 'nginx/0'],
      [9_000, 'drain', 'node-2'],
    ]);
  });

  it('leaves out, and says, commands the scenario format has no fault for', () => {
    const { text, skipped } = exportScenario(scheduleCommands(helloPlan(), [{ atMs: 1_000, command: { kind: 'cut-link', target: 'browser|app' } }]));
    expect(text).toBe(helloText());
    expect(skipped[0]).toContain('no "cut-link" fault');
  });

  it('names the download after the scenario, without path or odd characters', () => {
    expect(exportFileName('lessons/scenarios/hello.yaml')).toBe('hello.yaml');
    expect(exportFileName('../<evil>.yml')).toBe('_evil_.yaml');
    expect(exportFileName('')).toBe('scenario.yaml');
  });
});
