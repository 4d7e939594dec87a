/** Typing into a world's terminal in tests: one line run to its end, and the `command` records a world keeps. */
import { expect } from 'vitest';
import type { CommandRecord, TraceRecord } from '../../../src/sim';
import type { World } from '../../../src/scenario';
import { COMMANDS, hostForWorld, Shell } from '../../../src/models/shell';

/** The `command` records among `records`. */
export const commands = (records: readonly TraceRecord[]) => records.filter((r): r is CommandRecord => r.kind === 'command');

/** Run one terminal line to its end (the commands tested answer at once) and return what it printed. */
export function runLine(world: World, line: string): { stdout: string; stderr: string; code: number | undefined } {
  const shell = new Shell(hostForWorld(world), COMMANDS);
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  const execution = shell.run(line, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, (c) => (code = c));
  expect(execution.done).toBe(true);
  return { stdout, stderr, code };
}

/** A trace without the terminal's own records and without sequence numbers (typed lines add records; the world's must match). */
export const withoutTerminal = (records: readonly TraceRecord[]) =>
  records.filter((r) => !(r.kind === 'command' && r.command === 'terminal')).map(({ seq: _, ...r }) => JSON.stringify(r));
