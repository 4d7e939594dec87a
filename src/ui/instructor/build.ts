/**
 * From a run plan to a running world: load the scenario, build the world
 * with the plan's seed, schedule the prepared commands as engine events
 * (before anything runs, so their place among same-time events is fixed),
 * then replay the commands given by hand, each at the moment it was given,
 * and run on to the moment asked for.
 *
 * This is also how an edit is applied when the world has no hook for it:
 * the world is built again from the edited scenario and the command list is
 * replayed up to now. Deterministic, at the price that the edit holds from
 * t = 0 rather than from the moment it was made.
 */
import { commandTable, createWorld, formatScenarioError, loadScenario, type Scenario, type World, type WorldCommand } from '../../scenario';
import { formatVirtualTime } from '../format';
import { nameLookup } from '../names';
import { Player, type FrameSource } from '../player.svelte';
import { TraceFingerprint } from '../share/fingerprint';
import type { Command, Given, RunPlan } from './plan';
import { describeCommand } from './catalogue';

/** The command kinds the world accepts today. */
export function acceptedKinds(): ReadonlySet<string> {
  return new Set(Object.keys(commandTable));
}

/** The one place a catalogue command becomes a `WorldCommand`: only after the world said it accepts the kind. */
export function toWorldCommand(command: Command, accepted: ReadonlySet<string> = acceptedKinds()): WorldCommand {
  if (!accepted.has(command.kind)) {
    throw new Error(`${command.kind}: this world does not take "${command.kind}" commands yet (it takes ${[...accepted].join(', ')})`);
  }
  return { ...command } as unknown as WorldCommand;
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
}

export type BuildResult = { ok: true; built: Built } | { ok: false; errors: string[] };

export const DEFAULT_MAX_REPLAY_EVENTS = 5_000_000;

/** A scheduled command that the world rejects when its time comes leaves a line in the trace, instead of stopping the run. */
function scheduleAll(world: World, plan: RunPlan, accepted: ReadonlySet<string>): void {
  for (const entry of plan.schedule) {
    world.engine.scheduleAt(
      entry.atMs,
      () => {
        try {
          world.inject(toWorldCommand(entry.command, accepted));
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          world.trace.record({ kind: 'log', component: 'instructor', stream: 'error', line: `scheduled ${describeCommand(entry.command)} not given: ${why}` });
        }
      },
      `scheduled ${entry.command.kind} ${entry.command.target}`,
    );
  }
}

/** Build the plan's world and run it to `to` (t = 0 when absent), giving the plan's commands on the way. */
export function buildRun(plan: RunPlan, to: Moment | undefined, options: BuildOptions): BuildResult {
  const loaded = loadScenario(plan.scenario, plan.file);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => formatScenarioError(e)) };
  let world: World;
  try {
    world = createWorld(loaded.scenario, { seed: plan.seed });
  } catch (error) {
    return { ok: false, errors: [`the scenario could not be started: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const fingerprint = new TraceFingerprint(world.trace);
  const accepted = acceptedKinds();
  scheduleAll(world, plan, accepted);
  const player = new Player(world, { speed: options.speed, frames: options.frames, nameOf: nameLookup(world.snapshot().components) });

  let budget = options.maxEvents ?? DEFAULT_MAX_REPLAY_EVENTS;
  const runTo = (m: Moment): boolean => {
    const before = world.engine.eventsProcessed;
    player.runTo(m.atMs, { ...(m.events === undefined ? {} : { untilEvents: m.events }), maxEvents: budget });
    budget -= world.engine.eventsProcessed - before;
    return budget > 0;
  };
  const given: Given[] = [];
  const dropped: string[] = [];
  const tooLong = (): BuildResult => {
    player.destroy();
    fingerprint.dispose();
    const max = options.maxEvents ?? DEFAULT_MAX_REPLAY_EVENTS;
    return { ok: false, errors: [`replaying this run takes more than ${max.toLocaleString('en')} engine events; this page stops there`] };
  };
  for (const g of plan.given) {
    if (!runTo(g)) return tooLong();
    const events = world.engine.eventsProcessed;
    try {
      player.inject(toWorldCommand(g.command, accepted));
      given.push({ atMs: world.now, events, command: g.command });
    } catch (error) {
      dropped.push(`${describeCommand(g.command)} at ${formatVirtualTime(g.atMs)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (to !== undefined && !runTo(to)) return tooLong();
  return { ok: true, built: { scenario: loaded.scenario, world, player, fingerprint, given, dropped } };
}
