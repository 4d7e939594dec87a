import { describe, expect, it } from 'vitest';
import { formatLessonError } from '../../src/lessons';
import { crashLesson, errorsOf, helloYaml, load } from './lesson-text';

describe('loading a lesson', () => {
  it('reads the frontmatter, and takes each step\'s text from its "## " section', () => {
    const lesson = load(crashLesson);
    expect(lesson).toMatchObject({ id: 'crash', title: 'A crash', intro: 'Intro.' });
    const step = lesson.steps[0];
    expect(step).toMatchObject({ title: 'Crash', text: 'The app crashes.', untilMs: 20_000 });
    expect(step?.faults).toMatchObject([{ atMs: 5000, command: { kind: 'crash', target: 'app' }, where: { line: 10 } }]);
    expect(step?.goals).toMatchObject([{ id: 'goal-1', source: 'no failures after 12s', description: 'no failures after 12s', where: { line: 18 } }]);
    expect(step?.scenario.file).toBe('lessons/scenarios/hello.yaml');
  });

  it('names the file, line and field of a mistake in a goal, at the column inside the goal', () => {
    const [e] = errorsOf(crashLesson.replace('no failures after 12s', 'no failures after soon'));
    expect(e).toMatchObject({ file: 'crash.md', line: 18, path: 'steps[0].goals[0]' });
    expect(e?.column).toBe(9 + 'no failures after '.length);
    expect(e?.message).toMatch(/in "no failures after soon": expected a time such as 40s/);
    expect(formatLessonError(e!)).toMatch(/^crash\.md:18:\d+: steps\[0\]\.goals\[0\]: /);
  });

  it('rejects unknown keys, naming the expected ones', () => {
    const [e] = errorsOf(crashLesson.replace('    until: 20s', '    untill: 20s'));
    expect(e?.message).toMatch(/unknown key; expected one of .*until.*\(did you mean until\?\)/);
    expect(e?.line).toBe(8);
  });

  it('rejects a command the world does not know', () => {
    const errors = errorsOf(crashLesson.replace('{ at: 5s, crash: app }', '{ at: 5s, crsh: app }'));
    expect(errors[0]).toMatchObject({ line: 10, path: 'steps[0].faults[0].crsh' });
    expect(errors[0]?.message).toMatch(/^unknown key; expected at, for, by, a setting \(ttl, .*\) and one command \(crash, recover, .*\) with its target \(did you mean crash\?\)$/);
    expect(errors[1]?.message).toMatch(/expected exactly one command \(crash, recover.*\) with its target, got none/);
  });

  it('reads for and by as durations, as the scenario\'s faults do', () => {
    const lesson = load(crashLesson.replace('{ at: 5s, crash: app }', '{ at: 5s, crash: app, for: 3s }'));
    expect(lesson.steps[0]?.faults[0]?.command).toEqual({ kind: 'crash', target: 'app', forMs: 3000 });
  });

  it('rejects a solution whose command differs from the allowed one only in a setting', () => {
    const text = crashLesson
      .replace('commands: [{ recover: app }]\n    goals', 'commands: [{ recover: app }, { slow: app, by: 200ms }]\n    goals')
      .replace('commands: [{ at: 8s, recover: app }]', 'commands: [{ at: 8s, recover: app }, { at: 9s, slow: app, by: 300ms }]');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.message)).toContain('the solution gives { slow: app, by: 300 ms }, which the student may not: add it to allow.commands');
    expect(load(text.replace('by: 300ms', 'by: 200ms')).steps[0]?.solution.commands.map((c) => c.command)).toContainEqual({ kind: 'slow', target: 'app', byMs: 200 });
  });

  it('rejects a solution that uses a command the student is not allowed', () => {
    const errors = errorsOf(crashLesson.replace('commands: [{ recover: app }]\n    goals', 'commands: [{ crash: app }]\n    goals'));
    expect(errors.map((e) => e.message)).toContain('the solution gives { recover: app }, which the student may not: add it to allow.commands');
  });

  it('asks for a section per step, and for no section without a step', () => {
    const errors = errorsOf(crashLesson.replace('## Crash', '## Crash!'));
    expect(errors.map((e) => e.message)).toEqual([
      'expected a section "## Crash" in the body for this step\'s text, got none (sections: "## Crash!")',
      'section "## Crash!" is no step\'s text: add a step with this title, or make it a "### " sub-heading',
    ]);
  });

  it('ignores "## " inside code fences', () => {
    const lesson = load(crashLesson.replace('The app crashes.', 'The app crashes.\n\n```\n## not a heading\n```'));
    expect(lesson.steps[0]?.text).toContain('## not a heading');
  });

  it('reports a missing scenario file', () => {
    const [e] = errorsOf(crashLesson.replace('scenario: hello.yaml', 'scenario: nope.yaml'));
    expect(e).toMatchObject({ line: 5, path: 'scenario', message: 'expected a scenario file in lessons/scenarios, got "nope.yaml", which does not exist' });
  });

  it('takes an inline scenario, whose errors carry the lesson\'s own line numbers', () => {
    const inline = helloYaml
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .map((l) => `  ${l}`)
      .join('\n');
    const text = crashLesson.replace('scenario: hello.yaml', `scenario:\n${inline}`);
    expect(load(text).steps[0]?.scenario.file).toBe('crash.md');
    const broken = text.replace('latencyMs: 25', 'latencyMs: fast');
    const [e] = errorsOf(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('latencyMs: fast')) + 1;
    expect(e).toMatchObject({ file: 'crash.md', line, path: 'topology.links[0].latencyMs' });
  });

  it('asks for choices or a number in a prediction, not both', () => {
    const [e] = errorsOf(crashLesson.replace('number: { tolerance: 0 }', 'number: { tolerance: 0 }\n      choices: [1, 2]'));
    expect(e?.message).toMatch(/either choices .* or number/);
  });

  it('checks that an edit finds its text in the scenario', () => {
    const text = crashLesson
      .replace('steps:', 'edits:\n  - { id: slow, label: link latency, find: "latencyMs: 99", options: ["latencyMs: 5"] }\nsteps:')
      .replace('commands: [{ recover: app }]', 'commands: [{ recover: app }]\n      edits: [slow]');
    expect(errorsOf(text).map((e) => e.message)).toEqual(['edit "slow" looks for "latencyMs: 99", which the scenario lessons/scenarios/hello.yaml does not contain']);
  });

  it('rejects a file without frontmatter', () => {
    expect(errorsOf('# Just Markdown')[0]?.message).toMatch(/expected the file to start with YAML frontmatter/);
  });
});
