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
