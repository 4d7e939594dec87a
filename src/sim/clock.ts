/**
 * An XState clock backed by the engine.
 *
 * XState v5 asks its clock only for `setTimeout` and `clearTimeout`. Each timer
 * becomes an engine event, so a chain of `after` delays advances exactly as the
 * engine pops them: the second delay starts when the first fires, not when some
 * outer loop decided to jump time (the flaw of XState's SimulatedClock, whose
 * `increment(ms)` moves `now` to the end before firing due timers).
 */
import type { Engine, EventHandle } from './engine';

/** The shape XState's `createActor(machine, { clock })` expects. */
export interface Clock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

export class EngineClock implements Clock {
  constructor(private readonly engine: Engine) {}

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): EventHandle {
    return this.engine.schedule(Math.max(0, timeout), () => fn(), 'xstate timer');
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'object' && id !== null && 'id' in id) this.engine.cancel(id as EventHandle);
  }
}
