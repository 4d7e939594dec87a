import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/scenario';
import { findLesson } from '../../../src/embed/lesson-chunks';
import { watchStep, type StepEnd } from '../../../src/ui/lesson/embed-follow';
import { checkGoals } from '../../../src/ui/lesson/embed-goals';

describe('following a lesson step in an embedded world', () => {
  it("hands over the run once, when it reaches the step's end, and the goals met then are the ones checked", async () => {
    const lesson = await findLesson('one-server');
    const step = lesson?.steps[1];
    if (step === undefined) throw new Error('lesson one-server has no step 2');
    const run = (recoverAt: number | undefined) => {
      const world = createWorld(step.scenario, { seed: 1 });
      const ends: StepEnd[] = [];
      const stop = watchStep(step, world, (end) => ends.push(end));
      if (recoverAt !== undefined) {
        world.runUntil(recoverAt);
        world.inject({ kind: 'recover', target: 'app' });
      }
      world.runUntil(59_000);
      expect(ends).toEqual([]);
      world.runUntil(61_000);
      world.runUntil(70_000);
      stop();
      expect(ends).toHaveLength(1);
      expect(ends[0]?.endMs).toBe(step.untilMs);
      expect(ends[0]?.records.every((r) => r.t <= step.untilMs)).toBe(true);
      return checkGoals(step, ends[0]!).map((g) => g.id);
    };
    expect(run(32_000)).toEqual(['goal-1', 'goal-2']);
    expect(run(undefined)).toEqual([]);
  });

  it("gives the world the step's own faults at their times", async () => {
    // Lesson 10, step 2: "One auth pod is deleted at 20 s".
    const step = (await findLesson('kubernetes'))?.steps[1];
    if (step === undefined) throw new Error('lesson kubernetes has no step 2');
    expect(step.faults.map((f) => [f.atMs, f.command.kind])).toEqual([[20_000, 'kill']]);
    const commands = (follow: boolean) => {
      const world = createWorld(step.scenario, { seed: 1 });
      const stop = follow ? watchStep(step, world, () => undefined) : () => undefined;
      world.runUntil(21_000);
      stop();
      return world.trace.records().filter((r) => r.kind === 'command').map((r) => [r.t, r.kind === 'command' ? r.command : '']);
    };
    expect(commands(true)).toContainEqual([20_000, 'kill']);
    expect(commands(false)).not.toContainEqual([20_000, 'kill']);
  });
});
