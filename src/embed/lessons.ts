/**
 * The course built into trafficlab, as the embed's lesson source. The
 * lesson's data comes already checked and lexed (lesson-chunks.ts, one chunk
 * per lesson in the build), with the few functions that watch a step's goals
 * (src/ui/lesson/embed-follow.ts); both load on the first `lesson=`, so a
 * page that embeds only scenarios never downloads them.
 */
import { findLesson } from './lesson-chunks';
import { registerLessonLoader, type LessonStep } from './sources';

/** Register the bundled lessons; the element does it once, on load. */
export function registerBundledLessons(): () => void {
  return registerLessonLoader(async (id, n): Promise<LessonStep | undefined> => {
    const [lesson, { followStep }] = await Promise.all([findLesson(id), import('../ui/lesson/embed-follow')]);
    if (lesson === undefined) return undefined;
    const step = lesson.steps[n - 1];
    if (step === undefined) throw new Error(`expected step="…" from 1 to ${lesson.steps.length} for lesson "${lesson.id}", got ${n}`);
    return {
      place: { lesson: lesson.id, step: n, steps: lesson.steps.length, title: step.title },
      text: step.text,
      tokens: step.tokens,
      scenario: { scenario: step.scenario, file: step.file },
      follow: (world, report) => followStep(step, world, { goalMet: (goal) => report.goalMet(goal) }),
    };
  });
}
