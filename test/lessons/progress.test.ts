import { describe, expect, it } from 'vitest';
import { lessonProgress, readProgress, recordGoals, recordPrediction, stepDone, writeProgress, PROGRESS_KEY, type KeyValueStore } from '../../src/ui/lesson/progress';
import { parseLessonRoute, lessonHref } from '../../src/ui/lesson/route';
import { crashLesson, load } from './lesson-text';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('progress kept in the browser', () => {
  const lesson = load(crashLesson);

  it('counts a step done once its prediction is answered and all its goals were met', () => {
    let p = recordPrediction({}, 'crash', 0, '5', true);
    expect(stepDone(p, lesson, 0)).toBe(false);
    p = recordGoals(p, 'crash', 0, ['goal-1']);
    expect(stepDone(p, lesson, 0)).toBe(true);
    expect(lessonProgress(p, lesson)).toEqual({ done: 1, of: 1 });
  });

  it('keeps the first prediction: answering again after seeing the result does not count', () => {
    const p = recordPrediction(recordPrediction({}, 'crash', 0, '3', false), 'crash', 0, '5', true);
    expect(p.crash?.[0]?.prediction).toEqual({ answer: '3', correct: false });
  });

  it('round-trips through storage, and reads nothing from a broken or missing store', () => {
    const store = memory();
    const p = recordGoals({}, 'crash', 0, ['goal-1']);
    writeProgress(store, p);
    expect(readProgress(store)).toEqual(p);
    store.data.set(PROGRESS_KEY, '{not json');
    expect(readProgress(store)).toEqual({});
    expect(readProgress(undefined)).toEqual({});
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(() => writeProgress(full, p)).not.toThrow();
  });
});

describe('lesson addresses', () => {
  it('reads ?lessons, ?lesson=ID and ?lesson=ID&step=N', () => {
    expect(parseLessonRoute('')).toEqual({ kind: 'none' });
    expect(parseLessonRoute('?lessons')).toEqual({ kind: 'list' });
    expect(parseLessonRoute('?lesson=one-server')).toEqual({ kind: 'lesson', id: 'one-server', step: 1, problem: undefined });
    expect(parseLessonRoute('?lesson=one-server&step=2')).toMatchObject({ step: 2, problem: undefined });
  });

  it('says what a bad step number should be, and shows step 1', () => {
    expect(parseLessonRoute('?lesson=one-server&step=two')).toEqual({
      kind: 'lesson', id: 'one-server', step: 1, problem: 'step: expected a step number from 1 (e.g. ?lesson=one-server&step=2), got "two"; showing step 1',
    });
  });

  it('builds a step\'s address keeping the other parameters', () => {
    expect(lessonHref('?lessons&speed=2', 'one-server', 2)).toBe('?speed=2&lesson=one-server&step=2');
  });
});
