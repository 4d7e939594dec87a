/**
 * Lesson addresses: `?lessons` shows the course, `?lesson=ID&step=N` a
 * lesson at a step (counting from 1). Parsed as plain data, so a bad step
 * number becomes a message, not a blank page.
 */

export type LessonRoute =
  | { kind: 'none' }
  | { kind: 'list' }
  | { kind: 'lesson'; id: string; step: number; problem: string | undefined };

export function parseLessonRoute(search: string): LessonRoute {
  const query = new URLSearchParams(search);
  const id = query.get('lesson');
  if (id === null) return query.has('lessons') ? { kind: 'list' } : { kind: 'none' };
  const raw = query.get('step');
  if (raw === null) return { kind: 'lesson', id, step: 1, problem: undefined };
  const step = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(step >= 1)) return { kind: 'lesson', id, step: 1, problem: `step: expected a step number from 1 (e.g. ?lesson=${id}&step=2), got "${raw}"; showing step 1` };
  return { kind: 'lesson', id, step, problem: undefined };
}

/** The address of a lesson step, keeping the page's other parameters (speed, seed). */
export function lessonHref(search: string, id: string, step: number): string {
  const query = new URLSearchParams(search);
  query.delete('lessons');
  query.set('lesson', id);
  query.set('step', String(step));
  return `?${query.toString()}`;
}
