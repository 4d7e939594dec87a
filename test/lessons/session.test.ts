/**
 * The lesson page's session, headless: the run waits for the prediction,
 * stops at the step's end with the goals' verdict, records progress, and
 * rebuilds the world when the student changes an edit.
 */
import { describe, expect, it } from 'vitest';
import { LessonSession } from '../../src/ui/lesson/session.svelte';
import { PROGRESS_KEY, type KeyValueStore } from '../../src/ui/lesson/progress';
import { ManualFrames } from '../ui/fixtures';
import { crashLesson, load } from './lesson-text';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function session(store = memory()) {
  const frames = new ManualFrames();
  const s = new LessonSession(load(crashLesson), { step: 1, speed: 1000, store, frames });
  return { s, frames, store };
}

/** Play at the session's speed, letting it follow the clock as the page's effect does. */
function play(s: LessonSession, frames: ManualFrames, frameCount: number): void {
  s.player.play();
  for (let i = 0; i < frameCount && s.player.playing; i++) {
    frames.tick(100);
    s.tick();
  }
}

describe('a student in a lesson', () => {
  it('holds the run at the prediction until the student answers', () => {
    const { s, frames } = session();
    expect(s.waiting).toBe(true);
    play(s, frames, 5);
    expect(s.player.playing).toBe(false);
    expect(s.player.now).toBeLessThan(1000);
    expect(s.status).toBe('Answer the prediction first: the simulation goes on once you have.');
  });

  it('computes the answer by simulation, judges the prediction, and reveals it at the step\'s end', () => {
    const { s, frames, store } = session();
    s.submit('5');
    expect(s.correct).toBe(true);
    expect(s.revealed).toBe(false);
    play(s, frames, 1000);
    expect(s.finished).toBe(true);
    expect(s.revealed).toBe(true);
    expect(s.player.now).toBeGreaterThanOrEqual(20_000);
    expect(JSON.parse(store.data.get(PROGRESS_KEY) ?? '{}')).toEqual({ crash: { 0: { prediction: { answer: '5', correct: true }, goalsMet: [] } } });
  });

  it('gives the verdict at the end: a goal not met comes with its diagnosis', () => {
    const { s, frames } = session();
    s.submit('3');
    expect(s.correct).toBe(false);
    play(s, frames, 1000);
    const [goal] = s.goals;
    expect(goal?.result?.met).toBe(false);
    expect(goal?.lines[0]).toMatch(/^\d+ requests failed after t = 12 s$/);
    expect(s.status).toMatch(/0 of 1 goals met\. See why below, then try again\.$/);
  });

  it('meets the goal when the student gives the allowed command in time, and keeps it in progress', () => {
    const { s, frames, store } = session();
    s.submit('5');
    s.player.runTo(6_000);
    s.inject({ kind: 'recover', target: 'app' });
    play(s, frames, 1000);
    expect(s.goals.map((g) => g.result?.met)).toEqual([true]);
    expect(s.status).toMatch(/Goal met: 1 of 1\.$/);
    expect(JSON.parse(store.data.get(PROGRESS_KEY) ?? '{}').crash[0].goalsMet).toEqual(['goal-1']);
  });

  it('starts the step again from t = 0 on a restart, keeping the prediction', () => {
    const { s } = session();
    s.submit('5');
    s.player.runTo(8_000);
    const before = s.generation;
    s.restart();
    expect(s.player.now).toBe(0);
    expect(s.generation).toBe(before + 1);
    expect(s.answer).toBe('5');
  });
});
