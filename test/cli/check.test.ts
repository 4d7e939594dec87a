import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './capture';
import { crashLesson } from '../lessons/lesson-text';

const dir = mkdtempSync(join(tmpdir(), 'trafficlab-check-'));
mkdirSync(join(dir, 'scenarios'));
writeFileSync(join(dir, 'scenarios', 'hello.yaml'), readFileSync('lessons/scenarios/hello.yaml', 'utf8'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lessonFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const check = (...args: string[]) => cli('check', ...args);

describe('trafficlab check', () => {
  it('passes a lesson whose solution reaches its goals, printing each prediction\'s computed answer', async () => {
    const { code, out, err } = await check(lessonFile('good.md', crashLesson));
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain('ok   ');
    expect(out).toContain('step 1 "Crash": prediction → 5; goals met with the solution: 1/1');
    expect(out).toContain('1 of 1 lessons pass');
  });

  it('exits 1 naming the lesson, line, step and reason when a goal is not met', async () => {
    const file = lessonFile('late.md', crashLesson.replace('{ at: 8s, recover: app }', '{ at: 15s, recover: app }'));
    const { code, out, err } = await check(file);
    expect(code).toBe(1);
    expect(out).toContain(`FAIL ${file}`);
    expect(err).toMatch(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:18: step 1 "Crash": goal "no failures after 12s" is not met with the solution: 3 requests failed`));
  });

  it('exits 1 with file, line and field when a lesson does not load', async () => {
    const file = lessonFile('broken.md', crashLesson.replace('until: 20s', 'until: soon'));
    const { code, err } = await check(file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:8:12: steps[0].until: expected a duration such as 500ms, 30s, 10m, 1h, or a number of milliseconds, > 0, got "soon"`);
  });

  it('checks the course in ./lessons when given no files', async () => {
    const { code, out, err } = await check();
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/ok {3}lessons\/02-one-server\.md/);
  });

  it('rejects an unknown option with its usage', async () => {
    const { code, err } = await check('--fast');
    expect(code).toBe(2);
    expect(err).toContain('usage: trafficlab check');
  });
});
