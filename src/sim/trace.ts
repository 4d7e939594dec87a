/**
 * The trace: the simulation's single output.
 *
 * An append-only list of records stamped with virtual time. The UI, goal
 * checks, the CLI and tests all read it; none of them reaches into an actor.
 * Memory stays bounded on long runs: counters cover everything, while full
 * records are kept only for a sliding window (the newest `windowSize`).
 * Listeners see every record as it is appended, so a file sink or a summary
 * can cover the whole run even when the window has moved on.
 */
import { KEEP_TEXTS_FROM, keepTexts } from './record-texts';
import { TextPool } from './text-pool';

/** A packet or message crossing a link. */
export interface PacketRecord {
  kind: 'send' | 'deliver' | 'drop';
  t: number;
  seq: number;
  /** Stable id of the packet, for following it hop by hop. */
  packet: string;
  /** `request`, `response`, `health`, `dns`, `tcp`… */
  type: string;
  from: string;
  to: string;
  /**
   * Source and destination as written on the packet at this hop (`ip:port`),
   * after any NAT on the way: with externalTrafficPolicy Cluster the hop into
   * a NodePort already shows the node's address as the source. Written on
   * request and response hops of a world that models addresses.
   */
  src?: string;
  dst?: string;
  requestId?: string;
  summary: string;
  /**
   * The request headers this hop carries that a student watches change from
   * hop to hop (Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto, Via),
   * in that order, only those present. Only these, and only on request hops:
   * a record is written per hop of every packet, so the trace stays small.
   */
  headers?: Record<string, string>;
  why?: string;
}

/** A component changed state (machine state value, health, readiness…). */
export interface StateRecord {
  kind: 'state';
  t: number;
  seq: number;
  component: string;
  from: string;
  to: string;
  why: string;
}

/** A component chose something: a peer, an endpoint, a server block… */
export interface DecisionRecord {
  kind: 'decision';
  t: number;
  seq: number;
  component: string;
  decision: string;
  requestId?: string;
  why: string;
}

/** A line the real counterpart would write (nginx access/error log, kubelet event, dig answer). */
export interface LogRecord {
  kind: 'log';
  t: number;
  seq: number;
  component: string;
  stream: string;
  line: string;
}

/** A client issued a request. */
export interface RequestRecord {
  kind: 'request';
  t: number;
  seq: number;
  requestId: string;
  client: string;
  method: string;
  url: string;
}

/** A request ended: exactly one outcome per request, whatever happened. */
export interface OutcomeRecord {
  kind: 'outcome';
  t: number;
  seq: number;
  requestId: string;
  client: string;
  /** HTTP status, or 0 when no response arrived (refused, reset, timed out). */
  status: number;
  result: 'ok' | 'error' | 'refused' | 'reset' | 'timeout' | 'dns_failure';
  latencyMs: number;
  /** The component that finally answered (a backend pod, nginx itself…). */
  servedBy?: string;
  why: string;
}

/** A fault or command applied to the world. */
export interface CommandRecord {
  kind: 'command';
  t: number;
  seq: number;
  command: string;
  target?: string;
  why: string;
}

export type TraceRecord =
  | PacketRecord
  | StateRecord
  | DecisionRecord
  | LogRecord
  | RequestRecord
  | OutcomeRecord
  | CommandRecord;

export type TraceKind = TraceRecord['kind'];

/** A record as a component writes it: the trace stamps `t` and `seq`. */
export type TraceInput = TraceRecord extends infer R
  ? R extends TraceRecord
    ? Omit<R, 't' | 'seq'>
    : never
  : never;

export type TraceListener = (record: TraceRecord) => void;

export interface TraceOptions {
  /** How many full records to keep in memory (default 100,000). */
  windowSize?: number;
}

/** Index of each kind in the per-kind counters (an array, not a Map: this runs for every record). */
const KIND_INDEX: Record<TraceKind, number> = { send: 0, deliver: 1, drop: 2, state: 3, decision: 4, log: 5, request: 6, outcome: 7, command: 8 };

export class Trace {
  private readonly window: TraceRecord[] = [];
  private head = 0;
  private nextSeq = 0;
  private readonly counts: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  /** Listeners as an array, replaced (never mutated) on (un)subscribe, so `record` iterates without an iterator object. */
  private listeners: readonly TraceListener[] = [];
  /** Where record texts are kept cheaply, when records live long enough for it to pay (see `KEEP_TEXTS_FROM`). */
  private readonly texts: TextPool | undefined;
  readonly windowSize: number;

  /** `now` reads the engine's virtual time, so every record is stamped by the one clock. */
  constructor(
    private readonly now: () => number,
    options: TraceOptions = {},
  ) {
    this.windowSize = Math.max(1, options.windowSize ?? 100_000);
    this.texts = this.windowSize >= KEEP_TEXTS_FROM ? new TextPool() : undefined;
  }

  /**
   * Append a record; returns it stamped with time and sequence.
   *
   * The trace takes the object it is given and stamps `t` and `seq` on it
   * rather than copying it: this runs about fifty times per simulated
   * request, and the copy was a fifth of the run time. So a caller hands over
   * a fresh object (never one it records twice or changes afterwards), and
   * every reader treats records as read-only. A caller on a hot path may
   * write `t: 0, seq: 0` first in its literal so the object has its final
   * shape from the start; `toJsonLine` puts `t` and `seq` first either way.
   * With a large window the trace may also swap a text field for an equal
   * string that is cheaper to keep (`record-texts.ts`): values never change.
   */
  record(input: TraceInput): TraceRecord {
    const record = input as TraceRecord;
    record.t = this.now();
    record.seq = this.nextSeq++;
    if (this.texts !== undefined) keepTexts(record, this.texts);
    if (this.window.length < this.windowSize) {
      this.window.push(record);
    } else {
      this.window[this.head] = record;
      this.head = this.head + 1 === this.windowSize ? 0 : this.head + 1;
    }
    const k = KIND_INDEX[record.kind];
    this.counts[k] = (this.counts[k] ?? 0) + 1;
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]!(record);
    return record;
  }

  /** Records appended since the start, including those that left the window. */
  get total(): number {
    return this.nextSeq;
  }

  /** How many records of a kind were appended since the start. */
  count(kind: TraceKind): number {
    return this.counts[KIND_INDEX[kind]] ?? 0;
  }

  /** The records still in the window, oldest first. */
  records(): TraceRecord[] {
    return [...this.window.slice(this.head), ...this.window.slice(0, this.head)];
  }

  /** Sequence number of the oldest record still held. */
  get firstSeq(): number {
    return this.nextSeq - this.window.length;
  }

  /** Listen to every record from now on; returns the unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    // A Set's semantics: subscribing the same function twice calls it once.
    if (!this.listeners.includes(listener)) this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}

/**
 * One record as a JSON line: `t` and `seq` first, then the record's fields in
 * the order its writer listed them, so equal runs give equal bytes. (The
 * trace stamps `t` and `seq` onto the writer's object, where they may come
 * last; the copy is made only here, when a line is wanted.)
 */
export function toJsonLine(record: TraceRecord): string {
  // Keys are created in the order they are first assigned: t, seq, then the record's own.
  return JSON.stringify(Object.assign({ t: record.t, seq: record.seq }, record));
}
