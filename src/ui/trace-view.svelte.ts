/**
 * The UI's reading of the trace: the event log, the packets still open, and
 * the indexes the view reads at any virtual time (packet spans, requests,
 * log lines, outcomes), each bounded, so scrubbing back redraws from the
 * trace without running the simulation again.
 *
 * Records arrive one by one through the trace's listener, many per frame.
 * They are gathered in plain arrays and published to `$state.raw` fields once
 * per frame (`publish`), so Svelte redraws once, not once per record.
 * Records are grouped by the engine event that wrote them, which is what the
 * Step button advances: one step, one log entry.
 */
import type { PacketRecord, Trace, TraceRecord } from '../sim';
import { LogIndex } from './history/logs';
import { OutcomeSeries } from './history/outcomes';
import { PacketIndex } from './history/packets';
import { RequestIndex } from './history/requests';

/** The records one engine event wrote, or records written between events (setup, a command). */
export interface LogEntry {
  /** Stable key for keyed lists. */
  key: number;
  /** The engine's event count after this event ran (1 = first event); undefined for records written outside an event. */
  event: number | undefined;
  /** Virtual time of the event. */
  t: number;
  records: TraceRecord[];
}

export class TraceView {
  /** The newest entries, oldest first. */
  log = $state.raw<readonly LogEntry[]>([]);
  /** Packets sent and not yet delivered or dropped. */
  sends = $state.raw<readonly PacketRecord[]>([]);
  /** Bumped by each `publish` that brought new records: the plain indexes below change with it. */
  revision = $state(0);
  /** Every packet as a span of virtual time. */
  readonly packets = new PacketIndex();
  /** Records by request id, for following a request hop by hop. */
  readonly requests = new RequestIndex();
  /** Log lines by component and stream. */
  readonly logs = new LogIndex();
  /** Finished requests, for the charts. */
  readonly outcomes = new OutcomeSeries();

  private entries: LogEntry[] = [];
  // Plain on purpose: it changes per record and is published once per frame through `sends`.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly open = new Map<string, PacketRecord>();
  private fresh: TraceRecord[] = [];
  private current: LogEntry | undefined;
  private nextKey = 0;
  private readonly unsubscribe: () => void;

  constructor(
    trace: Trace,
    /** How many log entries to keep: the log (and stepping back event by event) reaches this far. */
    private readonly limit = 2_000,
    /** Bound on open packets, so sends that never get a delivery record cannot pile up. */
    private readonly maxOpen = 5000,
  ) {
    for (const record of trace.records()) this.onRecord(record);
    this.unsubscribe = trace.subscribe((record) => this.onRecord(record));
    this.publish();
  }

  /**
   * Run one engine event through `step` and file what it writes under one
   * entry, even when it writes nothing (a timer that changed nothing visible
   * is still one step). Returns what `step` returned.
   */
  runEvent(step: () => boolean, after: () => { event: number; t: number }): boolean {
    const entry: LogEntry = { key: this.nextKey++, event: undefined, t: 0, records: [] };
    this.current = entry;
    let ran = false;
    try {
      ran = step();
    } finally {
      this.current = undefined;
    }
    if (ran) {
      const { event, t } = after();
      entry.event = event;
      entry.t = t;
      this.add(entry);
    }
    return ran;
  }

  /**
   * Push what changed since the last call to the reactive fields; returns the
   * records that arrived. `log: false` leaves the published log as it was.
   */
  publish(options: { log?: boolean } = {}): TraceRecord[] {
    // The log may be left for a later call: redrawing dozens of entries every frame at speed costs more than a frame.
    if (options.log ?? true) this.log = this.entries.slice(-this.limit);
    this.sends = [...this.open.values()];
    const fresh = this.fresh;
    this.fresh = [];
    if (fresh.length > 0) this.revision++;
    return fresh;
  }

  /** The newest entry, published or not: what the event just run wrote. */
  latest(): LogEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** All entries held (published or not), oldest first; for finding an event's time. */
  held(): readonly LogEntry[] {
    return this.entries;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private onRecord(record: TraceRecord): void {
    this.fresh.push(record);
    this.packets.add(record);
    this.requests.add(record);
    this.logs.add(record);
    this.outcomes.add(record);
    if (record.kind === 'send') {
      this.open.set(record.packet, record);
      if (this.open.size > this.maxOpen) {
        const oldest = this.open.keys().next().value;
        if (oldest !== undefined) this.open.delete(oldest);
      }
    } else if (record.kind === 'deliver' || record.kind === 'drop') {
      this.open.delete(record.packet);
    }
    if (this.current !== undefined) {
      this.current.records.push(record);
      return;
    }
    const last = this.entries[this.entries.length - 1];
    // Replaced, not mutated: the published log holds these objects and compares them by identity.
    if (last !== undefined && last.event === undefined && last.t === record.t) {
      this.entries[this.entries.length - 1] = { ...last, records: [...last.records, record] };
    } else this.add({ key: this.nextKey++, event: undefined, t: record.t, records: [record] });
  }

  private add(entry: LogEntry): void {
    this.entries.push(entry);
    // Trim in batches so a long run costs an occasional slice, not one per event.
    if (this.entries.length > this.limit * 2) this.entries = this.entries.slice(-this.limit);
  }
}
