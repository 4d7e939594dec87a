/** Run `trafficlab <command> …` in-process and capture what it prints, for the CLI tests. */
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

/** What one invocation printed, and its exit status. */
export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** `trafficlab <command> ...args`, its output captured instead of printed. */
export async function cli(command: string, ...args: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main([command, ...args], io);
  return { code, out, err };
}
