/**
 * Every record that names a request, grouped by request id, for following
 * one request hop by hop. Bounded: the oldest requests are forgotten first,
 * so a long run keeps the last `capacity` requests followable.
 */
import type { TraceRecord } from '../../sim';

/** The request id a record belongs to, if it names one. */
export function requestOf(record: TraceRecord): string | undefined {
  switch (record.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
    case 'decision':
      return record.requestId;
    case 'request':
    case 'outcome':
      return record.requestId;
    default:
      return undefined;
  }
}

export class RequestIndex {
  // Insertion order is the order requests first appeared: the first key is the one to forget.
  private readonly byId = new Map<string, TraceRecord[]>();

  constructor(private readonly capacity = 2_000) {}

  add(record: TraceRecord): void {
    const id = requestOf(record);
    if (id === undefined || id === '') return;
    const list = this.byId.get(id);
    if (list !== undefined) {
      list.push(record);
      return;
    }
    this.byId.set(id, [record]);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
  }

  /** The records of one request, in trace order, up to virtual time `until`. */
  records(id: string, until = Infinity): TraceRecord[] {
    return (this.byId.get(id) ?? []).filter((r) => r.t <= until);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Request ids still held, newest last. */
  ids(): string[] {
    return [...this.byId.keys()];
  }
}
