/**
 * One run that an instructor or a student changes while it goes on: the
 * plan, the world and player built from it, and the questions to freeze on.
 *
 * A fault given at the present goes straight into the running world. A fault
 * given while the view shows the past, a change to the schedule that reaches
 * into the past, and any edit of the scenario change the run before now, so
 * the world is built again from the new plan and replayed to the same
 * virtual time; the view remounts on the new player (`generation`).
 */
import type { Scenario, World } from '../../scenario';
import type { FrameSource, Player } from '../player.svelte';
import { loadScenario, formatScenarioError, type ScenarioError } from '../../scenario';
import type { TraceFingerprint } from '../share/fingerprint';
import { buildRun, acceptedKinds, toWorldCommand, type Moment } from './build';
import type { Command, RunPlan } from './plan';
import { give, rewritesHistory, unstamped, withScenario } from './plan';

export interface SessionOptions {
  speed: number;
  frames?: FrameSource;
  maxEvents?: number;
}

/** The state a link carries: the plan, and the moment to show. */
export interface SharedRun {
  plan: RunPlan;
  nowMs: number;
  events: number;
}

export type ApplyResult = { ok: true } | { ok: false; errors: ScenarioError[]; messages: string[] };

export class RunSession {
  plan: RunPlan = $state.raw()!;
  scenario: Scenario = $state.raw()!;
  world: World = $state.raw()!;
  player: Player = $state.raw()!;
  /** Bumped on every new world, to remount the view. */
  generation = $state(0);
  /** The question on screen while frozen ("freeze and ask"). */
  question: string | undefined = $state();
  /** What the last action did or why it failed, for the status line. */
  message = $state('');
  fingerprint!: TraceFingerprint;
  readonly accepted = acceptedKinds();

  /** Asks already shown (by index in `plan.asks`), so each freezes once. */
  private asked: number[] = [];

  private constructor(private readonly options: SessionOptions) {}

  /** Build the plan's run up to `to` (t = 0 when absent), or say why it cannot be. */
  static open(plan: RunPlan, to: Moment | undefined, options: SessionOptions): { ok: true; session: RunSession } | { ok: false; errors: string[] } {
    const session = new RunSession(options);
    const errors = session.rebuild(plan, to);
    return errors === undefined ? { ok: true, session } : { ok: false, errors };
  }

  /** The run as a link carries it. */
  shared(): SharedRun {
    return { plan: this.plan, nowMs: this.world.now, events: this.world.engine.eventsProcessed };
  }

  /** Give a command at the moment the view shows; returns false (with `message` set) when the world rejects it. */
  give(command: Command): boolean {
    const player = this.player;
    const atMs = player.live ? this.world.now : player.viewT;
    const events = player.live ? this.world.engine.eventsProcessed : player.viewEvent;
    let worldCommand;
    try {
      worldCommand = toWorldCommand(command, this.accepted);
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
      return false;
    }
    const next = give(this.plan, command, atMs, events);
    if (player.live && !rewritesHistory(this.plan, atMs, events)) {
      try {
        player.inject(worldCommand);
      } catch (error) {
        this.message = error instanceof Error ? error.message : String(error);
        return false;
      }
      this.plan = next;
      this.message = '';
      return true;
    }
    const errors = this.rebuild(next, { atMs, events }, true);
    if (errors !== undefined) {
      this.message = errors.join('\n');
      return false;
    }
    // The replay leaves out a command the world rejects; the new one is the last.
    return this.plan.given.length === next.given.length;
  }

  /**
   * Replace the plan's schedule and asks (a prepared schedule edited or
   * imported). The run is built again to the present; commands given by hand
   * keep their event counts when nothing changed before now.
   */
  setPrepared(prepared: Pick<RunPlan, 'schedule' | 'asks'>): void {
    const now = this.world.now;
    const touched = [...this.plan.schedule, ...prepared.schedule].filter((e) => !this.plan.schedule.includes(e) || !prepared.schedule.includes(e));
    const pastChanged = touched.some((e) => e.atMs <= now);
    const plan = { ...this.plan, ...prepared, given: pastChanged ? unstamped(this.plan.given) : this.plan.given };
    const errors = this.rebuild(plan, pastChanged ? { atMs: now } : { atMs: now, events: this.world.engine.eventsProcessed }, true);
    if (errors !== undefined) this.message = errors.join('\n');
  }

  /**
   * Apply an edited scenario: a text that does not load is rejected with its
   * errors and the current run goes on untouched; one that loads replaces the
   * run, replayed to the same virtual time (see build.ts).
   */
  applyScenario(text: string): ApplyResult {
    const loaded = loadScenario(text, this.plan.file);
    if (!loaded.ok) return { ok: false, errors: loaded.errors, messages: loaded.errors.map((e) => formatScenarioError(e)) };
    const errors = this.rebuild(withScenario(this.plan, text), { atMs: this.world.now }, true);
    if (errors !== undefined) return { ok: false, errors: [], messages: errors };
    return { ok: true };
  }

  /** Pause with a question on screen. */
  freeze(question: string): void {
    this.player.pause();
    this.question = question;
  }

  /** Take the question away and play on. */
  resume(): void {
    this.question = undefined;
    this.player.play();
  }

  /** Freeze on the first prepared question the run has reached and not yet asked. Call it whenever the time shown changes. */
  tick(): void {
    if (this.question !== undefined) return;
    const now = this.world.now;
    const i = this.plan.asks.findIndex((a, index) => a.atMs <= now && !this.asked.includes(index));
    if (i < 0) return;
    this.asked.push(i);
    const ask = this.plan.asks[i];
    if (ask !== undefined) this.freeze(ask.question);
  }

  destroy(): void {
    this.player.destroy();
    this.fingerprint.dispose();
  }

  /** Build `plan` to `to`; on success it becomes the session's run (playing on if it was). Returns errors otherwise, leaving the run as it was. */
  private rebuild(plan: RunPlan, to: Moment | undefined, keepPlaying = false): string[] | undefined {
    const result = buildRun(plan, to, this.options);
    if (!result.ok) return result.errors;
    const { built } = result;
    const wasPlaying = keepPlaying && this.player?.playing === true;
    const speed = this.player?.speed;
    if (this.player !== undefined) this.destroy();
    this.plan = { ...plan, given: built.given };
    this.scenario = built.scenario;
    this.world = built.world;
    this.player = built.player;
    if (speed !== undefined) this.player.speed = speed;
    this.fingerprint = built.fingerprint;
    this.asked = plan.asks.flatMap((a, i) => (a.atMs < built.world.now ? [i] : []));
    this.message = built.dropped.length === 0 ? '' : `Not given again: ${built.dropped.join('; ')}`;
    this.generation++;
    if (wasPlaying) this.player.play();
    return undefined;
  }
}
