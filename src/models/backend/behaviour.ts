/**
 * How an app server behaves, as plain functions over its own random streams:
 * how long it takes to answer, and whether it fails a request. The server
 * machine calls these; tests call them directly.
 */
import type { Rng } from '../../sim';

/** Response time, drawn uniformly from [minMs, maxMs]; a single number is minMs = maxMs. */
export interface LatencyRange {
  readonly minMs: number;
  readonly maxMs: number;
}

/** What the server answers a request with, and why when it is not the usual 200. */
export interface StatusDecision {
  readonly status: number;
  readonly why?: string;
}

/**
 * Draws are rounded to whole microseconds, so trace times print short and a
 * last-bit difference between JavaScript engines cannot reorder events.
 */
export function drawLatencyMs(range: LatencyRange, rng: Rng): number {
  if (range.maxMs <= range.minMs) return range.minMs;
  return Math.round(rng.uniform(range.minMs, range.maxMs) * 1000) / 1000;
}

/** 500 with probability `errorRate`, else 200. Draws only when the rate can matter. */
export function decideStatus(errorRate: number, rng: Rng): StatusDecision {
  if (errorRate <= 0) return { status: 200 };
  const draw = rng.next();
  if (draw >= errorRate) return { status: 200 };
  return {
    status: 500,
    why: `errorRate ${errorRate}: this request drew ${draw.toFixed(3)} < ${errorRate}, so the app fails it with 500`,
  };
}
