/**
 * How a client-side result is written in an `outcome` trace record, and read
 * back. Readers use `resultOfOutcome` rather than the field itself, so the
 * record's encoding can change in one place.
 */
import type { OutcomeRecord } from '../../sim';
import type { JourneyResult } from './journey';

/** The `result` to record for a client-side result. */
export function traceResult(result: JourneyResult): OutcomeRecord['result'] {
  return result;
}

/** The client-side result an outcome record stands for. */
export function resultOfOutcome(record: Pick<OutcomeRecord, 'result' | 'status'>): JourneyResult {
  return record.result;
}

/** The name a summary uses for a request that got no HTTP response. */
export const CLIENT_ERROR_NAMES: Readonly<Record<Exclude<JourneyResult, 'ok' | 'error'>, string>> = {
  dns_failure: 'dns_failure',
  refused: 'connection_refused',
  reset: 'connection_reset',
  timeout: 'timeout',
};

/** `200`, `502`, `dns_failure`, `connection_refused`…: how a summary counts an outcome. */
export function outcomeKey(record: Pick<OutcomeRecord, 'result' | 'status'>): string {
  if (record.status > 0) return String(record.status);
  const result = resultOfOutcome(record);
  return result === 'ok' || result === 'error' ? String(record.status) : CLIENT_ERROR_NAMES[result];
}
