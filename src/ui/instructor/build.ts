/**
 * From a run plan to a running world: load the scenario, build the world
 * with the plan's seed (the world schedules the scenario's own `faults:`),
 * then replay the commands given by hand, each at the moment it was given,
 * and run on to the moment asked for.
 *
 * This is also how an edit is applied when the world has no hook for it (a
 * manifest edit; an nginx.conf edit is an `nginx-reload` command instead):
 * the world is built again from the edited scenario and the command list is
 * replayed up to now. Deterministic, at the price that the edit holds from
 * t = 0 rather than from the moment it was made.
 */
import { commandTable, createWorld, FAULT_KINDS, formatScenarioError, KUBECTL_APPLY, loadScenario, NGINX_RELOAD, type AnyWorldCommand, type Scenario, type World } from '../../scenario';
import { formatVirtualTime } from '../format';
import { nameLookup } from '../names';
import { Player, type FrameSource } from '../player.svelte';
import { TraceFingerprint } from '../share/fingerprint';
import type { Command, Given, RunPlan } from './plan';
import { describeCommand } from './describe';
import { giveToTerminal, TerminalDriver, type ShellKit } from '../terminal/driver';
import { isTerminalCommand } from '../terminal/lines';

/**
 * The command kinds a world built from `scenario` accepts: a direct world
 * (`topology`) takes crash and recover on its servers (`commandTable`); a
 * full world takes every fault kind and `nginx-reload`, and `kubectl-apply`
 * when it has a cluster. This mirrors `createWorld`'s choice; the world does
 * not say it yet.
 */
export function acceptedKinds(scenario: Scenario): ReadonlySet<string> {
  return new Set(isDirect(scenario) ? Object.keys(commandTable) : [...FAULT_KINDS, NGINX_RELOAD, ...(scenario.cluster === undefined ? [] : [KUBECTL_APPLY])]);
}

/** A direct world: clients linked to servers, no DNS (as `createWorld` decides). It ignores a fault's `for`. */
export function isDirect(scenario: Scenario): boolean {
  return scenario.topology.clients.length + scenario.topology.servers.length > 0;
}

/** The one place a catalogue command becomes a world command: only after the world said it accepts the kind. */
export function toWorldCommand(command: Command, accepted: ReadonlySet<string>): AnyWorldCommand {
  if (!accepted.has(command.kind)) {
    throw new Error(`${command.kind}: this world does not take "${command.kind}" commands yet (it takes ${[...accepted].join(', ')})`);
  }
  return { ...command } as unknown as AnyWorldCommand;
}

/** The moment to run to: a virtual time, and the engine event count to stop at when known. */
export interface Moment {
  atMs: number;
  events?: number;
}

export interface BuildOptions {
  speed: number;
  frames?: FrameSource;
  /** Most engine events the whole replay may run: a link must not freeze the page. */
  maxEvents?: number;
  /** The shell's code, to type the plan's terminal lines again (they are dropped without it). */
  shell?: ShellKit;
}

export interface Built {
  scenario: Scenario;
  world: World;
  player: Player;
  fingerprint: TraceFingerprint;
  /** The given commands as replayed, each stamped with its event count. */
  given: Given[];
  /** Why some given commands could not be given again (they are left out of `given`). */
  dropped: string[];
  /** The terminal that typed the plan's lines, when it has any: the page's terminal goes on with it. */
  terminal?: TerminalDriver;
}

export type BuildResult = { ok: true; built: Built } | { ok: false; errors: string[] };

/**
 * Replay runs synchronously, about 25,000 engine events per second in a
 * browser: 600,000 is about ten virtual minutes of the full path at 50
 * requests per second, and a page frozen for at most half a minute by a
 * hostile link.
 */
export const DEFAULT_MAX_REPLAY_EVENTS = 600_000;

/** Why an error stopped something, in words. */
const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Build the plan's world and run it to `to` (t = 0 when absent), giving the plan's commands on the way. */
export function buildRun(plan: RunPlan, to: Moment | undefined, options: BuildOptions): BuildResult {
  const loaded = loadScenario(plan.scenario, plan.file);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => formatScenarioError(e)) };
  let world: World;
  try {
    world = createWorld(loaded.scenario, { seed: plan.seed });
  } catch (error) {
    return { ok: false, errors: [`the scenario could not be started: ${why(error)}`] };
  }
  const fingerprint = new TraceFingerprint(world.trace);
  const player = new Player(world, { speed: options.speed, frames: options.frames, nameOf: nameLookup(world.snapshot().components) });
  const built: Built = { scenario: loaded.scenario, world, player, fingerprint, given: [], dropped: [] };
  const max = options.maxEvents ?? DEFAULT_MAX_REPLAY_EVENTS;
  let problem: string | undefined;
  try {
    problem = replay(built, plan.given, to, max, options.shell);
  } catch (error) {
    // An engine event that throws (a scenario fault the world cannot apply) stops the replay, not the page.
    problem = `the run stopped with an error at ${formatVirtualTime(world.now)}: ${why(error)}`;
  }
  if (problem === undefined) return { ok: true, built };
  player.destroy();
  fingerprint.dispose();
  return { ok: false, errors: [problem] };
}

/** Give each command at its moment, then run to `to`; returns what stopped it early, if anything. */
function replay(built: Built, given: readonly Given[], to: Moment | undefined, maxEvents: number, shell: ShellKit | undefined): string | undefined {
  const { world, player } = built;
  const accepted = acceptedKinds(built.scenario);
  let budget = maxEvents;
  const runTo = (m: Moment): boolean => {
    const before = world.engine.eventsProcessed;
    player.runTo(m.atMs, { ...(m.events === undefined ? {} : { untilEvents: m.events }), maxEvents: budget });
    budget -= world.engine.eventsProcessed - before;
    return budget > 0;
  };
  const tooLong = `replaying this run takes more than ${maxEvents.toLocaleString('en')} engine events; this page stops there`;
  for (const g of given) {
    if (!runTo(g)) return tooLong;
    const events = world.engine.eventsProcessed;
    if (isTerminalCommand(g.command)) {
      // A terminal line runs through the shell, as when it was typed; it writes its own records.
      const driver = shell === undefined ? undefined : (built.terminal ??= new TerminalDriver(shell, world));
      const problem = driver === undefined ? 'the terminal could not be loaded' : giveToTerminal(driver, g.command);
      if (problem === undefined) built.given.push({ atMs: world.now, events, command: g.command });
      else built.dropped.push(`${describeCommand(g.command)} at ${formatVirtualTime(g.atMs)}: ${problem}`);
      continue;
    }
    let command: AnyWorldCommand;
    try {
      command = toWorldCommand(g.command, accepted);
      player.inject(command);
    } catch (error) {
      built.dropped.push(`${describeCommand(g.command)} at ${formatVirtualTime(g.atMs)}: ${why(error)}`);
      continue;
    }
    built.given.push({ atMs: world.now, events, command: g.command });
  }
  if (to !== undefined && !runTo(to)) return tooLong;
  return undefined;
}
