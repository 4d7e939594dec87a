import { describe, expect, it } from 'vitest';
import { addAsk, give, markLastRefused, rewritesHistory, wasRefused, withScenario } from '../../../src/ui/instructor/plan';
import { helloPlan } from './helpers';

const crash = { kind: 'crash', target: 'app' };
const recover = { kind: 'recover', target: 'app' };

describe('run plan', () => {
  it('keeps commands given in order, including two at the same moment', () => {
    let plan = give(helloPlan(), crash, 1_000, 10);
    plan = give(plan, recover, 1_000, 10);
    plan = give(plan, crash, 2_000, 20);
    expect(plan.given.map((g) => [g.atMs, g.command.kind])).toEqual([
      [1_000, 'crash'],
      [1_000, 'recover'],
      [2_000, 'crash'],
    ]);
  });

  it('drops the commands given after a moment when a command is given at that moment (a new history)', () => {
    let plan = give(helloPlan(), crash, 1_000, 10);
    plan = give(plan, recover, 5_000, 50);
    expect(rewritesHistory(plan, 3_000, 30)).toBe(true);
    expect(rewritesHistory(plan, 6_000, 60)).toBe(false);
    plan = give(plan, recover, 3_000, 30);
    expect(plan.given.map((g) => g.atMs)).toEqual([1_000, 3_000]);
  });

  it('forgets event counts after an edit, since the run before each command changed', () => {
    const plan = withScenario(give(helloPlan(), crash, 1_000, 10), 'name: edited\n');
    expect(plan.scenario).toBe('name: edited\n');
    expect(plan.given).toEqual([{ atMs: 1_000, command: crash }]);
  });

  it('keeps event counts after an edit that changed nothing before now', () => {
    const plan = withScenario(give(helloPlan(), crash, 1_000, 10), 'name: edited\n', true);
    expect(plan.given).toEqual([{ atMs: 1_000, events: 10, command: crash }]);
  });

  it('marks only the last command as refused, keeping it in the list', () => {
    const plan = markLastRefused(give(give(helloPlan(), crash, 1_000, 10), recover, 2_000, 20));
    expect(plan.given.map((g) => wasRefused(g.command))).toEqual([false, true]);
    expect(plan.given[1]).toMatchObject({ atMs: 2_000, events: 20, command: { ...recover, refused: 1 } });
    expect(markLastRefused(helloPlan()).given).toEqual([]);
  });

  it('orders questions by time', () => {
    const plan = addAsk(addAsk(helloPlan(), { atMs: 9_000, question: 'b' }), { atMs: 2_000, question: 'a' });
    expect(plan.asks.map((a) => a.question)).toEqual(['a', 'b']);
  });
});
