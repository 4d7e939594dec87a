import { describe, expect, it } from 'vitest';
import { checkLesson, EMPTY_PLAN, playStep } from '../../src/lessons';
import { crashLesson, load } from './lesson-text';

describe('checking a lesson', () => {
  it('computes the prediction by simulation and meets every goal with the solution', () => {
    const result = checkLesson(load(crashLesson));
    expect(result.problems).toEqual([]);
    expect(result.steps).toEqual([{ title: 'Crash', answer: '5', goals: [{ description: 'no failures after 12s', met: true }] }]);
  });

  it('names the step and goal a solution fails, with the diagnosis from the trace', () => {
    const result = checkLesson(load(crashLesson.replace('{ at: 8s, recover: app }', '{ at: 14s, recover: app }')));
    expect(result.problems).toHaveLength(1);
    const [p] = result.problems;
    expect(p).toMatchObject({ step: 1, line: 18 });
    expect(p?.message).toMatch(/^goal "no failures after 12s" is not met with the solution: 2 requests failed after t = 12 s \| browser#13 \(GET \/, sent at t = 12 s\): connection refused/);
  });

  it('rejects a prediction whose computed answer is not among the choices', () => {
    const text = crashLesson.replace('number: { tolerance: 0 }', 'choices: [0, { min: 1, max: 3 }, { min: 6, max: 100 }]');
    const [p] = checkLesson(load(text)).problems;
    expect(p?.message).toBe('prediction "count of failures between 5s and 10s": the simulation answers 5, which matches none of the choices; choices: 0, 1–3, 6–100');
  });

  it('rejects choices that overlap on the computed answer', () => {
    const text = crashLesson.replace('number: { tolerance: 0 }', 'choices: [{ min: 0, max: 5 }, { min: 5, max: 10 }]');
    expect(checkLesson(load(text)).problems[0]?.message).toMatch(/matches 2 choices \(0–5, 5–10\)/);
  });

  it('rejects a solution that is not needed: the goals hold without it', () => {
    const text = crashLesson.replace('no failures after 12s', 'no failures before 5s');
    expect(checkLesson(load(text)).problems.map((p) => p.message)).toEqual(['every goal is already met without the solution: the step asks nothing of the student']);
  });

  it('reports a fault aimed at a component the world does not have', () => {
    const text = crashLesson.replace('{ at: 5s, crash: app }', '{ at: 5s, crash: api }');
    const messages = checkLesson(load(text)).problems.map((p) => p.message);
    expect(messages[0]).toMatch(/^playing the step as it stands: fault \{ crash: api \} at 5000 ms \(line 10\): crash: expected the id of a server/);
  });

  it('asks every lesson for at least one prediction and one goal', () => {
    const text = crashLesson.replace(/ {4}prediction:\n(.*\n){3}/, '').replace(/ {4}goals:\n.*\n {4}solution:\n.*\n/, '');
    const messages = checkLesson(load(text)).problems.map((p) => p.message);
    expect(messages).toEqual([
      'the lesson has no prediction: every lesson asks the student to predict at least once',
      'the lesson has no goal: every lesson sets at least one goal the simulation checks',
    ]);
  });

  it('starts a step with its preset edits, and the solution\'s edits on top', () => {
    const text = crashLesson
      .replace('steps:', 'edits:\n  - { id: slow, label: link latency, find: "latencyMs: 25", options: ["latencyMs: 2000"] }\nsteps:')
      .replace('    allow:\n', '    preset: { slow: "latencyMs: 2000" }\n    allow:\n');
    const lesson = load(text);
    const step = lesson.steps[0]!;
    const first = (plan = EMPTY_PLAN) => playStep(lesson, step, plan).records.find((r) => r.kind === 'outcome');
    expect(first()).toMatchObject({ latencyMs: expect.any(Number) });
    expect((first() as { latencyMs: number }).latencyMs).toBeGreaterThan(4000);
    expect((first({ edits: { slow: 'latencyMs: 25' }, commands: [] }) as { latencyMs: number }).latencyMs).toBeLessThan(200);
  });

  it('gives the same verdict every time: runs are deterministic', () => {
    const lesson = load(crashLesson);
    expect(checkLesson(lesson).steps).toEqual(checkLesson(lesson).steps);
  });
});
