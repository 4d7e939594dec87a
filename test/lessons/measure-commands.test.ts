import { describe, expect, it } from 'vitest';
import { checkGoal, diagnosis, parseGoal, parseMeasure, type TraceIndex } from '../../src/lessons';
import { evaluate } from '../../src/lessons/measure/evaluate';
import { lineMatches } from '../../src/lessons/measure/command-match';
import { terminalWhy } from '../../src/models/shell';
import type { TraceRecord } from '../../src/sim';
import { indexOf } from './fixtures';

const measure = (source: string, index: TraceIndex) => evaluate(parseMeasure(source), index);

/** The record a terminal line leaves, as the terminal writes it. */
function typed(t: number, line: string, where = 'machine', exitCode = 0): TraceRecord {
  return { kind: 'command', t, seq: t, command: 'terminal', target: where, why: terminalWhy(line, exitCode) };
}

const session = (): TraceIndex =>
  indexOf(
    [[
      typed(1_000, 'kubectl get po'),
      typed(2_000, 'kubectl get pods -o wide'),
      { kind: 'command', t: 3_000, seq: 3_000, command: 'crash', target: 'app', why: 'kill app' },
      typed(4_000, "curl -v 'http://my-nlb-url.com/auth/login'"),
      typed(5_000, 'nginx -s reload', 'nginx-55cfdff8ff-mzpj4'),
      typed(6_000, 'kubectl get pods | grep nginx', 'machine', 1),
    ]],
    ['app'],
    10_000,
  );

describe('lines the student ran in the terminal', () => {
  it('matches the asked words in order, each inside a word of the line, whatever comes between', () => {
    expect(lineMatches('kubectl get pods', 'kubectl get pods -o wide')).toBe(true);
    expect(lineMatches('kubectl get pods', 'kubectl -n default get pods,svc')).toBe(true);
    expect(lineMatches('curl /auth/login', "curl -v 'http://my-nlb-url.com/auth/login'")).toBe(true);
    expect(lineMatches('kubectl get pods', 'kubectl get po')).toBe(false);
    expect(lineMatches('kubectl get pods', 'kubectl pods get')).toBe(false);
    expect(lineMatches('get get', 'kubectl get pods')).toBe(false);
  });

  it('counts terminal lines by words, where they ran and when, and never counts other commands', () => {
    const index = session();
    expect(measure('count of commands "kubectl get pods"', index)).toMatchObject({ value: 2, text: '2 terminal commands matching "kubectl get pods"' });
    expect(measure('count of commands matching "curl /auth/login"', index)).toMatchObject({ value: 1 });
    expect(measure('count of commands', index)).toMatchObject({ value: 5 });
    expect(measure('count of commands in nginx-*', index)).toMatchObject({ value: 1, text: '1 terminal command run in nginx-*' });
    expect(measure('count of commands "kubectl get pods" after 3s', index)).toMatchObject({ value: 1 });
    expect(measure('count of commands "crash"', index)).toMatchObject({ value: 0 });
    expect(measure('time of first commands "kubectl get pods"', index)).toMatchObject({ value: 2_000 });
  });

  it('states a goal on a command the student must run, with the lines they did run as evidence when unmet', () => {
    const index = session();
    expect(checkGoal(parseGoal('count of commands "kubectl get pods" >= 1'), index).met).toBe(true);
    const unmet = checkGoal(parseGoal('count of commands "kubectl describe pod" >= 1'), index);
    expect(unmet.met).toBe(false);
    expect(diagnosis(unmet)[0]).toBe('0 terminal commands matching "kubectl describe pod": the value is 0, expected at least 1');
    expect(checkGoal(parseGoal('no commands "nginx -s reload" before 5s'), index).met).toBe(true);
    const all = checkGoal(parseGoal('no commands "kubectl"'), index);
    expect(all.met).toBe(false);
    expect(all.evidence[0]?.text).toBe('t = 1 s: ran `kubectl get po` (exit 0)');
  });

  it('says what it expected when a commands set is written wrong', () => {
    expect(() => parseMeasure('count of commands in')).toThrow(/expected where the line ran: machine, or a pod name/);
    expect(() => parseMeasure('count of comands "x"')).toThrow(/decisions, logs or commands/);
  });
});
