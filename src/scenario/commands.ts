/**
 * Commands a world accepts while it runs (instructor faults, later config
 * edits). A command is applied at the world's current virtual time;
 * replaying the same commands at the same times replays the run.
 *
 * Direct worlds (`topology`) know `crash` and `recover` on a server, from the
 * table below; full worlds know every fault kind (`runtime/faults.ts`).
 */
import type { ServerNode } from '../models/backend';
import type { FaultKind } from './types';

/** A command for `World.inject`. */
export interface WorldCommand {
  kind: FaultKind;
  /** A server or machine id, `deployment/index`, a pod name, a node name or an AZ, by kind. */
  target: string;
  /** Undo it after this long (full worlds). */
  forMs?: number;
  /** `slow`: the extra time per response. */
  byMs?: number;
}

interface CommandDef {
  /** Why, as the `command` trace record says it. */
  why(target: string): string;
  perform(server: ServerNode): void;
}

export const commandTable: Readonly<Partial<Record<FaultKind, CommandDef>>> = {
  crash: {
    why: (target) => `kill ${target}'s process: requests it holds are reset, new ones refused`,
    perform: (server) => server.crash('crash command: the process was killed'),
  },
  recover: {
    why: (target) => `start ${target}'s process again`,
    perform: (server) => server.recover('recover command: the process was started again'),
  },
};

/** The definition for a command in a direct world, or an Error saying what was expected. */
export function commandDef(command: WorldCommand): CommandDef {
  const def = Object.hasOwn(commandTable, command.kind) ? commandTable[command.kind] : undefined;
  if (def === undefined) {
    throw new Error(`unknown command "${String(command.kind)}": expected one of ${Object.keys(commandTable).join(', ')}`);
  }
  return def;
}
