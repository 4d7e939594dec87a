/**
 * Which texts of a record the trace flattens and which it shares
 * (`text-pool.ts`), and from which window size it is worth doing.
 */
import type { TraceRecord } from './trace';
import { flat, type TextPool } from './text-pool';

/**
 * Keep a record's free text cheaply (`text-pool.ts`), in place: texts that
 * repeat record after record are shared; those that rarely do (a SYN's
 * ephemeral port, an `ip:port`, a log line's time) are only flattened, so the
 * pool is not flooded with them.
 */
export function keepTexts(record: TraceRecord, pool: TextPool): void {
  switch (record.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
      record.summary = record.type === 'tcp' ? pool.flatRecent(record.summary) : pool.share(record.summary);
      if (record.src !== undefined) record.src = pool.flatRecent(record.src);
      if (record.dst !== undefined) record.dst = pool.flatRecent(record.dst);
      if (record.why !== undefined) record.why = flat(record.why);
      return;
    case 'decision':
      record.component = pool.share(record.component);
      record.decision = pool.share(record.decision);
      // Often equal from record to record, but long and new each time: hashing it costs more than it saves.
      record.why = pool.flatRecent(record.why);
      return;
    case 'log':
      record.component = pool.share(record.component);
      record.line = flat(record.line);
      return;
    case 'state':
      record.component = pool.share(record.component);
      record.why = pool.share(record.why);
      return;
    case 'request':
      record.url = pool.share(record.url);
      return;
    case 'outcome':
      record.why = flat(record.why);
      return;
    case 'command':
      record.why = pool.share(record.why);
  }
}

/**
 * The window size from which the trace keeps record texts flat and shared.
 * A record lives as long as it is in the window; a window this small is
 * turned over within a young-generation collection or two (a record stands
 * for about a kilobyte of allocation), so its records die young and
 * flattening them would be work for nothing.
 */
export const KEEP_TEXTS_FROM = 10_000;
