/**
 * When a client sends: fixed intervals (a browser polling every second) or a
 * Poisson process (many independent users, exponential gaps with the same
 * mean). Plain functions over the client's own random stream.
 */
import type { Rng } from '../../sim';

/** How requests are spaced. */
export interface Arrival {
  readonly kind: 'fixed' | 'poisson';
  /** Mean gap between requests (the exact gap for `fixed`). */
  readonly meanIntervalMs: number;
  /** Virtual time of the first request (`fixed`), or from which the first gap is drawn (`poisson`). */
  readonly startMs: number;
}

/**
 * Drawn gaps are rounded to whole microseconds: trace times then print short,
 * and a last-bit difference in Math.log between JavaScript engines cannot
 * change which event comes first.
 */
function roundToMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Delay from start-up to the first request. */
export function firstRequestDelayMs(arrival: Arrival, rng: Rng): number {
  if (arrival.kind === 'fixed') return arrival.startMs;
  return arrival.startMs + roundToMicros(rng.exponential(arrival.meanIntervalMs));
}

/** Delay from one request to the next. */
export function requestIntervalMs(arrival: Arrival, rng: Rng): number {
  if (arrival.kind === 'fixed') return arrival.meanIntervalMs;
  return roundToMicros(rng.exponential(arrival.meanIntervalMs));
}
