/**
 * A run's trace, arranged for measures: requests in the order they were
 * sent, each with its outcome and the decisions taken for it; packets sent;
 * state changes; commands. Built from plain records, so the UI (live trace)
 * and the checker (headless run) measure the same way.
 */
import type { CommandRecord, DecisionRecord, LogRecord, OutcomeRecord, PacketRecord, StateRecord, TraceRecord } from '../../sim';

/** A request a client sent, and how it ended (if it has by the end of the records). */
export interface RequestEntry {
  id: string;
  /** 1 for the first request sent in the run, across all clients. */
  n: number;
  client: string;
  /** When it was sent, in virtual ms. */
  t: number;
  method: string;
  url: string;
  /** Path and query, as on the request line. */
  path: string;
  outcome: OutcomeRecord | undefined;
  /**
   * Who handled it: the last component an HTTP request message of it reached
   * (the backend behind nginx and kube-proxy, or nginx itself when it
   * answered alone), else the outcome's `servedBy`; undefined without an
   * outcome. Behind a proxy the outcome names the proxy, which is rarely
   * what a lesson asks about.
   */
  servedBy: string | undefined;
}

export class TraceIndex {
  readonly requests: RequestEntry[] = [];
  readonly sends: PacketRecord[] = [];
  readonly states: StateRecord[] = [];
  readonly commands: CommandRecord[] = [];
  readonly decisions: DecisionRecord[] = [];
  readonly logs: LogRecord[] = [];
  private readonly byId = new Map<string, RequestEntry>();
  private readonly decisionsByRequest = new Map<string, DecisionRecord[]>();
  private readonly lastReceiver = new Map<string, string>();

  /**
   * @param records the run's records, oldest first
   * @param components ids of the world's components (for patterns such as `auth-*`)
   * @param endMs the virtual time the run reached
   */
  constructor(
    records: readonly TraceRecord[],
    readonly components: readonly string[],
    readonly endMs: number,
  ) {
    for (const r of records) this.add(r);
    for (const r of this.requests) {
      if (r.outcome !== undefined) r.servedBy = this.lastReceiver.get(r.id) ?? r.outcome.servedBy;
    }
  }

  private add(r: TraceRecord): void {
    switch (r.kind) {
      case 'request': {
        const entry: RequestEntry = { id: r.requestId, n: this.requests.length + 1, client: r.client, t: r.t, method: r.method, url: r.url, path: pathOf(r.url), outcome: undefined, servedBy: undefined };
        this.requests.push(entry);
        this.byId.set(r.requestId, entry);
        break;
      }
      case 'outcome': {
        const entry = this.byId.get(r.requestId);
        if (entry !== undefined && entry.outcome === undefined) entry.outcome = r;
        break;
      }
      case 'send':
        this.sends.push(r);
        break;
      case 'deliver':
        if (r.type === 'request' && r.requestId !== undefined) this.lastReceiver.set(r.requestId, r.to);
        break;
      case 'state':
        this.states.push(r);
        break;
      case 'command':
        this.commands.push(r);
        break;
      case 'log':
        this.logs.push(r);
        break;
      case 'decision':
        this.decisions.push(r);
        if (r.requestId !== undefined) {
          const list = this.decisionsByRequest.get(r.requestId) ?? [];
          list.push(r);
          this.decisionsByRequest.set(r.requestId, list);
        }
        break;
      default:
        break;
    }
  }

  /** The request with this id, if a client sent it in this run. */
  request(requestId: string): RequestEntry | undefined {
    return this.byId.get(requestId);
  }

  /** Decisions taken for a request, in order: why nginx picked a peer, why it gave up… */
  decisionsFor(requestId: string): readonly DecisionRecord[] {
    return this.decisionsByRequest.get(requestId) ?? [];
  }

  /** Ids that answered at least one request: servers a pattern can match even if the world does not list them. */
  servedByIds(): string[] {
    const ids = new Set<string>();
    for (const r of this.requests) if (r.servedBy !== undefined) ids.add(r.servedBy);
    return [...ids];
  }
}

/** `/api/users?x=1` from `http://example.com/api/users?x=1`; the text itself when it is already a path. */
export function pathOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  const rest = m === null ? url : (m[1] ?? '');
  return rest === '' ? '/' : rest;
}
