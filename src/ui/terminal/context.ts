/**
 * How the terminal panel finds the run it types into. The workbench keeps a
 * run plan (share links, edits that replay): it offers the run here, and the
 * panel, mounted deep inside the lab, records each line in the plan and runs
 * it on the run's own terminal. Without a run (a lesson page, an embed) the
 * panel has a terminal of its own and records nothing.
 */
import { getContext, setContext } from 'svelte';
import type { WorldLike } from '../../models/shell';
import type { Command } from '../instructor/plan';
import type { ShellKit, TerminalDriver } from './driver';

/** The part of a run session the terminal uses. */
export interface TerminalRun {
  readonly world: WorldLike;
  /** The run's terminal on its current world, made with `kit` when it has none yet. */
  terminal(kit: ShellKit): TerminalDriver;
  /** Add a terminal command to the plan at the world's present. */
  record(command: Command): void;
}

const KEY = Symbol('terminal-run');

/** Offer the run (read again on each use: the workbench may swap sessions). */
export function setTerminalRun(current: () => TerminalRun): void {
  setContext(KEY, current);
}

/** The run offered by an enclosing workbench, if any. */
export function getTerminalRun(): (() => TerminalRun) | undefined {
  return getContext<(() => TerminalRun) | undefined>(KEY);
}
