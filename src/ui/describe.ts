/**
 * Trace records as sentences a student can read. The trace already says
 * *why*; this only puts the pieces in order and swaps ids for the names the
 * diagram shows, so the log and the picture use the same words.
 */
import type { OutcomeRecord, TraceRecord } from '../sim';
import { formatDuration } from './format';

/** Maps a component id (or address) to the name shown on the diagram. */
export type NameOf = (id: string) => string;

const plainId: NameOf = (id) => id;

function because(why: string | undefined): string {
  return why === undefined || why === '' ? '' : ` (${why})`;
}

/** One sentence for one record. */
export function describeRecord(record: TraceRecord, nameOf: NameOf = plainId): string {
  switch (record.kind) {
    case 'send':
      return `${nameOf(record.from)} sends ${record.type} to ${nameOf(record.to)}: ${record.summary}${because(record.why)}`;
    case 'deliver':
      return `${nameOf(record.to)} receives ${record.type} from ${nameOf(record.from)}: ${record.summary}${because(record.why)}`;
    case 'drop':
      return `${record.type} from ${nameOf(record.from)} to ${nameOf(record.to)} is dropped: ${record.summary}${because(record.why)}`;
    case 'state':
      return `${nameOf(record.component)} goes from ${record.from} to ${record.to}${because(record.why)}`;
    case 'decision':
      return `${nameOf(record.component)} decides: ${record.decision}${because(record.why)}`;
    case 'log':
      return `${nameOf(record.component)} ${record.stream} log: ${record.line}`;
    case 'request':
      return `${nameOf(record.client)} requests ${record.method} ${record.url}`;
    case 'outcome':
      return describeOutcome(record, nameOf);
    case 'command':
      return `${record.command}${record.target === undefined ? '' : ` ${nameOf(record.target)}`}${because(record.why)}`;
  }
}

/** A finished request, said the way a person would: what came back, from whom, how fast. */
export function describeOutcome(record: OutcomeRecord, nameOf: NameOf = plainId): string {
  const who = nameOf(record.client);
  const by = record.servedBy === undefined ? '' : ` from ${nameOf(record.servedBy)}`;
  const took = formatDuration(record.latencyMs);
  if (record.status > 0) return `${who} gets ${record.status}${by} after ${took}${because(record.why)}`;
  return `${who}'s request fails: ${record.result} after ${took}${because(record.why)}`;
}
