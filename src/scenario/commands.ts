/**
 * Commands a world accepts while it runs (instructor faults, later config
 * edits), as a table of data: what each does to its target, and the sentence
 * the trace records. A command is applied at the world's current virtual
 * time; replaying the same commands at the same times replays the run.
 */
import type { ServerNode } from '../models/backend';

/** A command for `World.inject`. More kinds arrive with later components. */
export interface WorldCommand {
  kind: 'crash' | 'recover';
  /** Id of the component it applies to (a server, for now). */
  target: string;
}

interface CommandDef {
  /** Why, as the `command` trace record says it. */
  why(target: string): string;
  perform(server: ServerNode): void;
}

export const commandTable: Readonly<Record<WorldCommand['kind'], CommandDef>> = {
  crash: {
    why: (target) => `kill ${target}'s process: requests it holds are reset, new ones refused`,
    perform: (server) => server.crash('crash command: the process was killed'),
  },
  recover: {
    why: (target) => `start ${target}'s process again`,
    perform: (server) => server.recover('recover command: the process was started again'),
  },
};

/** The definition for a command, or an Error saying what was expected. */
export function commandDef(command: WorldCommand): CommandDef {
  const def = Object.hasOwn(commandTable, command.kind) ? commandTable[command.kind] : undefined;
  if (def === undefined) {
    throw new Error(`unknown command "${String(command.kind)}": expected one of ${Object.keys(commandTable).join(', ')}`);
  }
  return def;
}
