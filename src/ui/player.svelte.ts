/**
 * The player: the one place where wall time meets virtual time.
 *
 * Each animation frame turns the wall time since the last frame into a
 * virtual-time budget (times the speed) and advances the world to the end
 * of it, one engine event at a time so the log can file each event's
 * records. Pausing stops the frames; the world keeps its state, and the view
 * is drawn from (trace, virtual time), so nothing needs rewinding.
 */
import type { World, WorldCommand, WorldSnapshot } from '../scenario';
import { formatVirtualTime } from './format';
import { Narration } from './narration';
import { TraceView } from './trace-view.svelte';

/** A source of frames; the browser's requestAnimationFrame by default, a hand-driven one in tests. */
export interface FrameSource {
  request(callback: (wallMs: number) => void): number;
  cancel(handle: number): void;
  /** Wall time in ms, on the same scale as the callbacks' argument. */
  now(): number;
}

export const animationFrames: FrameSource = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

export interface PlayerOptions {
  /** Virtual ms per wall ms (1 = real time). */
  speed?: number;
  frames?: FrameSource;
  /** Most engine events run in one frame; beyond it virtual time lags rather than the page freezing. */
  maxEventsPerFrame?: number;
  /** Longest wall gap a frame accounts for: a tab in the background must not come back to a jump of minutes. */
  maxFrameMs?: number;
  /** Names for the narration. */
  nameOf?: (id: string) => string;
}

export class Player {
  playing = $state(false);
  speed = $state(1);
  /** Virtual time shown, in ms. */
  now = $state(0);
  /** Engine events run so far. */
  events = $state(0);
  /** True once the world has no events left to run. */
  finished = $state(false);
  snapshot: WorldSnapshot = $state.raw()!;
  /** The latest sentence for the status region. */
  announcement = $state('');
  readonly view: TraceView;

  private readonly frames: FrameSource;
  private readonly maxEventsPerFrame: number;
  private readonly maxFrameMs: number;
  private readonly narration: Narration;
  private frame: number | undefined;
  private lastWall: number | undefined;

  constructor(
    readonly world: World,
    options: PlayerOptions = {},
  ) {
    this.frames = options.frames ?? animationFrames;
    this.speed = options.speed ?? 1;
    this.maxEventsPerFrame = options.maxEventsPerFrame ?? 20_000;
    this.maxFrameMs = options.maxFrameMs ?? 100;
    this.narration = new Narration(options.nameOf ?? ((id) => id));
    this.view = new TraceView(world.trace);
    this.sync();
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.lastWall = undefined;
    this.frame = this.frames.request((wall) => this.onFrame(wall));
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    if (this.frame !== undefined) this.frames.cancel(this.frame);
    this.frame = undefined;
    this.announcement = `Paused at ${formatVirtualTime(this.now)}.`;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Run exactly one engine event (pausing first), and say what it did at once. */
  step(): void {
    this.pause();
    const ran = this.runOne();
    this.sync();
    const entry = this.view.log[this.view.log.length - 1];
    if (!ran) this.announcement = 'No events left to run.';
    else if (entry === undefined || entry.records.length === 0) this.announcement = `At ${formatVirtualTime(this.now)} a timer ran; nothing visible changed.`;
    else this.announcement = this.narration.saySteps(entry.records, this.frames.now());
  }

  /**
   * Run forward at once, without waiting for frames: a seek, or a replay up
   * to the moment a command was given. Events run one at a time (so the log
   * files each one) while the next is due by `targetMs`, stopping early once
   * the engine has run `untilEvents` events in all or this call has run
   * `maxEvents`. The clock then moves on to `targetMs` only if nothing due by
   * then is left, so events pending at the stopping time stay pending, as
   * they were when the command was first given. Returns true when the clock
   * reached `targetMs`. Playing or paused stays as it was.
   */
  runTo(targetMs: number, options: { untilEvents?: number; maxEvents?: number } = {}): boolean {
    const maxEvents = options.maxEvents ?? 1_000_000;
    for (let ran = 0; ran < maxEvents; ran++) {
      const next = this.world.engine.peekTime();
      if (next === undefined || next > targetMs) break;
      if (options.untilEvents !== undefined && this.world.engine.eventsProcessed >= options.untilEvents) break;
      this.runOne();
    }
    const next = this.world.engine.peekTime();
    if ((next === undefined || next > targetMs) && targetMs > this.world.now) this.world.runUntil(targetMs);
    this.sync();
    return this.world.now >= targetMs;
  }

  /** Apply a command (a fault) now, playing or paused, and show and say its effect at once. Throws what `World.inject` throws. */
  inject(command: WorldCommand): void {
    this.world.inject(command);
    this.sync();
    const said = this.narration.take(this.frames.now(), true);
    if (said !== undefined) this.announcement = said;
  }

  destroy(): void {
    this.pause();
    this.view.dispose();
  }

  private onFrame(wall: number): void {
    this.frame = undefined;
    if (!this.playing) return;
    const elapsed = this.lastWall === undefined ? 0 : Math.min(Math.max(0, wall - this.lastWall), this.maxFrameMs);
    this.lastWall = wall;
    this.advanceTo(this.world.now + elapsed * this.speed);
    const said = this.narration.take(wall);
    if (said !== undefined) this.announcement = said;
    if (this.finished) {
      this.playing = false;
      this.announcement = `No events left to run: the simulation stopped at ${formatVirtualTime(this.now)}.`;
      return;
    }
    this.frame = this.frames.request((next) => this.onFrame(next));
  }

  /** Run every event due by `target`, within the per-frame bound, then move the clock to `target`. */
  private advanceTo(target: number): void {
    let ran = 0;
    let end = target;
    for (;;) {
      const next = this.world.engine.peekTime();
      if (next === undefined || next > target) break;
      if (ran >= this.maxEventsPerFrame) {
        // Out of budget: stop the clock at the last event run, the next frame carries on from there.
        end = this.world.now;
        break;
      }
      this.runOne();
      ran++;
    }
    if (end > this.world.now) this.world.runUntil(end);
    this.sync();
  }

  private runOne(): boolean {
    return this.view.runEvent(
      () => this.world.step(),
      () => ({ event: this.world.engine.eventsProcessed, t: this.world.now }),
    );
  }

  private sync(): void {
    this.now = this.world.now;
    this.events = this.world.engine.eventsProcessed;
    this.finished = this.world.engine.peekTime() === undefined;
    this.snapshot = this.world.snapshot();
    this.narration.add(this.view.publish());
  }
}
