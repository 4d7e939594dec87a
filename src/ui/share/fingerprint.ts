/**
 * A short summary of a whole run's trace: how many records, requests and
 * outcomes (by status), and a hash of every record in order. Two runs with
 * the same summary at the same moment wrote the same trace; this is what a
 * shared link is checked against, by a person or a test.
 *
 * It listens to the trace from the world's first event, so it covers the
 * whole run even after the trace's in-memory window has moved on.
 */
import type { Trace, TraceRecord } from '../../sim';
import { toJsonLine } from '../../sim';

export interface TraceSummary {
  records: number;
  requests: number;
  /** Outcome counts by `status` (HTTP) or result (`refused`, `timeout`…), sorted by key. */
  outcomes: Record<string, number>;
  /** FNV-1a (32 bit) of every record's JSON line, as 8 hex digits. */
  hash: string;
}

/** FNV-1a over UTF-16 code units: deterministic, fast, and enough to tell runs apart. */
function fnv1a(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // The newline between records, so that record boundaries count.
  h ^= 10;
  return Math.imul(h, 0x01000193) >>> 0;
}

export class TraceFingerprint {
  private hash = 0x811c9dc5;
  private records = 0;
  private requests = 0;
  private readonly outcomes = new Map<string, number>();
  private readonly stop: () => void;

  /** Call it right after the world is built: records written while building are read from the window. */
  constructor(trace: Trace) {
    for (const r of trace.records()) this.add(r);
    this.stop = trace.subscribe((r) => this.add(r));
  }

  add(record: TraceRecord): void {
    this.records++;
    this.hash = fnv1a(this.hash, toJsonLine(record));
    if (record.kind === 'request') this.requests++;
    if (record.kind === 'outcome') {
      const key = record.status > 0 ? String(record.status) : record.result;
      this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
    }
  }

  summary(): TraceSummary {
    const outcomes: Record<string, number> = {};
    for (const key of [...this.outcomes.keys()].sort()) outcomes[key] = this.outcomes.get(key) ?? 0;
    return { records: this.records, requests: this.requests, outcomes, hash: this.hash.toString(16).padStart(8, '0') };
  }

  dispose(): void {
    this.stop();
  }
}

/** `412 records · 40 requests · 200×38, refused×2 · #3fa2c1d9` */
export function formatSummary(s: TraceSummary): string {
  const outcomes = Object.entries(s.outcomes).map(([k, n]) => `${k}×${n}`).join(', ');
  return `${s.records} records · ${s.requests} requests · ${outcomes === '' ? 'no outcomes yet' : outcomes} · #${s.hash}`;
}
