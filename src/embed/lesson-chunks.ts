/**
 * The bundled lessons' data by lesson id (src/ui/lesson/embed-data.ts).
 *
 * In the embed build this module is replaced by generated code
 * (build/lessons-plugin.ts): each lesson's data written at build time into a
 * module of its own, imported when a page asks for that lesson. The code
 * here makes the same data at run time from the course the app bundles; the
 * tests use it, and compare it with what the build writes.
 */
import type { EmbedLessonData } from '../ui/lesson/embed-data';

let catalog: Promise<EmbedLessonData[]> | undefined;

async function load(): Promise<EmbedLessonData[]> {
  const [{ loadCatalog }, { embedLesson }] = await Promise.all([import('../ui/lesson/catalog'), import('../ui/lesson/embed-data')]);
  return loadCatalog().flatMap((entry) => (entry.ok ? [embedLesson(entry.lesson)] : []));
}

/** The lesson with this id, or undefined when no bundled lesson has it. */
export async function findLesson(id: string): Promise<EmbedLessonData | undefined> {
  catalog ??= load();
  return (await catalog).find((l) => l.id === id);
}
