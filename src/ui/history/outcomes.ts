/**
 * Finished requests as small points in time order, for the charts: status
 * over time, latency percentiles, requests per backend pod. Counters per
 * server cover the whole run even after old points leave the window.
 */
import type { OutcomeRecord, TraceRecord } from '../../sim';

/** One finished request, as the charts need it. */
export interface OutcomePoint {
  readonly t: number;
  /** `200`, `502`… or the failure when no status came back: `refused`, `reset`, `timeout`. */
  readonly key: string;
  readonly status: number;
  readonly servedBy: string | undefined;
  readonly latencyMs: number;
}

/** The chart key of an outcome: its status, or how it failed when there was none. */
export function outcomeKey(o: Pick<OutcomeRecord, 'status' | 'result'>): string {
  return o.status > 0 ? String(o.status) : o.result;
}

export class OutcomeSeries {
  private points: OutcomePoint[] = [];
  // Whole-run counts per server: the charts usually look at the present, so
  // going back subtracts the few points after the cursor instead of summing all.
  private readonly totals = new Map<string, number>();

  constructor(private readonly capacity = 200_000) {}

  add(record: TraceRecord): void {
    if (record.kind !== 'outcome') return;
    this.points.push({ t: record.t, key: outcomeKey(record), status: record.status, servedBy: record.servedBy, latencyMs: record.latencyMs });
    if (record.servedBy !== undefined) this.totals.set(record.servedBy, (this.totals.get(record.servedBy) ?? 0) + 1);
    if (this.points.length > this.capacity * 1.25) this.points = this.points.slice(this.points.length - this.capacity);
  }

  /** Points with `from < t <= to`, oldest first. */
  between(from: number, to: number): OutcomePoint[] {
    return this.points.slice(this.countBy(from), this.countBy(to));
  }

  /**
   * Requests answered by each server up to `until`, counted from the start
   * of the run (points no longer held still count, as long as `until` is
   * within the window held).
   */
  perServer(until: number): Map<string, number> {
    const counts = new Map(this.totals);
    for (let i = this.points.length - 1; i >= 0; i--) {
      const p = this.points[i];
      if (p === undefined || p.t <= until) break;
      if (p.servedBy !== undefined) counts.set(p.servedBy, (counts.get(p.servedBy) ?? 0) - 1);
    }
    for (const [k, n] of counts) if (n <= 0) counts.delete(k);
    return counts;
  }

  get size(): number {
    return this.points.length;
  }

  /** How many points have `t <= limit`. */
  private countBy(limit: number): number {
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.points[mid]?.t ?? Infinity) <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
