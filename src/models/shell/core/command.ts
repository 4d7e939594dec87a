/**
 * The shape of a terminal command. A command is a registered data object
 * (name, help text, where it exists, how to run it, how to complete its
 * arguments), so `help`, tab completion and "command not found" all read the
 * same table. A run either finishes at once with an exit code, or returns a
 * Job that ends later, when the simulation answers (curl) or when the user
 * interrupts it (tail -f).
 */
import type { TerminalHost } from '../host';

/** Where output goes: the two streams of a terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** A command still running; `interrupt` is Ctrl-C. */
export interface Job {
  interrupt(): void;
}

/** An exit code now, or a Job that calls `finish` later. */
export type RunResult = number | Job;

/** Where a shell is: the student's machine, or inside a pod after `kubectl exec -it POD -- sh`. */
export type Location =
  | { readonly kind: 'machine' }
  | { readonly kind: 'pod'; readonly pod: string; readonly namespace: string; readonly container: string };

/** What the shell offers to the commands it runs. */
export interface ShellServices {
  /** Commands entered so far, oldest first. */
  history(): readonly string[];
  /** Commands available at a location, for help and completion. */
  commandsAt(where: Location): readonly CommandDef[];
  /** Open an interactive shell in a pod (kubectl exec -it POD -- sh). */
  enter(where: Location): void;
  /** Leave the pod shell (exit); false when already on the machine. */
  leave(): boolean;
  /** Run one command somewhere else (kubectl exec POD -- nginx -t) into `io`. */
  runAt(where: Location, argv: readonly string[], io: Io, finish: (code: number) => void): RunResult;
  /** Forget the output shown so far (clear); a no-op headless. */
  clear(): void;
}

export interface CommandEnv {
  readonly host: TerminalHost;
  readonly where: Location;
  readonly io: Io;
  /** For commands that returned a Job: call exactly once, when the command ends. */
  readonly finish: (code: number) => void;
  readonly shell: ShellServices;
}

/** What completion can look at. */
export interface CompletionEnv {
  readonly host: TerminalHost;
  readonly where: Location;
  readonly shell: ShellServices;
}

export interface CommandDef {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** The forms `help NAME` shows, one per line. */
  readonly usage: readonly string[];
  /** Where the command exists: on the student's machine, in pods, or both. */
  readonly on: 'machine' | 'pod' | 'both';
  run(env: CommandEnv, args: readonly string[]): RunResult;
  /** Candidates for the last word of `args` (which may be empty or partial). */
  complete?(env: CompletionEnv, args: readonly string[]): readonly string[];
}

/** True when `def` exists at `where`. */
export function availableAt(def: CommandDef, where: Location): boolean {
  return def.on === 'both' || def.on === where.kind;
}
