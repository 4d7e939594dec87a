/**
 * `trafficlab exec SCENARIO.yaml [--at 30s] [--seed N] [--for 2m] -- COMMAND…`:
 * run the world to a virtual time, run one terminal command against it, and
 * print exactly what the terminal panel prints — standard output and error
 * on their own streams — with the tool's exit status. A command that waits
 * on the simulation (curl) lets the world run on until it has its answer; a
 * command that follows (tail -f, kubectl logs -f) is stopped after `--for`
 * of virtual time, as if Ctrl-C were pressed (status 130).
 */
import { readFileSync } from 'node:fs';
import { createWorld, durationExpected, formatScenarioError, loadScenario, parseDuration } from '../../scenario';
import { COMMANDS, hostForWorld, quoteWord, Shell } from '../../models/shell';
import type { CliIO, Command } from '../io';

export const EXEC_HELP = `usage: trafficlab exec SCENARIO.yaml [--at 30s] [--seed N] [--for 2m] -- COMMAND [ARG…]

Runs the scenario headless to a virtual time, then one terminal command in
the simulated world, and prints what the terminal panel would print.

  --at DURATION   virtual time to run to before the command (default 0)
  --seed N        seed for every random stream (default: the scenario's seed)
  --for DURATION  longest virtual time a command may keep running after --at
                  (curl waiting for an answer, tail -f following); then it is
                  interrupted as by Ctrl-C (default 2m)
  -h, --help      show this help

COMMAND is one command, as typed in the panel: dig, nslookup, curl, kubectl,
aws elbv2, nginx, tail, cat, help. A single quoted argument may hold a whole
line with pipes: trafficlab exec s.yaml -- 'kubectl get pods | grep web'.

Exit status: the command's own, 2 on bad arguments, 1 when the scenario
cannot be read or is invalid.
`;

interface ExecOptions {
  file: string;
  atMs: number;
  forMs: number;
  seed?: number;
  line: string;
}

/** Bound on engine events run while a command waits, so a busy world cannot hang the CLI. */
const MAX_WAIT_EVENTS = 5_000_000;

function parseExecArgs(args: readonly string[]): ExecOptions | { help: true } | { error: string } {
  const dash = args.indexOf('--');
  const before = dash < 0 ? args : args.slice(0, dash);
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const files: string[] = [];
  let atMs = 0;
  let forMs = 120_000;
  let seed: number | undefined;
  for (let i = 0; i < before.length; i++) {
    const arg = before[i] ?? '';
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq < 0 ? arg : arg.slice(0, eq);
      if (!['--at', '--for', '--seed'].includes(flag)) return { error: `unknown option ${flag}` };
      const value = eq < 0 ? before[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { error: `${flag} needs a value` };
      if (flag === '--seed') {
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return { error: `--seed expects a whole number ≥ 0, got "${value}"` };
        seed = Number(value);
      } else {
        const ms = parseDuration(value);
        if (ms === undefined) return { error: `${flag} expects ${durationExpected}, got "${value}"` };
        if (flag === '--at') atMs = ms;
        else forMs = ms;
      }
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'missing SCENARIO.yaml' : `expected one scenario file before --, got ${files.length}` };
  if (command.length === 0) return { error: 'missing the command to run, after --' };
  // One argument is a whole command line (it may hold pipes); several are words to quote back together.
  const line = command.length === 1 ? (command[0] ?? '') : command.map(quoteWord).join(' ');
  return { file: files[0] ?? '', atMs, forMs, line, ...(seed === undefined ? {} : { seed }) };
}

export const execCommand: Command = async (args, io: CliIO) => {
  const parsed = parseExecArgs(args);
  if ('help' in parsed) {
    io.out(EXEC_HELP);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`trafficlab exec: ${parsed.error}\n${EXEC_HELP}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(parsed.file, 'utf8');
  } catch (error) {
    io.err(`trafficlab exec: cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const loaded = loadScenario(text, parsed.file);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(`${formatScenarioError(e)}\n`);
    return 1;
  }
  const world = createWorld(loaded.scenario, { seed: parsed.seed ?? loaded.scenario.seed });
  world.runUntil(parsed.atMs);

  const shell = new Shell(hostForWorld(world), COMMANDS);
  let status: number | undefined;
  const execution = shell.run(parsed.line, { out: io.out, err: io.err }, (code) => (status = code));
  const deadline = parsed.atMs + parsed.forMs;
  for (let ran = 0; !execution.done && ran < MAX_WAIT_EVENTS; ran++) {
    const next = world.engine.peekTime();
    if (next === undefined || next > deadline) break;
    world.step();
  }
  if (!execution.done) execution.interrupt();
  return status ?? 130;
};
