import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { buildMenu, targetOf } from '../../../src/ui/instructor/menu';
import { helloText } from './helpers';

function hello() {
  const loaded = loadScenario(helloText(), 'hello.yaml');
  if (!loaded.ok) throw new Error('hello.yaml does not load');
  return { scenario: loaded.scenario, snapshot: createWorld(loaded.scenario, { seed: 1 }).snapshot() };
}

describe('fault menu', () => {
  it('lists the faults the world takes before the repairs, numbered from 1', () => {
    const menu = buildMenu(new Set(['crash', 'recover']), hello());
    expect(menu.entries.map((e) => [e.key, e.def.id])).toEqual([
      ['1', 'crash'],
      ['2', 'recover'],
    ]);
  });

  it('lists what the world does not take yet, with the command kind it needs', () => {
    const menu = buildMenu(new Set(['crash', 'recover']), hello());
    expect(menu.missing.map((m) => m.needs)).toContain('cut-link');
    expect(menu.missing.map((m) => m.def.id)).not.toContain('crash');
  });

  it('leaves out entries with nothing to hit in this world', () => {
    const menu = buildMenu(new Set(['crash', 'drain', 'lose-az']), hello());
    expect(menu.entries.map((e) => e.def.id)).toEqual(['crash']);
  });

  it('hits the selected component when the entry can, else the picked one, else the first', () => {
    const entry = { def: buildMenu(new Set(['crash']), hello()).entries[0]!.def, targets: [{ id: 'a', label: 'a' }, { id: 'b', label: 'b' }], key: '1' };
    expect(targetOf(entry, 'b', 'a')).toBe('b');
    expect(targetOf(entry, 'browser', 'b')).toBe('b');
    expect(targetOf(entry, undefined, 'zzz')).toBe('a');
  });
});
