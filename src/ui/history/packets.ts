/**
 * Every packet's life as a span of virtual time, from its `send` record to
 * its `deliver` or `drop` record, kept in send order so "what was on the wire
 * at t" is a binary search and a short walk back, for any t still held.
 * This is what lets the scrubber redraw packets from the trace alone, going
 * back as well as forward, without running the simulation again.
 */
import type { PacketRecord, TraceRecord } from '../../sim';

/** One packet from its send to its arrival (or loss). */
export interface PacketSpan {
  readonly packet: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly requestId: string | undefined;
  readonly summary: string;
  /** Virtual time it was sent. */
  readonly t0: number;
  /** Virtual time it was delivered or dropped; undefined while neither has happened. */
  t1: number | undefined;
  /** True when the far end refused it (the `drop` record's `why` says why). */
  dropped: boolean;
  why: string | undefined;
  /** The send record itself, for what it may carry beyond these fields (addresses, headers). */
  readonly record: PacketRecord;
}

export class PacketIndex {
  private spans: PacketSpan[] = [];
  // Spans whose end has not been seen, by packet id: an end record finds its span in O(1).
  private readonly open = new Map<string, PacketSpan>();

  /** `capacity`: how many packets to remember; older ones leave in batches. */
  constructor(private readonly capacity = 50_000) {}

  /** Feed one trace record; anything but a packet record is ignored. */
  add(record: TraceRecord): void {
    if (record.kind === 'send') {
      const span: PacketSpan = {
        packet: record.packet,
        type: record.type,
        from: record.from,
        to: record.to,
        requestId: record.requestId,
        summary: record.summary,
        t0: record.t,
        t1: undefined,
        dropped: false,
        why: record.why,
        record,
      };
      this.spans.push(span);
      this.open.set(record.packet, span);
      if (this.spans.length > this.capacity * 1.25) this.trim();
    } else if (record.kind === 'deliver' || record.kind === 'drop') {
      const span = this.open.get(record.packet);
      if (span === undefined) return;
      this.open.delete(record.packet);
      span.t1 = record.t;
      if (record.kind === 'drop') {
        span.dropped = true;
        span.why = record.why ?? span.why;
      }
    }
  }

  /** How many packets are held. */
  get size(): number {
    return this.spans.length;
  }

  /** Send time of the oldest packet held, or undefined when none is. */
  get oldest(): number | undefined {
    return this.spans[0]?.t0;
  }

  /**
   * Packets sent at or before `t` and not yet arrived at `t`, plus those that
   * ended within `lingerMs` before `t` (so a refused packet stays visible a
   * moment where it was refused). Only packets sent within `lookbackMs` of
   * `t` are considered: no packet takes longer than the slowest link.
   */
  at(t: number, lookbackMs: number, lingerMs = 0): PacketSpan[] {
    const out: PacketSpan[] = [];
    for (let i = this.lastSentBy(t); i >= 0; i--) {
      const span = this.spans[i];
      if (span === undefined || span.t0 < t - lookbackMs - lingerMs) break;
      if (span.t1 === undefined || span.t1 > t || t - span.t1 <= lingerMs) out.push(span);
    }
    return out.reverse();
  }

  /** Index of the last span sent at or before `t`, or -1. */
  private lastSentBy(t: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.spans[mid]?.t0 ?? Infinity) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private trim(): void {
    const gone = this.spans.length - this.capacity;
    for (let i = 0; i < gone; i++) {
      const span = this.spans[i];
      if (span !== undefined && span.t1 === undefined) this.open.delete(span.packet);
    }
    this.spans = this.spans.slice(gone);
  }
}
