/**
 * `trafficlab`: the headless interface (DESIGN.md, "Headless interfaces").
 * Each subcommand lives in its own module and is loaded only when used, so
 * `trafficlab nginx` does not pay for the scenario loader and vice versa.
 */
import type { CliIO, Command } from './io';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: {
    summary: 'run SCENARIO.yaml [--seed N] [--until 10m] [--trace FILE.jsonl] [--json]',
    load: async () => (await import('./commands/run')).runCommand,
  },
  nginx: {
    summary: 'nginx NGINX.conf --backends BACKENDS.json --requests REQUESTS.jsonl',
    load: async () => (await import('./commands/nginx')).nginxCommand,
  },
  exec: {
    summary: 'exec SCENARIO.yaml [--at 30s] [--seed N] [--for 2m] -- COMMAND …',
    load: async () => (await import('./commands/exec')).execCommand,
  },
  check: {
    summary: 'check [LESSON.md …]',
    load: async () => (await import('./commands/check')).checkCommand,
  },
};

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  trafficlab ${c.summary}`);
  return `usage:\n${lines.join('\n')}\n`;
}

/** Run the CLI with `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (entry === undefined) {
    io.err(`trafficlab: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await (await entry.load())(rest, io);
  } catch (error) {
    // A bug in a command must still end with a message, not a stack dump alone.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`trafficlab ${name}: internal error: ${message}\n`);
    return 70;
  }
}
