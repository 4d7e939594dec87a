/** Hand-made traces for measure and goal tests: a few requests with known outcomes. */
import type { TraceRecord } from '../../src/sim';
import { TraceIndex } from '../../src/lessons';

let seq = 0;

type Outcome = { status: number; result?: 'ok' | 'error' | 'refused' | 'reset' | 'timeout'; servedBy?: string; latencyMs?: number };

/** A request sent at `t` (ms) by `client`, answered after `latencyMs` (default 50) unless `outcome` is undefined. */
export function request(n: number, t: number, outcome: Outcome | undefined, client = 'browser', path = '/'): TraceRecord[] {
  const id = `${client}#${n}`;
  const out: TraceRecord[] = [{ kind: 'request', t, seq: seq++, requestId: id, client, method: 'GET', url: `http://198.51.100.10${path}` }];
  if (outcome !== undefined) {
    const latencyMs = outcome.latencyMs ?? 50;
    const result = outcome.result ?? (outcome.status >= 400 ? 'error' : outcome.status === 0 ? 'refused' : 'ok');
    out.push({ kind: 'outcome', t: t + latencyMs, seq: seq++, requestId: id, client, status: outcome.status, result, latencyMs, servedBy: outcome.servedBy, why: `${outcome.servedBy ?? 'nobody'} answered ${outcome.status}` });
  }
  return out;
}

export function state(t: number, component: string, from: string, to: string): TraceRecord {
  return { kind: 'state', t, seq: seq++, component, from, to, why: `${component} ${from} → ${to}` };
}

export function command(t: number, name: string, target: string): TraceRecord {
  return { kind: 'command', t, seq: seq++, command: name, target, why: `${name} ${target}` };
}

export function send(t: number, from: string, to: string, type = 'request', requestId?: string): TraceRecord {
  return { kind: 'send', t, seq: seq++, packet: `p${seq}`, type, from, to, requestId, summary: `${type} → ${to}` };
}

export function deliver(t: number, from: string, to: string, type = 'request', requestId?: string): TraceRecord {
  return { kind: 'deliver', t, seq: seq++, packet: `p${seq}`, type, from, to, requestId, summary: `${type} → ${to}` };
}

export function decision(t: number, component: string, requestId: string, why: string): TraceRecord {
  return { kind: 'decision', t, seq: seq++, component, decision: 'pick', requestId, why };
}

/** Records sorted by time (then by when they were made), as a real trace would hold them. */
export function indexOf(records: TraceRecord[][], components: string[], endMs: number): TraceIndex {
  const flat = records.flat().sort((a, b) => a.t - b.t || a.seq - b.seq);
  return new TraceIndex(flat, components, endMs);
}

/**
 * Three servers behind a balancer, one request a second for 10 s: round-robin
 * over a, b, c; c crashes at 5 s, after which its turns get 502 from nginx.
 */
export function roundRobinWithCrash(): TraceIndex {
  const servers = ['a', 'b', 'c'];
  const recs: TraceRecord[][] = [[command(5000, 'crash', 'c'), state(5000, 'c', 'up', 'crashed')]];
  for (let i = 0; i < 10; i++) {
    const server = servers[i % 3] ?? 'a';
    const t = i * 1000;
    const failed = server === 'c' && t >= 5000;
    recs.push(request(i + 1, t, failed ? { status: 502, servedBy: 'nginx' } : { status: 200, servedBy: server }));
    recs.push([send(t + 1, 'nginx', server, 'request', `browser#${i + 1}`)]);
    if (failed) recs.push([decision(t + 2, 'nginx', `browser#${i + 1}`, 'connect() failed (111: Connection refused) while connecting to upstream c')]);
  }
  return indexOf(recs, ['browser', 'nginx', ...servers], 10_000);
}
