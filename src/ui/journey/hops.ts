/**
 * One request's journey, hop by hop, from the records that name it: each
 * packet's crossing (send → deliver or drop) with the addresses and the
 * headers that matter on that hop, and the decisions taken between hops.
 * This is where "from the client's perspective, it talks directly to your
 * application" becomes visible: who sees which source address, and which
 * Host, X-Real-IP and X-Forwarded-For each hop carries.
 */
import type { PacketRecord, TraceRecord } from '../../sim';

/** The headers a student should watch change from hop to hop. */
export const WATCHED_HEADERS = ['Host', 'X-Real-IP', 'X-Forwarded-For', 'X-Forwarded-Proto', 'Via'] as const;

export interface Hop {
  kind: 'hop';
  t0: number;
  /** When it landed (or was dropped); undefined while on the wire. */
  t1: number | undefined;
  type: string;
  from: string;
  to: string;
  summary: string;
  result: 'delivered' | 'dropped' | 'in flight';
  why: string | undefined;
  /** Source and destination as written on the packet (`ip:port`), when the world records them. */
  src: string | undefined;
  dst: string | undefined;
  /** The watched headers this hop carries, when the world records headers; undefined when it does not. */
  headers: [string, string][] | undefined;
}

export type JourneyStep =
  | Hop
  | { kind: 'decision'; t: number; component: string; decision: string; why: string }
  | { kind: 'start'; t: number; client: string; method: string; url: string }
  | { kind: 'end'; t: number; status: number; result: string; latencyMs: number; servedBy: string | undefined; why: string };

/** A field the world may add to packet records later; read without assuming it is there. */
function loose(record: PacketRecord, name: string): unknown {
  return (record as unknown as Record<string, unknown>)[name];
}

/** Headers as `[name, value]` pairs, from either pairs or an object, keeping only the watched ones. */
export function watchedHeaders(raw: unknown): [string, string][] | undefined {
  let pairs: [string, string][];
  if (Array.isArray(raw)) pairs = raw.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2).map(([n, v]) => [String(n), String(v)]);
  else if (raw !== null && typeof raw === 'object') pairs = Object.entries(raw as Record<string, unknown>).map(([n, v]) => [n, String(v)]);
  else return undefined;
  const wanted = new Set(WATCHED_HEADERS.map((h) => h.toLowerCase()));
  return pairs.filter(([n]) => wanted.has(n.toLowerCase()));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The steps of one request, in trace order. */
export function journeyOf(records: readonly TraceRecord[]): JourneyStep[] {
  const steps: JourneyStep[] = [];
  // A packet keeps its id from hop to hop: the open hop for an id is the one its next end record closes.
  const open = new Map<string, Hop>();
  for (const r of records) {
    switch (r.kind) {
      case 'send': {
        const hop: Hop = {
          kind: 'hop', t0: r.t, t1: undefined, type: r.type, from: r.from, to: r.to, summary: r.summary, result: 'in flight', why: r.why,
          src: text(loose(r, 'src')), dst: text(loose(r, 'dst')), headers: watchedHeaders(loose(r, 'headers')),
        };
        open.set(r.packet, hop);
        steps.push(hop);
        break;
      }
      case 'deliver':
      case 'drop': {
        const hop = open.get(r.packet);
        if (hop === undefined) {
          // Dropped before it left (the sender was down): a hop that never started.
          steps.push({ kind: 'hop', t0: r.t, t1: r.t, type: r.type, from: r.from, to: r.to, summary: r.summary, result: 'dropped', why: r.why, src: undefined, dst: undefined, headers: undefined });
          break;
        }
        open.delete(r.packet);
        hop.t1 = r.t;
        hop.result = r.kind === 'drop' ? 'dropped' : 'delivered';
        if (r.kind === 'drop') hop.why = r.why ?? hop.why;
        break;
      }
      case 'decision':
        steps.push({ kind: 'decision', t: r.t, component: r.component, decision: r.decision, why: r.why });
        break;
      case 'request':
        steps.push({ kind: 'start', t: r.t, client: r.client, method: r.method, url: r.url });
        break;
      case 'outcome':
        steps.push({ kind: 'end', t: r.t, status: r.status, result: r.result, latencyMs: r.latencyMs, servedBy: r.servedBy, why: r.why });
        break;
      default:
        break;
    }
  }
  return steps;
}

/** True when no hop of the journey carries header data (the world does not record it yet). */
export function headersMissing(steps: readonly JourneyStep[]): boolean {
  return steps.every((s) => s.kind !== 'hop' || s.headers === undefined);
}
