/**
 * A student's progress, kept in the browser (localStorage): per lesson and
 * step, the prediction they gave and whether it was right, and the goals met.
 * Plain functions over plain data, with the storage passed in, so tests need
 * no browser and a full or blocked storage never breaks the page.
 */
import type { Lesson } from '../../lessons';

export interface StepProgress {
  prediction?: { answer: string; correct: boolean };
  /** Ids of the step's goals met in some run. */
  goalsMet: string[];
}

/** Lesson id → step index → progress. */
export type Progress = Record<string, Record<number, StepProgress>>;

/** The part of `Storage` this needs. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const PROGRESS_KEY = 'trafficlab:progress:v1';

/** The saved progress, or none when there is none or it cannot be read. */
export function readProgress(store: KeyValueStore | undefined): Progress {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(PROGRESS_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Progress) : {};
  } catch {
    return {};
  }
}

/** Save progress; a full or blocked storage loses it silently, since the lesson works without it. */
export function writeProgress(store: KeyValueStore | undefined, progress: Progress): void {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Private mode or quota: progress is a convenience, not a requirement.
  }
}

function stepOf(progress: Progress, lesson: string, step: number): StepProgress {
  return progress[lesson]?.[step] ?? { goalsMet: [] };
}

function withStep(progress: Progress, lesson: string, step: number, next: StepProgress): Progress {
  return { ...progress, [lesson]: { ...progress[lesson], [step]: next } };
}

/** The first answer counts: answering again after seeing the result is not a prediction. */
export function recordPrediction(progress: Progress, lesson: string, step: number, answer: string, correct: boolean): Progress {
  const current = stepOf(progress, lesson, step);
  if (current.prediction !== undefined) return progress;
  return withStep(progress, lesson, step, { ...current, prediction: { answer, correct } });
}

export function recordGoals(progress: Progress, lesson: string, step: number, met: readonly string[]): Progress {
  const current = stepOf(progress, lesson, step);
  const goalsMet = [...new Set([...current.goalsMet, ...met])];
  if (goalsMet.length === current.goalsMet.length) return progress;
  return withStep(progress, lesson, step, { ...current, goalsMet });
}

export function stepProgress(progress: Progress, lesson: string, step: number): StepProgress {
  return stepOf(progress, lesson, step);
}

/** Whether a step is done: its prediction answered and all its goals met once. */
export function stepDone(progress: Progress, lesson: Lesson, step: number): boolean {
  const s = lesson.steps[step];
  if (s === undefined) return false;
  const p = stepOf(progress, lesson.id, step);
  return (s.prediction === undefined || p.prediction !== undefined) && s.goals.every((g) => p.goalsMet.includes(g.id));
}

/** Steps done, out of the lesson's steps. */
export function lessonProgress(progress: Progress, lesson: Lesson): { done: number; of: number } {
  return { done: lesson.steps.filter((_, i) => stepDone(progress, lesson, i)).length, of: lesson.steps.length };
}
