/** A small lesson to vary in tests, over the hello scenario (one browser, one app server). */
import { readFileSync } from 'node:fs';
import { loadLesson, type Lesson, type LessonError, type ScenarioLookup } from '../../src/lessons';

export const helloYaml = readFileSync(new URL('../../lessons/scenarios/hello.yaml', import.meta.url), 'utf8');

export const lookup: ScenarioLookup = (name) => (name === 'hello.yaml' ? { file: 'lessons/scenarios/hello.yaml', text: helloYaml } : undefined);

/** The frontmatter lines of a one-step lesson; tests replace lines to break it. */
export const crashLesson = `---
id: crash
title: A crash
summary: The app dies at 5 s.
scenario: hello.yaml
steps:
  - title: Crash
    until: 20s
    faults:
      - { at: 5s, crash: app }
    prediction:
      question: How many requests sent between 5 s and 10 s fail?
      measure: count of failures between 5s and 10s
      number: { tolerance: 0 }
    allow:
      commands: [{ recover: app }]
    goals:
      - no failures after 12s
    solution:
      commands: [{ at: 8s, recover: app }]
---

Intro.

## Crash

The app crashes.
`;

export function load(text: string): Lesson {
  const result = loadLesson(text, 'crash.md', lookup);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${e.path}: ${e.message}`).join('\n'));
  return result.lesson;
}

export function errorsOf(text: string): LessonError[] {
  const result = loadLesson(text, 'crash.md', lookup);
  if (result.ok) throw new Error('expected the lesson not to load');
  return result.errors;
}
