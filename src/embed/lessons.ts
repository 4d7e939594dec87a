/**
 * The course built into trafficlab, as the embed's lesson source
 * (src/ui/lesson/embed-step.ts shapes each step as `LessonStep`). Loaded on
 * the first `lesson=`, so a page that embeds only scenarios never downloads
 * the lessons.
 */
import { registerLessonLoader } from './sources';

/** Register the bundled lessons; the element does it once, on load. */
export function registerBundledLessons(): () => void {
  return registerLessonLoader(async (lesson, step) => (await import('../ui/lesson/embed-step')).embedLessonStep(lesson, step));
}
