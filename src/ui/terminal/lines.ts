/**
 * Terminal lines in the run plan. Every line the student runs leaves a
 * `command` record in the trace, and some change the world (`nginx -s
 * reload`, curl's packets, kubectl scale), so a line is a plan command like
 * a fault: given at the moment it was typed and typed again, through the
 * same shell, when the plan is replayed (a share link, an edit to the past).
 * Ctrl-C on a running line ends it at that moment (its record, curl's
 * outcome), so it is a command too.
 */
import type { Command } from '../instructor/plan';

/** A line typed in the terminal: `{ kind: 'terminal', target: 'terminal', line }`. */
export const TERMINAL_LINE = 'terminal';
/** Ctrl-C on the line still running. */
export const TERMINAL_INTERRUPT = 'terminal-interrupt';
/** The target of both: the one terminal (where a line runs is the shell's state: the laptop, or a pod after kubectl exec). */
export const TERMINAL_TARGET = 'terminal';

/** The plan command for typing `line`. */
export function lineCommand(line: string): Command {
  return { kind: TERMINAL_LINE, target: TERMINAL_TARGET, line };
}

/** The plan command for Ctrl-C. */
export function interruptCommand(): Command {
  return { kind: TERMINAL_INTERRUPT, target: TERMINAL_TARGET };
}

/** True for the terminal's commands: the shell runs them, not `World.inject`. */
export function isTerminalCommand(command: Command): boolean {
  return command.kind === TERMINAL_LINE || command.kind === TERMINAL_INTERRUPT;
}

/** The line a terminal command types; undefined for Ctrl-C and for other commands. */
export function lineOf(command: Command): string | undefined {
  const line = command['line'];
  return command.kind === TERMINAL_LINE && typeof line === 'string' ? line : undefined;
}

/** `$ nginx -s reload` or `Ctrl-C in the terminal`; undefined for other commands. */
export function describeTerminalCommand(command: Command): string | undefined {
  if (command.kind === TERMINAL_INTERRUPT) return 'Ctrl-C in the terminal';
  const line = lineOf(command);
  return line === undefined ? undefined : `$ ${line}`;
}
