/**
 * The run summary, counted from the trace as records are appended (so a long
 * run whose window has moved on is still counted in full), and its two
 * printed forms: one JSON object, or a few aligned lines for people.
 */
import type { TraceRecord } from '../sim';
import { outcomeKey } from '../models/client';

export interface RunSummary {
  scenario: string;
  seed: number;
  untilMs: number;
  /** Requests issued by the scenario's clients. */
  requests: number;
  /** Requests that ended (each has exactly one outcome). */
  completed: number;
  /**
   * Outcomes by HTTP status (`"200"`, `"502"`), and by client-side error for
   * requests that got no response: `dns_failure`, `connection_refused`,
   * `connection_reset`, `timeout`.
   */
  outcomes: Record<string, number>;
  /** Backend (pod, machine or server) → requests delivered to it. */
  byPod: Record<string, number>;
  /** Engine events processed. */
  events: number;
  virtualMs: number;
  wallMs: number;
}

/** The name a backend component is shown under: a pod's name (`auth-6d…`), else its id. */
export function backendName(id: string): string {
  return id.startsWith('pod:default/') ? id.slice('pod:default/'.length) : id.startsWith('pod:') ? id.slice('pod:'.length) : id;
}

/** Counts what the summary needs from trace records. */
export class SummaryCounter {
  requests = 0;
  completed = 0;
  readonly outcomes: Record<string, number> = {};
  readonly byPod: Record<string, number> = {};

  /**
   * `backends`: ids of the components whose received requests are counted (all
   * start at 0); `isBackend` admits more as they appear (pods created during the run).
   */
  constructor(
    backends: readonly string[],
    private readonly isBackend: (id: string) => boolean = () => false,
  ) {
    for (const id of backends) this.byPod[backendName(id)] = 0;
  }

  add(record: TraceRecord): void {
    if (record.kind === 'request') this.requests++;
    else if (record.kind === 'outcome') {
      this.completed++;
      bump(this.outcomes, outcomeKey(record));
    } else if (record.kind === 'deliver' && record.type === 'request') {
      const name = backendName(record.to);
      if (Object.hasOwn(this.byPod, name) || this.isBackend(record.to)) bump(this.byPod, name);
    }
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k}: ${n}`).join(', ');
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms) / 1000} s` : `${Math.round(ms * 1000) / 1000} ms`;
}

/** The summary for people, one fact per line. */
export function formatSummary(s: RunSummary, file: string): string {
  const rows: [string, string][] = [
    ['scenario', `${s.scenario} (${file})`],
    ['seed', String(s.seed)],
    ['virtual time', seconds(s.virtualMs)],
    ['wall time', `${Math.round(s.wallMs)} ms`],
    ['events', String(s.events)],
    ['requests', `${s.requests} issued, ${s.completed} completed`],
    ['outcomes', formatCounts(s.outcomes)],
    ['per backend', formatCounts(s.byPod)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}
