/**
 * The run plan: everything that decides a run's trace, as plain data. The
 * scenario's text (whose `faults:` list is the schedule prepared in
 * advance, run by the world itself), the seed, the commands given by hand
 * with the moment each was given, and the instructor's questions. The same
 * plan replays the same trace, byte for byte; a share link is a plan plus
 * the moment to show.
 *
 * Every change is a function from plan to plan (the catalogue's `perform`
 * returns one); the session decides whether it can apply the change to the
 * running world or must build the world again and replay.
 */

/**
 * A command for the world, as the catalogue builds it: a `World.inject`
 * kind, its target, and options some kinds take (such as `byMs`). Plain
 * JSON, so that it travels in a link.
 */
export interface Command {
  readonly kind: string;
  readonly target: string;
  readonly [option: string]: string | number;
}

/** A command given by hand while the run went on. */
export interface Given {
  readonly atMs: number;
  /**
   * Engine events run before it was given. Replaying stops after exactly as
   * many events, so the command lands between the same two events. Absent
   * when the run before it changed (an edit): it is then given after every
   * event due by `atMs`, and stamped again.
   */
  readonly events?: number;
  readonly command: Command;
}

/** "Freeze and ask": when the run reaches `atMs`, it pauses with the question on screen. */
export interface Ask {
  readonly atMs: number;
  readonly question: string;
}

export interface RunPlan {
  /** The file name the scenario came from, for messages and the export's name. */
  readonly file: string;
  /** The scenario's YAML text, as loaded or as last edited; its `faults:` are the prepared schedule. */
  readonly scenario: string;
  readonly seed: number;
  /** In the order given (which is also time order). */
  readonly given: readonly Given[];
  /** In time order; equal times keep the order they were added in. */
  readonly asks: readonly Ask[];
}

/** A plan for a scenario text with nothing given, scheduled or asked yet. */
export function freshPlan(file: string, scenario: string, seed: number): RunPlan {
  return { file, scenario, seed, given: [], asks: [] };
}

/**
 * Add a command given at (`atMs`, after `events` engine events). A command
 * given at an earlier moment than the last one starts a new history: the
 * commands given after that moment are dropped, as they never happened.
 */
export function give(plan: RunPlan, command: Command, atMs: number, events: number): RunPlan {
  const kept = plan.given.filter((g) => g.atMs < atMs || (g.atMs === atMs && (g.events ?? 0) <= events));
  return { ...plan, given: [...kept, { atMs, events, command }] };
}

/**
 * The option that marks a command the world refused (a reload whose
 * configuration failed, an invalid apply). It stays in the plan, since its
 * refusal is part of the trace and replays, but it changed nothing, so the
 * editors do not count it in what runs now.
 */
export const REFUSED = 'refused';

/** The plan with its last given command marked as refused by the world. */
export function markLastRefused(plan: RunPlan): RunPlan {
  const last = plan.given.at(-1);
  if (last === undefined) return plan;
  return { ...plan, given: [...plan.given.slice(0, -1), { ...last, command: { ...last.command, [REFUSED]: 1 } }] };
}

/** True for a command the world refused when it was given. */
export function wasRefused(command: Command): boolean {
  return command[REFUSED] === 1;
}

/** True when giving a command at this moment would drop commands given later (the view shows the past). */
export function rewritesHistory(plan: RunPlan, atMs: number, events: number): boolean {
  return plan.given.some((g) => g.atMs > atMs || (g.atMs === atMs && (g.events ?? 0) > events));
}

/** Insert keeping time order; an entry joins the end of those at the same time. */
function insertByTime<T extends { atMs: number }>(list: readonly T[], entry: T): T[] {
  const i = list.findIndex((e) => e.atMs > entry.atMs);
  return i < 0 ? [...list, entry] : [...list.slice(0, i), entry, ...list.slice(i)];
}

/** Add a question to ask at `atMs`. */
export function addAsk(plan: RunPlan, ask: Ask): RunPlan {
  return { ...plan, asks: insertByTime(plan.asks, ask) };
}

export function removeAsk(plan: RunPlan, index: number): RunPlan {
  return { ...plan, asks: plan.asks.filter((_, i) => i !== index) };
}

/**
 * The plan after an edit to the scenario: the same commands at the same
 * virtual times. When the edit may have changed the run before now, their
 * event counts no longer hold and are dropped (the replay stamps them
 * again); an edit that only adds or removes faults still to come keeps them.
 */
export function withScenario(plan: RunPlan, scenario: string, pastUnchanged = false): RunPlan {
  return { ...plan, scenario, given: pastUnchanged ? plan.given : unstamped(plan.given) };
}

/** The given commands without their event counts. */
export function unstamped(given: readonly Given[]): Given[] {
  return given.map(({ atMs, command }) => ({ atMs, command }));
}
