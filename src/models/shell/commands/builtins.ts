/**
 * The shell's own commands: help, history, clear and exit. `help` lists what
 * works where the shell is (the machine or a pod), so it doubles as the
 * index of what the simulation can answer.
 */
import type { CommandDef } from '../core/command';

export const help: CommandDef = {
  name: 'help',
  summary: 'list the commands, or show how to use one: help kubectl',
  usage: ['help', 'help COMMAND'],
  on: 'both',
  run(env, args) {
    const available = env.shell.commandsAt(env.where);
    const name = args[0];
    if (name !== undefined) {
      const def = available.find((c) => c.name === name);
      if (def === undefined) {
        env.io.err(`bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`);
        return 1;
      }
      env.io.out(`${def.name}: ${def.summary}\n${def.usage.map((u) => `  ${u}\n`).join('')}`);
      return 0;
    }
    const width = Math.max(...available.map((c) => c.name.length));
    const where = env.where.kind === 'pod' ? `inside pod ${env.where.pod}` : `on ${env.host.machine.hostname}`;
    env.io.out(
      `Commands ${where} (the simulated world answers them at the current virtual time):\n` +
        available.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n`).join('') +
        'Up and Down recall earlier commands, Tab completes, Ctrl-C stops a running command.\n' +
        'Filters after |: grep [-i] [-v] PATTERN, head [-n N], tail [-n N], wc -l.\n',
    );
    return 0;
  },
  complete: (env) => env.shell.commandsAt(env.where).map((c) => c.name),
};

export const history: CommandDef = {
  name: 'history',
  summary: 'the commands entered so far',
  usage: ['history', 'history N'],
  on: 'both',
  run(env, args) {
    const all = env.shell.history();
    const n = args[0] === undefined ? all.length : Number(args[0]);
    if (!Number.isInteger(n) || n < 0) {
      env.io.err(`bash: history: ${args[0] ?? ''}: numeric argument required\n`);
      return 1;
    }
    const start = Math.max(0, all.length - n);
    // bash: the entry number right-aligned in five columns, two spaces, the command.
    env.io.out(all.slice(start).map((line, i) => `${String(start + i + 1).padStart(5)}  ${line}\n`).join(''));
    return 0;
  },
};

export const clear: CommandDef = {
  name: 'clear',
  summary: 'clear the terminal',
  usage: ['clear'],
  on: 'both',
  run(env) {
    env.shell.clear();
    return 0;
  },
};

export const exit: CommandDef = {
  name: 'exit',
  summary: 'leave the pod shell (on the machine: nothing to leave)',
  usage: ['exit'],
  on: 'both',
  run(env) {
    if (env.shell.leave()) {
      env.io.out('exit\n');
      return 0;
    }
    env.io.err('trafficlab: this terminal stays open; there is no shell to exit from here\n');
    return 1;
  },
};
