/**
 * One run that an instructor or a student changes while it goes on: the
 * plan, the world and player built from it, and the questions to freeze on.
 *
 * A fault given at the present goes straight into the running world. A fault
 * given while the view shows the past, and any edit of the scenario
 * (including its `faults:` schedule), change the run, so the world is built
 * again from the new plan and replayed to the same virtual time; the view
 * remounts on the new player (`generation`).
 *
 * The terminal's lines are plan commands too (terminal/lines.ts): the
 * session records each at the world's present and owns the terminal that
 * runs them, so a replay types them again through the same kind of shell.
 */
import type { Scenario, World } from '../../scenario';
import type { FrameSource, Player } from '../player.svelte';
import { loadScenario, formatScenarioError, type ScenarioError } from '../../scenario';
import type { TraceFingerprint } from '../share/fingerprint';
import { buildRun, acceptedKinds, toWorldCommand, type Moment } from './build';
import type { ScheduledFault } from './catalogue';
import { addScenarioFaults, removeScenarioFault } from './faults-yaml';
import type { Ask, Command, RunPlan } from './plan';
import { give, markLastRefused, rewritesHistory, withScenario } from './plan';
import { TerminalDriver, type ShellKit } from '../terminal/driver';
import type { TerminalRun } from '../terminal/context';

export interface SessionOptions {
  speed: number;
  frames?: FrameSource;
  maxEvents?: number;
  /** The shell's code, when the plan has terminal lines to type again. */
  shell?: ShellKit;
}

/** The state a link carries: the plan, and the moment to show. */
export interface SharedRun {
  plan: RunPlan;
  nowMs: number;
  events: number;
}

export type ApplyResult = { ok: true } | { ok: false; errors: ScenarioError[]; messages: string[] };

export class RunSession implements TerminalRun {
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

  /** Asks already shown (by index in `plan.asks`), so each freezes once. */
  private asked: number[] = [];
  /** The terminal on the current world, once a line was typed or replayed. */
  private driver: TerminalDriver | undefined;

  private readonly options: SessionOptions;

  private constructor(options: SessionOptions) {
    this.options = { ...options };
  }

  /** Build the plan's run up to `to` (t = 0 when absent), or say why it cannot be. */
  static open(plan: RunPlan, to: Moment | undefined, options: SessionOptions): { ok: true; session: RunSession } | { ok: false; errors: string[] } {
    const session = new RunSession(options);
    const errors = session.rebuild(plan, to);
    return errors === undefined ? { ok: true, session } : { ok: false, errors };
  }

  /** The command kinds this run's world takes. */
  get accepted(): ReadonlySet<string> {
    return acceptedKinds(this.scenario);
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

  /** The run's terminal on the current world (made with `kit` when there is none yet); the kit is kept for replays. */
  terminal(kit: ShellKit): TerminalDriver {
    this.options.shell ??= kit;
    this.driver ??= new TerminalDriver(kit, this.world);
    return this.driver;
  }

  /** Add a command the terminal runs itself (a line, Ctrl-C) to the plan, at the world's present. */
  record(command: Command): void {
    this.plan = give(this.plan, command, this.world.now, this.world.engine.eventsProcessed);
  }

  /** Mark the command given last as refused by the world (see `REFUSED`). */
  noteRefused(): void {
    this.plan = markLastRefused(this.plan);
  }

  /** Add a fault to the scenario's schedule (`faults:`); false, with `message` set, when it cannot be. */
  schedule(fault: ScheduledFault): boolean {
    const edited = addScenarioFaults(this.plan.scenario, [fault]);
    return this.applyEdited(edited, fault.atMs > this.world.now);
  }

  /** Remove the `index`-th fault of the scenario's schedule. */
  unschedule(index: number): boolean {
    const atMs = this.scenario.faults[index]?.atMs ?? 0;
    return this.applyEdited(removeScenarioFault(this.plan.scenario, index), atMs > this.world.now);
  }

  /** Replace the prepared questions; they pause the view only, so the run stays as it is. */
  setAsks(asks: readonly Ask[]): void {
    this.plan = { ...this.plan, asks: [...asks].sort((a, b) => a.atMs - b.atMs) };
    this.asked = this.plan.asks.flatMap((a, i) => (a.atMs < this.world.now ? [i] : []));
  }

  /**
   * Apply an edited scenario: a text that does not load is rejected with its
   * errors and the current run goes on untouched; one that loads replaces the
   * run, replayed to the same virtual time (see build.ts).
   */
  applyScenario(text: string, pastUnchanged = false): ApplyResult {
    const loaded = loadScenario(text, this.plan.file);
    if (!loaded.ok) return { ok: false, errors: loaded.errors, messages: loaded.errors.map((e) => formatScenarioError(e)) };
    // When only faults still to come changed, the run up to now is event for event the same.
    const to = pastUnchanged ? { atMs: this.world.now, events: this.world.engine.eventsProcessed } : { atMs: this.world.now };
    const errors = this.rebuild(withScenario(this.plan, text, pastUnchanged), to, true);
    if (errors !== undefined) return { ok: false, errors: [], messages: errors };
    return { ok: true };
  }

  private applyEdited(edited: { ok: true; text: string } | { ok: false; why: string }, pastUnchanged: boolean): boolean {
    if (!edited.ok) {
      this.message = `Not scheduled: ${edited.why}.`;
      return false;
    }
    const applied = this.applyScenario(edited.text, pastUnchanged);
    if (!applied.ok) this.message = applied.messages.join('\n');
    return applied.ok;
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
    this.driver = built.terminal;
    this.asked = plan.asks.flatMap((a, i) => (a.atMs < built.world.now ? [i] : []));
    this.message = built.dropped.length === 0 ? '' : `Not given again: ${built.dropped.join('; ')}`;
    this.generation++;
    if (wasPlaying) this.player.play();
    return undefined;
  }
}
