/**
 * The run's terminal: one shell on one world, whose output goes to whichever
 * panel is attached (none while a plan is replayed headless). The run owns
 * it, not the panel: when an edit rebuilds the world, the shell that typed
 * the plan's lines during the replay (in a pod after `kubectl exec`, a curl
 * still waiting) is the one the new panel goes on with.
 *
 * The shell's code loads with the terminal panel (it is a large part of the
 * bundle), so it arrives here as a `ShellKit` instead of a static import.
 */
import type { COMMANDS, Execution, hostForWorld, Shell, WorldLike } from '../../models/shell';
import type { Command } from '../instructor/plan';
import { lineOf, TERMINAL_INTERRUPT } from './lines';

/** The parts of models/shell a driver needs, passed in so the shell loads only when used. */
export interface ShellKit {
  readonly Shell: typeof Shell;
  readonly COMMANDS: typeof COMMANDS;
  readonly hostForWorld: typeof hostForWorld;
}

/** Load the shell's code (its own chunk). */
export const loadShellKit = (): Promise<ShellKit> => import('../../models/shell');

/** Where a driver's output goes. */
export interface TerminalOutput {
  out(text: string): void;
  err(text: string): void;
  /** `clear`: forget the output shown so far. */
  clear(): void;
  /** The running line ended with this exit status. */
  done(code: number): void;
}

const SILENT: TerminalOutput = { out: () => undefined, err: () => undefined, clear: () => undefined, done: () => undefined };

export class TerminalDriver {
  readonly shell: Shell;
  private execution: Execution | undefined;
  private output: TerminalOutput = SILENT;

  constructor(kit: ShellKit, world: WorldLike) {
    this.shell = new kit.Shell(kit.hostForWorld(world), kit.COMMANDS, () => this.output.clear());
  }

  /** Send the output to `output` from now on (SILENT when none is given). */
  attach(output: TerminalOutput = SILENT): void {
    this.output = output;
  }

  /** Whether a line is still running (curl waiting for its answer, tail -f). */
  get running(): boolean {
    return this.execution !== undefined;
  }

  /** Run `line` now; false (and nothing run) when another line is still running, as a terminal takes one at a time. */
  type(line: string): boolean {
    if (this.execution !== undefined) return false;
    const execution = this.shell.run(line, { out: (t) => this.output.out(t), err: (t) => this.output.err(t) }, (code) => {
      this.execution = undefined;
      this.output.done(code);
    });
    if (!execution.done) this.execution = execution;
    return true;
  }

  /** Ctrl-C: stop the running line; false when nothing was running. */
  interrupt(): boolean {
    const execution = this.execution;
    if (execution === undefined) return false;
    execution.interrupt();
    return true;
  }
}

/** Give a terminal plan command (lines.ts) to `driver` now; returns why it could not be, if it could not. */
export function giveToTerminal(driver: TerminalDriver, command: Command): string | undefined {
  if (command.kind === TERMINAL_INTERRUPT) return driver.interrupt() ? undefined : 'nothing was running in the terminal';
  const line = lineOf(command);
  if (line === undefined) return `expected a line to type, got a "${command.kind}" command`;
  return driver.type(line) ? undefined : 'the line before it was still running';
}
