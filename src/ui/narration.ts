/**
 * What the screen-reader status region says, and how often.
 *
 * Playing at speed can finish dozens of requests a second; announcing each
 * would drown a screen-reader user. Outcomes are gathered and summarised at
 * most once per interval of wall time, unless the user asked for the step
 * (then the answer to their action is immediate). The caller passes the wall
 * time in, so this stays a plain, testable object.
 */
import type { OutcomeRecord, TraceRecord } from '../sim';
import { describeOutcome, describeRecord, type NameOf } from './describe';

export class Narration {
  private pending: TraceRecord[] = [];
  private lastSpokeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly nameOf: NameOf,
    /** Least wall time between two announcements while playing. */
    private readonly intervalMs = 2000,
  ) {}

  /** Note records worth announcing: outcomes, commands and state changes. */
  add(records: readonly TraceRecord[]): void {
    for (const r of records) if (r.kind === 'outcome' || r.kind === 'command' || r.kind === 'state') this.pending.push(r);
  }

  /**
   * What one step the user asked for did, said in full and at once: a step
   * writes a handful of records at most. Clears what was waiting, since this
   * covers it.
   */
  saySteps(records: readonly TraceRecord[], wallMs: number): string {
    this.pending = [];
    this.lastSpokeAt = wallMs;
    return records.map((r) => `${describeRecord(r, this.nameOf)}.`).join(' ');
  }

  /**
   * The sentence to announce now, or undefined to stay quiet. `immediate`
   * skips the throttle (a step the user asked for).
   */
  take(wallMs: number, immediate = false): string | undefined {
    if (this.pending.length === 0) return undefined;
    if (!immediate && wallMs - this.lastSpokeAt < this.intervalMs) return undefined;
    const text = summarise(this.pending, this.nameOf);
    this.pending = [];
    this.lastSpokeAt = wallMs;
    return text;
  }
}

/** One record is said in full; several are counted by result so the sentence stays short. */
export function summarise(records: readonly TraceRecord[], nameOf: NameOf): string {
  const outcomes = records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
  const others = records.filter((r) => r.kind !== 'outcome');
  const parts: string[] = [];
  if (outcomes.length === 1 && outcomes[0] !== undefined) parts.push(`${describeOutcome(outcomes[0], nameOf)}.`);
  else if (outcomes.length > 1) {
    const byResult = new Map<string, number>();
    for (const o of outcomes) {
      const key = o.status > 0 ? String(o.status) : o.result;
      byResult.set(key, (byResult.get(key) ?? 0) + 1);
    }
    const counts = [...byResult].map(([k, n]) => `${n} × ${k}`).join(', ');
    parts.push(`${outcomes.length} requests finished: ${counts}.`);
  }
  // State changes and commands are rarer and matter more: the last one is said in full.
  const last = others[others.length - 1];
  if (last !== undefined) parts.push(`${describeRecord(last, nameOf)}.`);
  return parts.join(' ');
}
