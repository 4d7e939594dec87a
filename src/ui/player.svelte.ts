/**
 * The player: the one place where wall time meets virtual time.
 *
 * Each animation frame turns the wall time since the last frame into a
 * virtual-time budget (times the speed) and advances the world to the end
 * of it, one engine event at a time so the log can file each event's
 * records. Pausing stops the frames; the world keeps its state, and the view
 * is drawn from (trace, virtual time), so nothing needs rewinding.
 *
 * The view has its own cursor (`viewT`, `viewEvent`). While it is `live` it
 * follows the world; scrubbing back moves it into what has already run, and
 * Play or Step then move it forward through the recorded trace, without
 * running the world, until it catches up and the world runs again.
 */
import type { AnyWorldCommand, World, WorldSnapshot } from '../scenario';
import { formatVirtualTime } from './format';
import { Narration } from './narration';
import { TraceView } from './trace-view.svelte';
import { SnapshotLog } from './history/snapshots';
import { eventAtTime, nextRequestEvent, timeOfEvent } from './history/cursor';

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
  /** Virtual ms per wall ms (1 = real time); Infinity runs as fast as the page allows. */
  speed?: number;
  frames?: FrameSource;
  /** Most engine events run in one frame; beyond it virtual time lags rather than the page freezing. */
  maxEventsPerFrame?: number;
  /** Longest wall gap a frame accounts for: a tab in the background must not come back to a jump of minutes. */
  maxFrameMs?: number;
  /** Names for the narration. */
  nameOf?: (id: string) => string;
  /** Wall ms one frame may spend running events (default 12: leaves room to draw); "as fast as possible" fills it. */
  fastFrameMs?: number;
  /** Least wall ms between two redraws of the event log while playing (default 200); a step or a pause redraws it at once. */
  logIntervalMs?: number;
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
  /** True while the view shows the world as it is now; false while it shows an earlier moment. */
  live = $state(true);
  /** The virtual time the view shows (equals `now` while live). */
  viewT = $state(0);
  /** Engine events whose effects the view shows (equals `events` while live). */
  viewEvent = $state(0);
  readonly view: TraceView;
  /** Snapshots through the run, for showing components as they were. */
  readonly snapshots = new SnapshotLog();

  private readonly source: FrameSource;
  private readonly fastFrameMs: number;
  private readonly logIntervalMs: number;
  private logShownAt = Number.NEGATIVE_INFINITY;
  private readonly maxEventsPerFrame: number;
  private readonly maxFrameMs: number;
  private readonly narration: Narration;
  private frame: number | undefined;
  private lastWall: number | undefined;

  constructor(
    readonly world: World,
    options: PlayerOptions = {},
  ) {
    this.source = options.frames ?? animationFrames;
    this.fastFrameMs = options.fastFrameMs ?? 12;
    this.logIntervalMs = options.logIntervalMs ?? 200;
    this.speed = options.speed ?? 1;
    this.maxEventsPerFrame = options.maxEventsPerFrame ?? 20_000;
    this.maxFrameMs = options.maxFrameMs ?? 100;
    this.narration = new Narration(options.nameOf ?? ((id) => id));
    this.view = new TraceView(world.trace);
    this.sync();
  }

  play(): void {
    if (this.playing || (this.finished && this.live)) return;
    this.playing = true;
    this.lastWall = undefined;
    this.frame = this.source.request((wall) => this.onFrame(wall));
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    if (this.frame !== undefined) this.source.cancel(this.frame);
    this.frame = undefined;
    this.sync();
    this.announcement = `Paused at ${formatVirtualTime(this.viewT)}.`;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /**
   * Run exactly one engine event (pausing first), and say what it did at once.
   * While the view shows the past, move it on to the next recorded event instead.
   */
  step(): void {
    this.pause();
    if (!this.live) {
      this.showEvent(this.viewEvent + 1);
      return;
    }
    const ran = this.runOne();
    this.sync();
    const entry = this.view.log[this.view.log.length - 1];
    if (!ran) this.announcement = 'No events left to run.';
    else if (entry === undefined || entry.records.length === 0) this.announcement = `At ${formatVirtualTime(this.now)} a timer ran; nothing visible changed.`;
    else this.announcement = this.narration.saySteps(entry.records, this.source.now());
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

  /** Show the moment one event earlier (pausing first); the world does not run backwards, the view does. */
  stepBack(): void {
    this.pause();
    this.showEvent(Math.max(0, this.viewEvent - 1));
  }

  /**
   * Show virtual time `t` of what has already run (clamped to [0, now]); the
   * present makes the view live again. `announce` says where the view is
   * (for a finished gesture, not for every pixel of a drag).
   */
  seek(t: number, announce = false): void {
    const target = Math.min(Math.max(0, t), this.now);
    if (target >= this.now) this.goLive();
    else {
      this.live = false;
      this.viewT = target;
      this.viewEvent = eventAtTime(this.view.held(), this.snapshots, target);
    }
    if (announce) this.announcement = this.whereSaid();
  }

  /** Show the present again. */
  goLive(): void {
    this.live = true;
    this.viewT = this.now;
    this.viewEvent = this.events;
  }

  /**
   * Pause at the next request a client issues: in the recorded past when the
   * view is there, otherwise by running the world event by event (at most
   * `maxEvents`). Returns the request's id, or undefined when none came.
   */
  nextRequest(maxEvents = 100_000): string | undefined {
    this.pause();
    if (!this.live) {
      const next = nextRequestEvent(this.view.held(), this.viewEvent);
      if (next !== undefined) {
        this.showEvent(next.event);
        return next.requestId;
      }
      this.goLive();
    }
    for (let ran = 0; ran < maxEvents && this.runOne(); ran++) {
      const found = this.view.latest()?.records.find((r) => r.kind === 'request');
      if (found?.kind === 'request') {
        this.sync();
        this.announcement = this.narration.saySteps([found], this.source.now());
        return found.requestId;
      }
    }
    this.sync();
    this.announcement = this.finished ? 'No events left to run: no further request.' : `No request in the next ${maxEvents} events.`;
    return undefined;
  }

  /** Apply a command (a fault) now, playing or paused, and show and say its effect at once. Throws what `World.inject` throws. */
  inject(command: AnyWorldCommand): void {
    this.world.inject(command);
    this.sync();
    const said = this.narration.take(this.source.now(), true);
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
    if (!this.live) {
      // Replaying what has run: only the view's cursor moves.
      this.seek(this.viewT + elapsed * this.speed);
      this.frame = this.source.request((next) => this.onFrame(next));
      return;
    }
    // Every frame gets the same wall budget for running events: past it, virtual time lags behind the
    // speed asked for rather than the page stuttering (a busy scenario at 100× is slower than 100×).
    const deadline = this.source.now() + this.fastFrameMs;
    this.advanceTo(this.speed === Infinity ? Infinity : this.world.now + elapsed * this.speed, deadline);
    const said = this.narration.take(wall);
    if (said !== undefined) this.announcement = said;
    if (this.finished) {
      this.playing = false;
      this.sync();
      this.announcement = `No events left to run: the simulation stopped at ${formatVirtualTime(this.now)}.`;
      return;
    }
    this.frame = this.source.request((next) => this.onFrame(next));
  }

  /**
   * Run every event due by `target`, within the per-frame bounds (event
   * count, and the wall-clock `deadline` when given), then move the clock to
   * `target` when it is a finite time.
   */
  private advanceTo(target: number, deadline?: number): void {
    let ran = 0;
    let end = target;
    for (;;) {
      const next = this.world.engine.peekTime();
      if (next === undefined || next > target) break;
      // The wall clock is read every 64 events: reading it costs more than most events.
      if (ran >= this.maxEventsPerFrame || (deadline !== undefined && ran % 64 === 63 && this.source.now() >= deadline)) {
        // Out of budget: stop the clock at the last event run, the next frame carries on from there.
        end = this.world.now;
        break;
      }
      this.runOne();
      ran++;
    }
    if (Number.isFinite(end) && end > this.world.now) this.world.runUntil(end);
    this.sync(true);
  }

  /** Point the view at the moment just after event `event` (the present once it reaches it). */
  private showEvent(event: number): void {
    if (event >= this.events) this.goLive();
    else {
      this.live = false;
      this.viewEvent = event;
      this.viewT = timeOfEvent(this.view.held(), this.snapshots, event);
    }
    this.announcement = this.whereSaid();
  }

  /** Where the view is, in words. */
  private whereSaid(): string {
    if (this.live) return `Showing the present: ${formatVirtualTime(this.now)}, ${this.events} events run.`;
    return `Showing ${formatVirtualTime(this.viewT)} (after event ${this.viewEvent}); the simulation has run to ${formatVirtualTime(this.now)}.`;
  }

  private runOne(): boolean {
    return this.view.runEvent(
      () => this.world.step(),
      () => ({ event: this.world.engine.eventsProcessed, t: this.world.now }),
    );
  }

  /** Read the world into the reactive fields. `playing` frames redraw the log only every `logIntervalMs`. */
  private sync(playing = false): void {
    this.now = this.world.now;
    this.events = this.world.engine.eventsProcessed;
    this.finished = this.world.engine.peekTime() === undefined;
    this.snapshot = this.world.snapshot();
    this.snapshots.add(this.events, this.now, this.snapshot);
    if (this.live) {
      this.viewT = this.now;
      this.viewEvent = this.events;
    }
    const wall = this.source.now();
    const log = !playing || wall - this.logShownAt >= this.logIntervalMs;
    if (log) this.logShownAt = wall;
    this.narration.add(this.view.publish({ log }));
  }
}
