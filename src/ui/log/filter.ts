/**
 * Filtering the event log by component or by request, as plain functions
 * over records, so the rules (a packet involves both its ends; an address
 * counts as its component) are tested without a page.
 */
import type { TraceRecord } from '../../sim';
import type { LogEntry } from '../trace-view.svelte';
import { requestOf } from '../history/requests';

/** The component ids (or addresses) a record is about. */
export function partiesOf(record: TraceRecord): string[] {
  switch (record.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
      return [record.from, record.to];
    case 'state':
    case 'decision':
    case 'log':
      return [record.component];
    case 'request':
      return [record.client];
    case 'outcome':
      return record.servedBy === undefined ? [record.client] : [record.client, record.servedBy];
    case 'command':
      return record.target === undefined ? [] : [record.target];
  }
}

export interface LogFilter {
  /** Component id, or '' for any. */
  component: string;
  /** Request id, or '' for any. */
  request: string;
}

/** True when `record` passes `filter`; `aliases` maps addresses to component ids. */
export function passes(record: TraceRecord, filter: LogFilter, aliases: ReadonlyMap<string, string>): boolean {
  if (filter.request !== '' && requestOf(record) !== filter.request) return false;
  if (filter.component === '') return true;
  // Sub-components (an NLB's per-target health, `nlb/dns`) count as their parent.
  return partiesOf(record).some((p) => {
    const id = aliases.get(p) ?? p;
    return id === filter.component || id.startsWith(`${filter.component}/`);
  });
}

/** The entries with only the records that pass; entries left empty go, unless no filter is set. */
export function filterEntries(entries: readonly LogEntry[], filter: LogFilter, aliases: ReadonlyMap<string, string>): LogEntry[] {
  if (filter.component === '' && filter.request === '') return [...entries];
  const out: LogEntry[] = [];
  for (const entry of entries) {
    const records = entry.records.filter((r) => passes(r, filter, aliases));
    if (records.length > 0) out.push(records.length === entry.records.length ? entry : { ...entry, records });
  }
  return out;
}

/** Request ids seen in `entries`, newest first, at most `limit`. */
export function recentRequests(entries: readonly LogEntry[], limit = 100): string[] {
  const seen = new Set<string>();
  for (let i = entries.length - 1; i >= 0 && seen.size < limit; i--) {
    const records = entries[i]?.records ?? [];
    for (let j = records.length - 1; j >= 0; j--) {
      const r = records[j];
      if (r?.kind === 'request') seen.add(r.requestId);
    }
  }
  return [...seen];
}
