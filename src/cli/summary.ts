/**
 * The run summary, counted from the trace as records are appended (so a long
 * run whose window has moved on is still counted in full), and its two
 * printed forms: one JSON object, or a few aligned lines for people.
 */
import type { TraceRecord } from '../sim';

export interface RunSummary {
  scenario: string;
  seed: number;
  untilMs: number;
  virtualTimeMs: number;
  wallTimeMs: number;
  eventsProcessed: number;
  requestsIssued: number;
  requestsCompleted: number;
  /** HTTP status → outcomes; "0" is no response (refused, reset, timeout). */
  outcomesByStatus: Record<string, number>;
  outcomesByResult: Record<string, number>;
  /** Backend id → requests delivered to it. */
  requestsPerBackend: Record<string, number>;
}

/** Counts what the summary needs from trace records. */
export class SummaryCounter {
  requestsIssued = 0;
  requestsCompleted = 0;
  readonly outcomesByStatus: Record<string, number> = {};
  readonly outcomesByResult: Record<string, number> = {};
  readonly requestsPerBackend: Record<string, number> = {};

  /** `backends`: ids of the components whose received requests are counted (all start at 0). */
  constructor(backends: readonly string[]) {
    for (const id of backends) this.requestsPerBackend[id] = 0;
  }

  add(record: TraceRecord): void {
    if (record.kind === 'request') this.requestsIssued++;
    else if (record.kind === 'outcome') {
      this.requestsCompleted++;
      bump(this.outcomesByStatus, String(record.status));
      bump(this.outcomesByResult, record.result);
    } else if (record.kind === 'deliver' && record.type === 'request' && Object.hasOwn(this.requestsPerBackend, record.to)) {
      bump(this.requestsPerBackend, record.to);
    }
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function formatCounts(counts: Record<string, number>, label: (key: string) => string = (k) => k): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${label(k)}: ${n}`).join(', ');
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms) / 1000} s` : `${Math.round(ms * 1000) / 1000} ms`;
}

/** The summary for people, one fact per line. */
export function formatSummary(s: RunSummary, file: string): string {
  const rows: [string, string][] = [
    ['scenario', `${s.scenario} (${file})`],
    ['seed', String(s.seed)],
    ['virtual time', seconds(s.virtualTimeMs)],
    ['wall time', `${Math.round(s.wallTimeMs)} ms`],
    ['events', String(s.eventsProcessed)],
    ['requests', `${s.requestsIssued} issued, ${s.requestsCompleted} completed`],
    ['by status', formatCounts(s.outcomesByStatus, (k) => (k === '0' ? 'no response' : k))],
    ['by result', formatCounts(s.outcomesByResult)],
    ['per backend', formatCounts(s.requestsPerBackend)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}
