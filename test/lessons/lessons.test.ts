/**
 * The course in CI: every lesson in lessons/ loads, its predictions have
 * computed answers among their choices, and its solutions reach its goals.
 * A lesson that breaks (or a world change that breaks a lesson) fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLesson, formatLessonError, loadLesson } from '../../src/lessons';

const dir = path.join(import.meta.dirname, '../../lessons');
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

const lookup = (name: string) => {
  const file = path.join(dir, 'scenarios', name);
  try {
    return { file: `lessons/scenarios/${name}`, text: readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
};

describe('every lesson in lessons/', () => {
  it('has lessons to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('gives each lesson its own id', () => {
    const ids = files.map((f) => /^id:\s*(\S+)/m.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const file of files) {
    // A lesson on the cluster plays a minute or two of a whole Kubernetes path, two or three times per step.
    it(`${file} loads, and its solutions reach its goals`, () => {
      const loaded = loadLesson(readFileSync(path.join(dir, file), 'utf8'), `lessons/${file}`, lookup);
      if (!loaded.ok) expect.fail(loaded.errors.map(formatLessonError).join('\n'));
      const { problems } = checkLesson(loaded.lesson);
      expect(problems.map((p) => `line ${p.line}, step ${p.step ?? '-'}: ${p.message}`)).toEqual([]);
    }, 180_000);
  }
});
