/**
 * The discrete-event engine: one virtual clock, one queue, one event at a time.
 *
 * The clock only moves when an event is popped, and it moves to that event's
 * time; zero-delay work scheduled while running is queued behind everything
 * already due now, so it runs before time advances. Nothing here reads the
 * wall clock: a run is a pure function of what was scheduled.
 */
import { EventQueue } from './queue';
import { EngineClock } from './clock';

/** An event waiting in the queue. */
export interface ScheduledEvent {
  readonly id: number;
  readonly time: number;
  readonly seq: number;
  readonly label: string;
  /** Set when cancelled; the heap drops it lazily when it reaches the top. */
  cancelled: boolean;
  /** Set once it has run, so a late cancel is a no-op. */
  done: boolean;
  /** Called with `arg` (see `scheduleCall`); a plain `schedule` passes none. */
  readonly run: (arg?: unknown) => void;
  readonly arg?: unknown;
}

/** What `schedule` returns: enough to cancel the event and to name it in a trace. */
export interface EventHandle {
  readonly id: number;
  readonly time: number;
}

export interface EngineOptions {
  /** Called when an event throws; the default rethrows. Components use it to keep a run going. */
  onError?: (error: unknown, event: ScheduledEvent) => void;
}

/** Cancelled events the heap may hold before a sweep (below this, sweeping costs more than it saves). */
const COMPACT_AT = 64;

function isLive(event: ScheduledEvent): boolean {
  return !event.cancelled;
}

export class Engine {
  private readonly queue = new EventQueue<ScheduledEvent>();
  /** Live (scheduled, not run, not cancelled) events; cancellation is lazy, so the heap may hold more. */
  private liveCount = 0;
  /** Cancelled events still in the heap. */
  private cancelledCount = 0;
  private currentTime = 0;
  private nextSeq = 0;
  private processed = 0;
  private readonly onError: EngineOptions['onError'];
  /** An XState clock whose timers are engine events: pass it to `createActor(m, { clock })`. */
  readonly clock: EngineClock;

  constructor(options: EngineOptions = {}) {
    this.onError = options.onError;
    this.clock = new EngineClock(this);
  }

  /** Virtual time in milliseconds. */
  get now(): number {
    return this.currentTime;
  }

  /** Events run so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.liveCount;
  }

  /** Entries in the heap, cancelled ones not yet swept included (for tests and benchmarks). */
  get queued(): number {
    return this.queue.size;
  }

  /** Schedule `run` after `delayMs` of virtual time (0 = after everything already due now). */
  schedule(delayMs: number, run: () => void, label = ''): EventHandle {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) {
      throw new RangeError(`delay must be a finite number ≥ 0, got ${delayMs}`);
    }
    return this.scheduleAt(this.currentTime + delayMs, run, label);
  }

  /**
   * Schedule `run` at an absolute virtual time, which may not be in the past.
   * Times are kept to the microsecond: sums of fractional delays would
   * otherwise show float noise (2071.2709999999997) in every trace record.
   */
  scheduleAt(timeMs: number, run: () => void, label = ''): EventHandle {
    return this.push(timeMs, run, undefined, label);
  }

  /**
   * Schedule `run(arg)` after `delayMs`: for a caller on a hot path (a packet
   * crossing a link) that would otherwise make a closure per event only to
   * carry `arg`. `run` is usually one function shared by every such event.
   */
  scheduleCall<T>(delayMs: number, run: (arg: T) => void, arg: T, label = ''): EventHandle {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) {
      throw new RangeError(`delay must be a finite number ≥ 0, got ${delayMs}`);
    }
    return this.push(this.currentTime + delayMs, run as (arg?: unknown) => void, arg, label);
  }

  private push(timeMs: number, run: (arg?: unknown) => void, arg: unknown, label: string): EventHandle {
    if (!(timeMs >= this.currentTime) || !Number.isFinite(timeMs)) {
      throw new RangeError(`cannot schedule at ${timeMs} ms: now is ${this.currentTime} ms`);
    }
    timeMs = Math.max(this.currentTime, Math.round(timeMs * 1000) / 1000);
    const seq = this.nextSeq++;
    // One shape for every event (`arg` always present), so the heap and `run` see a single hidden class.
    const event: ScheduledEvent = { id: seq, time: timeMs, seq, label, cancelled: false, done: false, run, arg };
    this.queue.push(event);
    this.liveCount++;
    return event;
  }

  /** Cancel a scheduled event; cancelling one that already ran (or was cancelled) is a no-op. */
  cancel(handle: EventHandle): void {
    // Handles are the events themselves: no lookup table to keep in step with the heap.
    const event = handle as ScheduledEvent;
    if (event.done || event.cancelled) return;
    event.cancelled = true;
    this.liveCount--;
    this.cancelledCount++;
    // Most timers are cancelled (a request's timeouts, once it is answered) and
    // would sit in the heap until their time, keeping what their closures hold
    // alive and the heap deep: once they outnumber the live events, sweep them.
    if (this.cancelledCount > COMPACT_AT && this.cancelledCount > this.liveCount) {
      this.queue.retain(isLive);
      this.cancelledCount = 0;
    }
  }

  /** Time of the next live event, or undefined when none is due. */
  peekTime(): number | undefined {
    return this.top()?.time;
  }

  /** Run exactly one event. Returns false when the queue is empty. */
  step(): boolean {
    const event = this.top();
    if (event === undefined) return false;
    this.run(event);
    return true;
  }

  /**
   * Run every event due at or before `timeMs`, one at a time, then set the
   * clock to `timeMs`. Returns how many events ran.
   */
  runUntil(timeMs: number): number {
    const start = this.processed;
    for (;;) {
      const event = this.top();
      if (event === undefined || event.time > timeMs) break;
      this.run(event);
    }
    if (timeMs > this.currentTime) this.currentTime = timeMs;
    return this.processed - start;
  }

  /** Run `event`, the top of the heap. */
  private run(event: ScheduledEvent): void {
    this.queue.pop();
    event.done = true;
    this.liveCount--;
    this.currentTime = event.time;
    this.processed++;
    try {
      event.run(event.arg);
    } catch (error) {
      if (this.onError === undefined) throw error;
      this.onError(error, event);
    }
  }

  /** Run for `ms` of virtual time from now. */
  runFor(ms: number): number {
    return this.runUntil(this.currentTime + ms);
  }

  /** Skip cancelled entries so the top of the heap is always live. */
  private top(): ScheduledEvent | undefined {
    for (;;) {
      const event = this.queue.peek();
      if (event === undefined || !event.cancelled) return event;
      this.queue.pop();
      this.cancelledCount--;
    }
  }
}
