import { afterEach, describe, expect, it } from 'vitest';
import { registerBundledLessons } from '../../src/embed/lessons';
import { openSession } from '../../src/embed/open';
import { resolveSource } from '../../src/embed/sources';

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe('the bundled lessons as an embed source', () => {
  it('finds a lesson step by id and number, with its place, text and scenario', async () => {
    unregister = registerBundledLessons();
    const result = await resolveSource({ kind: 'lesson', lesson: 'one-server', step: 2 });
    expect(result.ok && result.lesson?.place).toEqual({ lesson: 'one-server', step: 2, steps: 2, title: 'The server crashes' });
    expect(result.ok && result.file).toMatch(/single-server\.yaml$/);
    expect(result.ok && result.lesson?.text).toContain('t = 30 s');
  });

  it('says which steps exist when the step does not', async () => {
    unregister = registerBundledLessons();
    const result = await resolveSource({ kind: 'lesson', lesson: 'one-server', step: 7 });
    expect(result).toEqual({ ok: false, title: 'Lesson "one-server" has no step 7', messages: [expect.stringMatching(/from 1 to 2/)] });
  });

  it("runs the step's faults in the embedded world and reports its goals when the run meets them", async () => {
    unregister = registerBundledLessons();
    const goals: string[] = [];
    const opened = await openSession({ source: { kind: 'lesson', lesson: 'one-server', step: 2 }, seed: undefined, speed: 1, autoplay: false, controls: 'full', height: undefined }, { emit: () => undefined });
    if (!opened.ok) throw new Error(opened.messages.join('; '));
    const { session, lesson } = opened;
    lesson?.follow?.(session.world, { goalMet: (g) => goals.push(`${g.id} at ${g.atMs}`), predictionAnswered: () => undefined });
    session.seek(31_000);
    expect(session.player.snapshot.components.find((c) => c.id === 'app')?.state).toMatch(/crash|down/);
    session.inject({ kind: 'recover', target: 'app' });
    session.seek(60_000);
    // The goal checker loads when the run first reaches the step's end; the goals come then.
    await expect.poll(() => goals).toHaveLength(2);
    // At the step's end, whenever the checker arrived.
    expect(goals).toEqual(['goal-1 at 60000', 'goal-2 at 60000']);
  });
});
