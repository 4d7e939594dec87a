/**
 * Commands a world accepts while it runs (instructor faults, later config
 * edits). A command is applied at the world's current virtual time;
 * replaying the same commands at the same times replays the run.
 *
 * Direct worlds (`topology`) know `crash` and `recover` on a server, from the
 * table below; full worlds know every fault kind (`runtime/faults.ts`).
 */
import type { ServerNode } from '../models/backend';
import type { FaultKind, FaultSettings } from './types';

/** A fault or its repair, for `World.inject`; DNS and NLB kinds carry their settings (`FaultSettings`). */
export interface WorldCommand extends FaultSettings {
  kind: FaultKind;
  /** A server or machine id, `deployment/index`, a pod name, a node name or an AZ, by kind. */
  target: string;
  /** Undo it after this long (full worlds). */
  forMs?: number;
  /** `slow`: the extra time per response. */
  byMs?: number;
}

/**
 * An edit to one nginx configuration file followed by `nginx -s reload`, in
 * a full world. One file per command, so the command stays flat JSON (it
 * travels in a share link); the other files stay as they are.
 */
export interface NginxReloadCommand {
  kind: 'nginx-reload';
  /** A machine id, a Deployment (`web`, `default/web`: its pods and its next ones), a pod (`web/0`, a pod name), or `all`. */
  target: string;
  /** The file's name relative to /etc/nginx (`nginx.conf`, `conf.d/default.conf`). */
  file: string;
  /** Its new content. */
  text: string;
}

/** The kind of the nginx reload command. */
export const NGINX_RELOAD = 'nginx-reload';

/** How the `command` record of a reload whose configuration failed the check begins. */
export const RELOAD_REFUSED = 'reload refused';

/**
 * `kubectl apply -f -` in a full world, at the world's current virtual time:
 * one or more YAML documents (Deployments, Services, ConfigMaps, Namespaces).
 * All are validated first; if any is invalid, or asks for what the
 * simulation cannot do at run time, nothing is applied and the `command`
 * record's `why` begins with `APPLY_REFUSED`, naming line and field.
 */
export interface KubectlApplyCommand {
  kind: 'kubectl-apply';
  /** Always `cluster`. */
  target: string;
  /** The manifests, as `kubectl apply -f` reads them (documents separated by `---`). */
  text: string;
}

/** The kind of the kubectl apply command. */
export const KUBECTL_APPLY = 'kubectl-apply';

/** How the `command` record of an apply that changed nothing because of an error begins. */
export const APPLY_REFUSED = 'apply refused';

/** Anything `World.inject` takes: a fault (`WorldCommand`, the name kept for its many users), a reload or an apply. */
export type AnyWorldCommand = WorldCommand | NginxReloadCommand | KubectlApplyCommand;

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
export function commandDef(command: AnyWorldCommand): CommandDef {
  // A direct world has no nginx: `nginx-reload` is unknown here too.
  const def = Object.hasOwn(commandTable, command.kind) ? commandTable[command.kind as FaultKind] : undefined;
  if (def === undefined) {
    throw new Error(`unknown command "${String(command.kind)}": expected one of ${Object.keys(commandTable).join(', ')}`);
  }
  return def;
}
