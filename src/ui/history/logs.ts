/**
 * The log lines each component wrote (`log` records), by component and
 * stream, so the inspector can show a pod's access log as the file would
 * read at any virtual time. Bounded per component and stream.
 */
import type { LogRecord, TraceRecord } from '../../sim';

export class LogIndex {
  private readonly lines = new Map<string, Map<string, LogRecord[]>>();

  constructor(private readonly perStream = 1_000) {}

  add(record: TraceRecord): void {
    if (record.kind !== 'log') return;
    let streams = this.lines.get(record.component);
    if (streams === undefined) this.lines.set(record.component, (streams = new Map()));
    let list = streams.get(record.stream);
    if (list === undefined) streams.set(record.stream, (list = []));
    list.push(record);
    // Trimmed in batches: one slice per `perStream / 4` lines, not one per line.
    if (list.length > this.perStream * 1.25) streams.set(record.stream, list.slice(-this.perStream));
  }

  /** The streams (log files) a component has written to, in the order it first wrote them. */
  streams(component: string): string[] {
    return [...(this.lines.get(component)?.keys() ?? [])];
  }

  /** The last `limit` lines of one stream written at or before `until`, oldest first. */
  tail(component: string, stream: string, until = Infinity, limit = 100): LogRecord[] {
    const list = this.lines.get(component)?.get(stream) ?? [];
    let end = list.length;
    while (end > 0 && (list[end - 1]?.t ?? 0) > until) end--;
    return list.slice(Math.max(0, end - limit), end);
  }
}
