import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../src/scenario';
import { embedLessonStep } from '../../src/ui/lesson/embed-step';

describe('lesson steps for the embed', () => {
  it('gives the step\'s place, text and scenario, and is undefined for an unknown lesson', () => {
    const step = embedLessonStep('one-server', 2);
    expect(step?.place).toEqual({ lesson: 'one-server', step: 2, steps: 2, title: 'The server crashes' });
    expect(step?.text).toMatch(/^At \*\*t = 30 s\*\*/);
    expect(step?.scenario.file).toBe('lessons/scenarios/single-server.yaml');
    expect(embedLessonStep('no-such-lesson', 1)).toBeUndefined();
    expect(() => embedLessonStep('one-server', 3)).toThrow('expected step="…" from 1 to 2 for lesson "one-server", got 3');
  });

  it('reports the goals met when the run reaches the step\'s end, and none that are not', () => {
    const step = embedLessonStep('one-server', 2)!;
    const loaded = loadScenario(step.scenario.text, step.scenario.file);
    if (!loaded.ok) throw new Error('the scenario does not load');
    const run = (recoverAt: number | undefined) => {
      const world = createWorld(loaded.scenario, { seed: 1 });
      const met: string[] = [];
      const stop = step.follow(world, { goalMet: (g) => met.push(g.id) });
      if (recoverAt !== undefined) {
        world.runUntil(recoverAt);
        world.inject({ kind: 'recover', target: 'app' });
      }
      world.runUntil(59_000);
      expect(met).toEqual([]);
      world.runUntil(61_000);
      stop();
      return met;
    };
    expect(run(32_000)).toEqual(['goal-1', 'goal-2']);
    expect(run(undefined)).toEqual([]);
  });
});
