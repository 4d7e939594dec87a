/**
 * The arguments of `trafficlab run`: one scenario file and a few flags.
 * Parsing returns either the options or a message for the usage error.
 */
import { durationExpected, parseDuration } from '../scenario';

export interface RunOptions {
  file: string;
  /** Overrides the scenario's own seed. */
  seed?: number;
  untilMs: number;
  traceFile?: string;
  json: boolean;
  help: boolean;
}

export const RUN_HELP = `usage: trafficlab run SCENARIO.yaml [--seed N] [--until 10m] [--trace FILE.jsonl] [--json]

Runs a scenario headless on its virtual clock and prints a summary.

  --seed N            seed for every random stream (default: the scenario's seed, else 1)
  --until DURATION    virtual time to run to: 500ms, 30s, 10m, 1h or milliseconds (default 60s)
  --trace FILE.jsonl  write every trace record as one JSON line
  --json              print the summary as one JSON object:
                        scenario, seed, untilMs, requests, completed, outcomes, byPod,
                        events, virtualMs, wallMs
                      outcomes counts each request's one outcome: by HTTP status ("200",
                      "502"…), or, for requests that got no response, by client-side
                      error: dns_failure, connection_refused, connection_reset, timeout.
                      byPod counts the requests delivered to each backend (pod, machine
                      or server).
  -h, --help          show this help

Exit status: 0 after a run, 1 when the scenario cannot be read or is invalid, 2 on bad arguments.
`;

export type ParsedArgs = { ok: true; options: RunOptions } | { ok: false; message: string };

type ValueFlag = '--seed' | '--until' | '--trace';
const valueFlags: readonly string[] = ['--seed', '--until', '--trace'];

export function parseRunArgs(args: readonly string[]): ParsedArgs {
  const options: RunOptions = { file: '', untilMs: 60_000, json: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq === -1 ? arg : arg.slice(0, eq);
      if (!valueFlags.includes(flag)) return { ok: false, message: `unknown option ${flag}` };
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { ok: false, message: `${flag} needs a value` };
      const problem = applyFlag(options, flag as ValueFlag, value);
      if (problem !== undefined) return { ok: false, message: problem };
    } else if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (options.help) return { ok: true, options };
  if (files.length !== 1) {
    return { ok: false, message: files.length === 0 ? 'missing SCENARIO.yaml' : `expected one scenario file, got ${files.length}` };
  }
  options.file = files[0] ?? '';
  return { ok: true, options };
}

function applyFlag(options: RunOptions, flag: ValueFlag, value: string): string | undefined {
  switch (flag) {
    case '--seed': {
      const seed = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(seed)) return `--seed expects a whole number ≥ 0, got "${value}"`;
      options.seed = seed;
      return undefined;
    }
    case '--until': {
      const ms = parseDuration(value);
      if (ms === undefined) return `--until expects ${durationExpected}, got "${value}"`;
      options.untilMs = ms;
      return undefined;
    }
    case '--trace':
      options.traceFile = value;
      return undefined;
  }
}
