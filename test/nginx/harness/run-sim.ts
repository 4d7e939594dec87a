/**
 * The simulated side of a differential case: `trafficlab nginx` run
 * in-process on the case's files, exactly as a user would run it.
 */
import { nginxCommand } from '../../../src/cli/commands/nginx';
import type { Observed } from './run-real';
import type { DiffCase } from './cases';

export interface SimRun {
  code: number;
  stdout: string;
  stderr: string;
  results: Observed[];
}

export async function runSim(c: DiffCase, extraArgs: string[] = []): Promise<SimRun> {
  let stdout = '';
  let stderr = '';
  const code = await nginxCommand([c.conf, '--backends', c.backends, '--requests', c.requests, ...extraArgs], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  const results = stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Observed);
  return { code, stdout, stderr, results };
}

/** The `nginx: [emerg] …` line with the directory prefix removed, so both sides read `… in nginx.conf:5`. */
export function emergLine(stderr: string, dirPrefix: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('nginx: [emerg]')) ?? '(no [emerg] line)';
  return line.split(dirPrefix.endsWith('/') ? dirPrefix : `${dirPrefix}/`).join('');
}

const ERROR_LINE = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(\w+)\] \d+#\d+: (?:\*\d+ )?(.*)$/;
const SERIOUS = new Set(['emerg', 'alert', 'crit', 'error']);

/**
 * Error-log lines of level error or worse, as `[level] message, context`
 * without time, pid and connection number, and with `prefix` (nginx's
 * directory) removed from paths. These levels are logged under both
 * configurations; warn and info depend on each side's error_log level, so
 * warn lines are compared only for cases that set `error_log … warn`.
 */
export function seriousErrors(text: string, prefix: string, withWarn = false): string[] {
  const dir = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\S+: (?=\d{4}\/)/, '');
    const m = ERROR_LINE.exec(line);
    if (m && (SERIOUS.has(m[1] ?? '') || (withWarn && m[1] === 'warn'))) out.push(`[${m[1]}] ${(m[2] ?? '').split(dir).join('')}`);
  }
  return out;
}
