/**
 * `trafficlab check [LESSON.md …]`: validate lessons and play each one's
 * solution headless; exit non-zero naming the lesson, step and reason when
 * one fails. With no files, checks every lesson in ./lessons (not README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkLesson, formatLessonError, loadLesson, type LessonCheck, type ScenarioLookup } from '../../lessons';
import type { CliIO, Command } from '../io';

export const CHECK_HELP = `usage: trafficlab check [LESSON.md …]

Validates each lesson, computes every prediction's answer by simulation, plays
each step's solution and checks its goals. With no files, checks every *.md in
./lessons except README.md. Scenarios named in a lesson are read from the
scenarios/ folder beside it. Exits 1 when a lesson fails, 2 on a usage error.
`;

/** Scenario files live in `scenarios/` beside the lesson. */
function lookupBeside(file: string): ScenarioLookup {
  return (name) => {
    const full = path.join(path.dirname(file), 'scenarios', name);
    if (!existsSync(full)) return undefined;
    return { file: path.relative(process.cwd(), full) || full, text: readFileSync(full, 'utf8') };
  };
}

/** Every lesson file in a folder, in course order (file names start with their number). */
export function lessonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => path.join(dir, f));
}

function report(result: LessonCheck, file: string, io: CliIO): void {
  const { lesson, steps, problems } = result;
  const predictions = lesson.steps.filter((s) => s.prediction !== undefined).length;
  const goals = lesson.steps.reduce((n, s) => n + s.goals.length, 0);
  const verdict = problems.length === 0 ? 'ok  ' : 'FAIL';
  io.out(`${verdict} ${file}  ${lesson.id}: ${lesson.steps.length} steps, ${predictions} predictions, ${goals} goals\n`);
  steps.forEach((s, i) => {
    const answer = s.answer === undefined ? '' : `prediction → ${s.answer}; `;
    const met = s.goals.filter((g) => g.met).length;
    io.out(`       step ${i + 1} "${s.title}": ${answer}goals met with the solution: ${met}/${s.goals.length}\n`);
  });
  for (const p of problems) {
    const step = p.step === undefined ? '' : ` step ${p.step} "${lesson.steps[p.step - 1]?.title ?? ''}":`;
    io.err(`${file}:${p.line}:${step} ${p.message}\n`);
  }
}

export const checkCommand: Command = async (args: string[], io: CliIO): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(CHECK_HELP);
    return 0;
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown !== undefined) {
    io.err(`trafficlab check: unknown option ${unknown}\n${CHECK_HELP}`);
    return 2;
  }
  let files = args;
  if (files.length === 0) {
    if (!existsSync('lessons')) {
      io.err('trafficlab check: no lesson files given and no ./lessons folder here\n');
      return 2;
    }
    files = lessonFiles('lessons');
  }
  let failed = 0;
  const ids = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`trafficlab check: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed++;
      continue;
    }
    const loaded = loadLesson(text, file, lookupBeside(file));
    if (!loaded.ok) {
      io.out(`FAIL ${file}  (does not load)\n`);
      for (const e of loaded.errors) io.err(`${formatLessonError(e)}\n`);
      failed++;
      continue;
    }
    const other = ids.get(loaded.lesson.id);
    if (other !== undefined) {
      io.err(`${file}:1: id "${loaded.lesson.id}" is already the id of ${other}: expected each lesson to have its own id (deep links use it)\n`);
      failed++;
    }
    ids.set(loaded.lesson.id, file);
    const result = checkLesson(loaded.lesson);
    report(result, file, io);
    if (result.problems.length > 0) failed++;
  }
  io.out(`${files.length - failed} of ${files.length} lessons pass\n`);
  return failed === 0 ? 0 : 1;
};
