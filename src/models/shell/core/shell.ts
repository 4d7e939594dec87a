/**
 * The shell: reads a line, runs it as a pipeline of one command and optional
 * line filters, keeps history and the current location (the student's
 * machine, or a pod after `kubectl exec -it`), and completes words on Tab.
 * Nothing here knows a browser or the scenario: output goes to an Io, and
 * time passes only when the world runs the engine.
 */
import type { TerminalHost } from '../host';
import { availableAt, type CommandDef, type CommandEnv, type Io, type Location, type RunResult, type ShellServices } from './command';
import { completeLine, type Completion } from './complete';
import { FILTERS, pipeInto } from './filters';
import { History } from './history';
import { parseLine } from './words';

/** One command line being run. */
export interface Execution {
  /** True once the command line has finished. */
  readonly done: boolean;
  /** Its exit status, once done. */
  readonly exitCode: number | undefined;
  /** Ctrl-C: stop a running command (exit status 130). */
  interrupt(): void;
}

const MACHINE: Location = { kind: 'machine' };

export class Shell {
  readonly history = new History();
  private readonly stack: Location[] = [MACHINE];
  private readonly services: ShellServices;

  constructor(
    readonly host: TerminalHost,
    private readonly commands: readonly CommandDef[],
    private readonly onClear: () => void = () => {},
  ) {
    this.services = {
      history: () => this.history.list(),
      commandsAt: (where) => this.commands.filter((c) => availableAt(c, where)),
      enter: (where) => void this.stack.push(where),
      leave: () => (this.stack.length > 1 ? (this.stack.pop(), true) : false),
      runAt: (where, argv, io, finish) => this.runCommand(where, argv, io, finish),
      clear: () => this.onClear(),
    };
  }

  /** Where commands run now. */
  get where(): Location {
    return this.stack[this.stack.length - 1] ?? MACHINE;
  }

  /** `student@laptop:~$ ` on the machine, `root@web-7c5d…:/# ` in a pod. */
  prompt(): string {
    const where = this.where;
    if (where.kind === 'pod') return `root@${where.pod}:/# `;
    return `${this.host.machine.user}@${this.host.machine.hostname}:~$ `;
  }

  /** Run a command line; `onDone` gets the exit status (at once for most commands). */
  run(line: string, io: Io, onDone: (code: number) => void = () => {}): Execution {
    this.history.add(line);
    let done = false;
    let exitCode: number | undefined;
    // Set once the command starts; interrupt() may be called before that by a filter.
    const running: { job?: RunResult } = {};
    const execution: Execution = {
      get done() {
        return done;
      },
      get exitCode() {
        return exitCode;
      },
      interrupt() {
        if (done) return;
        if (typeof running.job === 'object') running.job.interrupt();
      },
    };
    const where = this.where;
    const complete = (code: number): void => {
      if (done) return;
      done = true;
      exitCode = code;
      if (line.trim() !== '') this.host.noteCommand?.(line, where.kind === 'pod' ? where.pod : 'machine', code);
      onDone(code);
    };

    const parsed = parseLine(line);
    if (!parsed.ok) {
      io.err(`${parsed.message}\n`);
      complete(2);
      return execution;
    }
    const [first, ...rest] = parsed.pipeline;
    if (first === undefined) {
      complete(0);
      return execution;
    }

    // Build the filters from the last one back, so each writes into the next.
    let target: Io = io;
    const ends: (() => number)[] = [];
    let stopRequested = false;
    const stopProducer = (): void => {
      // head has what it wants: stop the command, as SIGPIPE would (possibly before it has returned a Job).
      stopRequested = true;
      if (typeof running.job === 'object') running.job.interrupt();
    };
    for (let i = rest.length - 1; i >= 0; i--) {
      const [name = '', ...args] = rest[i] ?? [];
      const make = FILTERS[name];
      if (make === undefined) {
        const known = this.commands.some((c) => c.name === name);
        io.err(known ? `trafficlab: ${name} cannot read from a pipe here (grep, head, tail and wc can)\n` : `bash: ${name}: command not found\n`);
        complete(known ? 1 : 127);
        return execution;
      }
      const filter = make(args, target);
      if ('error' in filter) {
        io.err(filter.error);
        complete(filter.code);
        return execution;
      }
      const pipe = pipeInto(filter, target, () => stopProducer());
      ends.unshift(() => pipe.end());
      target = pipe.io;
    }

    const finish = (code: number): void => {
      let status = code;
      for (const end of ends) status = end();
      complete(status);
    };
    const job = this.runCommand(this.where, first, target, finish);
    running.job = job;
    if (typeof job === 'number') finish(job);
    else if (stopRequested) job.interrupt();
    return execution;
  }

  /** Tab: complete the word at the end of `line`. */
  complete(line: string): Completion {
    return completeLine(line, { host: this.host, where: this.where, shell: this.services }, this.services.commandsAt(this.where), Object.keys(FILTERS));
  }

  /** Run one command (no pipes) at `where`. A Job's `finish` is called later; a number is returned at once. */
  private runCommand(where: Location, argv: readonly string[], io: Io, finish: (code: number) => void): RunResult {
    const [name = '', ...args] = argv;
    const def = this.commands.find((c) => c.name === name);
    if (def === undefined || !availableAt(def, where)) {
      io.err(`bash: ${name}: command not found\n`);
      if (def !== undefined && where.kind === 'machine') io.err(`(${name} runs inside the pods: kubectl exec -it POD -- ${name} …)\n`);
      return 127;
    }
    let finished = false;
    const env: CommandEnv = {
      host: this.host,
      where,
      io,
      shell: this.services,
      finish: (code) => {
        if (finished) return;
        finished = true;
        finish(code);
      },
    };
    try {
      return def.run(env, args);
    } catch (error) {
      // A bug in one command must not take the terminal down with it.
      io.err(`trafficlab: internal error in ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 70;
    }
  }
}
