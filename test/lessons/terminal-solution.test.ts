import { describe, expect, it } from 'vitest';
import { checkLesson, playStep, TraceIndex } from '../../src/lessons';
import { checkGoal, parseGoal } from '../../src/lessons';
import { crashLesson, errorsOf, load } from './lesson-text';

/** The crash lesson with one more goal (a line to run) and the solution typing `lines` in the terminal. */
function withTerminal(goal: string, lines: string): string {
  return crashLesson
    .replace('      - no failures after 12s\n', `      - no failures after 12s\n      - '${goal}'\n`)
    .replace('      commands: [{ at: 8s, recover: app }]\n', `      commands: [{ at: 8s, recover: app }]\n      terminal: ${lines}\n`);
}

describe('terminal lines in a solution', () => {
  it('types each line through the terminal at its time, so a goal asking for it is met', () => {
    const lesson = load(withTerminal('count of commands "curl 198.51.100.10" after 10s >= 1', '[{ at: 11s, run: "curl -s http://198.51.100.10/" }, { at: 12s, run: help }]'));
    const step = lesson.steps[0];
    expect(step?.solution.terminal.map((l) => [l.atMs, l.line])).toEqual([[11_000, 'curl -s http://198.51.100.10/'], [12_000, 'help']]);
    const result = checkLesson(lesson);
    expect(result.problems).toEqual([]);
    expect(result.steps[0]?.goals.map((g) => g.met)).toEqual([true, true]);
  });

  it('runs curl as a real request in the step: the line counts when its answer comes back', () => {
    const lesson = load(withTerminal('count of commands "curl" >= 1', '[{ at: 11s, run: "curl -s http://198.51.100.10/" }]'));
    const step = lesson.steps[0];
    if (step === undefined) throw new Error('no step');
    const run = playStep(lesson, step, { edits: {}, commands: step.solution.commands, terminal: step.solution.terminal });
    const index = new TraceIndex(run.records, [], step.untilMs);
    const line = index.commands.find((c) => c.command === 'terminal');
    // hello.yaml's link is 25 ms each way and the app answers in 20–60 ms, after the TCP handshake.
    expect(line?.t).toBeGreaterThan(11_000);
    expect(line?.why).toBe('ran `curl -s http://198.51.100.10/` in the terminal (exit 0)');
    expect(index.requests.some((r) => r.client === 'laptop' && r.t === 11_000)).toBe(true);
    expect(checkGoal(parseGoal('count of commands "curl" >= 1'), index).met).toBe(true);
  });

  it('reports a line that fails, with what the tool printed, and the goal it leaves unmet', () => {
    const result = checkLesson(load(withTerminal('count of commands "kubectl get pods" >= 1', '[{ at: 11s, run: kubectl get pods }]')));
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^playing the solution: terminal line `kubectl get pods` at 11000 ms \(line \d+\) exited 1: .+/),
    ]);
  });

  it('reports a curl still waiting when the step ends', () => {
    const result = checkLesson(load(withTerminal('count of commands "curl" >= 0', '[{ at: 19990ms, run: "curl -s http://198.51.100.10/" }]')));
    expect(result.problems.map((p) => p.message)).toContain('playing the solution: terminal line `curl -s http://198.51.100.10/` at 19990 ms (line 22) had not finished when the step ended');
  });

  it('rejects a line after the step ends, and a line without its text', () => {
    expect(errorsOf(withTerminal('count of commands >= 1', '[{ at: 30s, run: help }]')).map((e) => e.message)).toContain('expected a time within the step (until 20000 ms), got 30000 ms');
    expect(errorsOf(withTerminal('count of commands >= 1', '[{ at: 3s }]')).map((e) => e.path)).toContain('steps[0].solution.terminal[0].run');
  });
});
