/**
 * The course built into trafficlab, as the embed's lesson source. The
 * lesson's data comes already checked and lexed (lesson-chunks.ts, one chunk
 * per lesson in the build), loaded on the first `lesson=`, so a page that
 * embeds only scenarios never downloads it. A step's run is watched from the
 * start (src/ui/lesson/embed-follow.ts); the goal checker loads when a run
 * first reaches the step's end, and the goals met are reported then, at
 * that virtual time.
 */
import { watchStep } from '../ui/lesson/embed-follow';
import { findLesson } from './lesson-chunks';
import { registerLessonLoader, type LessonStep } from './sources';

/** Register the bundled lessons; the element does it once, on load. */
export function registerBundledLessons(): () => void {
  return registerLessonLoader(async (id, n): Promise<LessonStep | undefined> => {
    const lesson = await findLesson(id);
    if (lesson === undefined) return undefined;
    const step = lesson.steps[n - 1];
    if (step === undefined) throw new Error(`expected step="…" from 1 to ${lesson.steps.length} for lesson "${lesson.id}", got ${n}`);
    return {
      place: { lesson: lesson.id, step: n, steps: lesson.steps.length, title: step.title },
      text: step.text,
      tokens: step.tokens,
      scenario: { scenario: step.scenario, file: step.file },
      faults: step.faults.map((f) => f.command),
      follow: (world, report) => {
        let watching = true;
        const stop = watchStep(step, world, (end) => {
          if (step.goals.length === 0) return;
          void import('../ui/lesson/embed-goals').then(({ checkGoals }) => {
            // A world replaced meanwhile (seeking back rebuilds it) reports nothing.
            if (watching) for (const goal of checkGoals(step, end)) report.goalMet({ ...goal, atMs: end.endMs });
          });
        });
        return () => {
          watching = false;
          stop();
        };
      },
    };
  });
}
