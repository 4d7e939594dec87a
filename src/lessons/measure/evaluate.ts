/**
 * Measures evaluated over a trace index: a value, the sentence that explains
 * it, and the records behind it (evidence), so a prediction's answer and a
 * goal's diagnosis both point at what actually happened.
 *
 * Requests are placed in a window by the time they were sent; requests with
 * no outcome by the end of the run count only in `count of requests`.
 */
import { formatDuration } from '../../scenario';
import type { DecisionRecord, LogRecord, PacketRecord, StateRecord } from '../../sim';
import { terminalLineOf, type TerminalLine } from '../../models/shell';
import type { AnySet, CommandSet, DecisionSet, LogSet, Measure, MessageSet, RequestSet, TimeRef, What, Window } from './ast';
import { countSentence, describeRequests, describeWindow } from './describe';
import { lineMatches } from './command-match';
import { globMatch } from './glob';
import type { RequestEntry, TraceIndex } from './trace-index';

/** One thing that happened, for a student to read. */
export interface Evidence {
  t: number;
  text: string;
  /** The reasons the components gave along the way (decision records' why). */
  details: string[];
}

export type Measured =
  | { ok: true; value: number | string; text: string; evidence: Evidence[] }
  /** The trace cannot answer: an anchor never happened, no request had that number… */
  | { ok: false; reason: string };

/** How many examples a diagnosis shows. */
export const EVIDENCE_LIMIT = 3;

type Bounds = { ok: true; from: number; to: number } | { ok: false; reason: string };

function resolve(ref: TimeRef, index: TraceIndex): number | undefined {
  if (ref.kind === 'at') return ref.ms;
  if (ref.kind === 'state') return firstState(ref, index)?.t;
  return index.commands.find((c) => c.command === ref.command && c.target === ref.target)?.t;
}

/** The first state record a `state` anchor names; its component may be a pattern (`pod:default/api-*`). */
export function firstState(ref: Extract<TimeRef, { kind: 'state' }>, index: TraceIndex): StateRecord | undefined {
  return index.states.find((s) => s.to === ref.state && globMatch(ref.component, s.component));
}

function never(ref: Exclude<TimeRef, { kind: 'at' }>, index: TraceIndex): string {
  const end = formatDuration(index.endMs);
  if (ref.kind === 'state') {
    const seen = [...new Set(index.states.filter((s) => globMatch(ref.component, s.component)).map((s) => s.to))];
    const states = seen.length === 0 ? `${ref.component} changed state never` : `${ref.component} went through ${seen.join(', ')}`;
    return `${ref.component} never became ${ref.state} in this run (up to t = ${end}): ${states}`;
  }
  return `nothing gave the command ${ref.command} to ${ref.target} in this run (up to t = ${end})`;
}

/** The window as [from, to) in virtual ms. */
export function bounds(w: Window, index: TraceIndex): Bounds {
  let from = -Infinity;
  let to = Infinity;
  for (const [ref, set] of [
    [w.after, (t: number) => (from = t)],
    [w.before, (t: number) => (to = t)],
  ] as const) {
    if (ref === undefined) continue;
    const t = resolve(ref, index);
    if (t === undefined) return { ok: false, reason: ref.kind === 'at' ? 'no time' : never(ref, index) };
    set(t);
  }
  return { ok: true, from, to };
}

function matchesWhat(what: What, r: RequestEntry): boolean {
  if (what.type === 'all') return true;
  const o = r.outcome;
  if (o === undefined) return false;
  switch (what.type) {
    case 'status':
      return o.status === what.code;
    case 'class':
      return Math.floor(o.status / 100) === what.hundred;
    case 'failures':
      return o.result !== 'ok';
    case 'successes':
      return o.result === 'ok';
    case 'result':
      return o.result === what.result;
  }
}

/** The requests in a set; `what` may be overridden (shares count against all requests). */
export function selectRequests(set: RequestSet, index: TraceIndex, what: What = set.what): RequestEntry[] | { reason: string } {
  const b = bounds(set.window, index);
  if (!b.ok) return { reason: b.reason };
  return index.requests.filter(
    (r) =>
      r.t >= b.from &&
      r.t < b.to &&
      (set.from === undefined || r.client === set.from) &&
      (set.path === undefined || r.path.startsWith(set.path)) &&
      (set.servedBy === undefined || (r.servedBy !== undefined && globMatch(set.servedBy, r.servedBy))) &&
      matchesWhat(what, r),
  );
}

export function selectMessages(set: MessageSet, index: TraceIndex): PacketRecord[] | { reason: string } {
  const b = bounds(set.window, index);
  if (!b.ok) return { reason: b.reason };
  return index.sends.filter(
    (p) =>
      p.t >= b.from &&
      p.t < b.to &&
      (set.type === undefined || p.type === set.type) &&
      (set.from === undefined || globMatch(set.from, p.from)) &&
      (set.to === undefined || globMatch(set.to, p.to)) &&
      (set.client === undefined || (p.requestId !== undefined && index.request(p.requestId)?.client === set.client)),
  );
}

export function selectDecisions(set: DecisionSet, index: TraceIndex): DecisionRecord[] | { reason: string } {
  const b = bounds(set.window, index);
  if (!b.ok) return { reason: b.reason };
  return index.decisions.filter(
    (d) => d.t >= b.from && d.t < b.to && (set.decision === undefined || d.decision === set.decision) && (set.by === undefined || d.component === set.by),
  );
}

export function selectLogs(set: LogSet, index: TraceIndex): LogRecord[] | { reason: string } {
  const b = bounds(set.window, index);
  if (!b.ok) return { reason: b.reason };
  return index.logs.filter(
    (l) => l.t >= b.from && l.t < b.to && (set.text === undefined || l.line.includes(set.text)) && (set.by === undefined || globMatch(set.by, l.component)),
  );
}

/** Lines run in the terminal, in the order they finished (a curl's line is recorded when it ends). */
export function selectCommands(set: CommandSet, index: TraceIndex): TerminalLine[] | { reason: string } {
  const b = bounds(set.window, index);
  if (!b.ok) return { reason: b.reason };
  return index.commands.flatMap((r) => {
    const l = terminalLineOf(r);
    if (l === undefined || l.t < b.from || l.t >= b.to) return [];
    const matched = (set.text === undefined || lineMatches(set.text, l.line)) && (set.where === undefined || globMatch(set.where, l.where));
    return matched ? [l] : [];
  });
}

function commandEvidence(l: TerminalLine): Evidence {
  return { t: l.t, text: `t = ${formatDuration(l.t)}: ran \`${l.line}\`${l.where === 'machine' ? '' : ` in ${l.where}`} (exit ${l.exitCode})`, details: [] };
}

function logEvidence(l: LogRecord): Evidence {
  return { t: l.t, text: `t = ${formatDuration(l.t)}: ${l.component} ${l.stream}: ${l.line}`, details: [] };
}

function decisionEvidence(d: DecisionRecord): Evidence {
  return { t: d.t, text: `t = ${formatDuration(d.t)}: ${d.component} decided ${d.decision}`, details: [d.why] };
}

/** What happened to one request, with the reasons given for it on the way. */
export function requestEvidence(r: RequestEntry, index: TraceIndex): Evidence {
  const sent = `${r.id} (${r.method} ${r.path}, sent at t = ${formatDuration(r.t)})`;
  const how = r.outcome === undefined ? 'had no answer yet when the run ended' : r.outcome.why;
  const details = [...new Set(index.decisionsFor(r.id).map((d) => `${d.component}: ${d.why}`))];
  return { t: r.t, text: `${sent}: ${how}`, details };
}

export function messageEvidence(p: PacketRecord): Evidence {
  return { t: p.t, text: `t = ${formatDuration(p.t)}: ${p.from} → ${p.to}: ${p.summary}`, details: p.why === undefined ? [] : [p.why] };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function count(set: AnySet, index: TraceIndex): Measured {
  if (set.kind === 'commands') {
    const found = selectCommands(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    return { ok: true, value: found.length, text: countSentence(found.length, set), evidence: found.slice(0, EVIDENCE_LIMIT).map(commandEvidence) };
  }
  if (set.kind === 'logs') {
    const found = selectLogs(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    return { ok: true, value: found.length, text: countSentence(found.length, set), evidence: found.slice(0, EVIDENCE_LIMIT).map(logEvidence) };
  }
  if (set.kind === 'decisions') {
    const found = selectDecisions(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    return { ok: true, value: found.length, text: countSentence(found.length, set), evidence: found.slice(0, EVIDENCE_LIMIT).map(decisionEvidence) };
  }
  if (set.kind === 'messages') {
    const found = selectMessages(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    return { ok: true, value: found.length, text: countSentence(found.length, set), evidence: found.slice(0, EVIDENCE_LIMIT).map(messageEvidence) };
  }
  const found = selectRequests(set, index);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const evidence = found.slice(0, EVIDENCE_LIMIT).map((r) => requestEvidence(r, index));
  return { ok: true, value: found.length, text: countSentence(found.length, set), evidence };
}

/** Share of the set among the answered requests with the same client, path and window. */
export function share(set: RequestSet, index: TraceIndex): Measured {
  const base: RequestSet = { ...set, what: { type: 'all' }, servedBy: undefined };
  const all = selectRequests(base, index);
  const hits = selectRequests(set, index);
  if ('reason' in all) return { ok: false, reason: all.reason };
  if ('reason' in hits) return { ok: false, reason: hits.reason };
  const answered = all.filter((r) => r.outcome !== undefined).length;
  if (answered === 0) return { ok: false, reason: `no ${describeRequests(base)}${describeWindow(set.window)} had ended by t = ${formatDuration(index.endMs)}` };
  const matched = hits.filter((r) => r.outcome !== undefined);
  const value = round((100 * matched.length) / answered);
  const text = `${value}% (${countSentence(matched.length, set)}, of ${answered} answered)`;
  return { ok: true, value, text, evidence: matched.slice(0, EVIDENCE_LIMIT).map((r) => requestEvidence(r, index)) };
}

function field(m: Extract<Measure, { m: 'field' }>, index: TraceIndex): Measured {
  const pool = index.requests.filter((r) => (m.from === undefined || r.client === m.from) && (m.path === undefined || r.path.startsWith(m.path)));
  const r = pool[m.n - 1];
  const who = `${m.from === undefined ? '' : ` from ${m.from}`}${m.path === undefined ? '' : ` for ${m.path}`}`;
  if (r === undefined) return { ok: false, reason: `only ${pool.length} requests${who} were sent by t = ${formatDuration(index.endMs)}, so there is no request ${m.n}` };
  const o = r.outcome;
  if (o === undefined) return { ok: false, reason: `request ${m.n}${who} (${r.id}) had no outcome by t = ${formatDuration(index.endMs)}` };
  const evidence = [requestEvidence(r, index)];
  const value = { servedBy: r.servedBy ?? 'none', status: o.status, result: o.result, latency: o.latencyMs }[m.field];
  const shown = m.field === 'latency' ? formatDuration(o.latencyMs) : String(value);
  return { ok: true, value, text: `${m.field} of request ${m.n}${who} (${r.id}) is ${shown}`, evidence };
}

function first(set: AnySet, index: TraceIndex): Measured {
  if (set.kind === 'commands') {
    const found = selectCommands(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    const l = found[0];
    if (l === undefined) return { ok: false, reason: `${countSentence(0, set)}, so there is no first one` };
    return { ok: true, value: l.t, text: `the first at t = ${formatDuration(l.t)}`, evidence: [commandEvidence(l)] };
  }
  if (set.kind === 'logs') {
    const found = selectLogs(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    const l = found[0];
    if (l === undefined) return { ok: false, reason: `${countSentence(0, set)}, so there is no first one` };
    return { ok: true, value: l.t, text: `the first at t = ${formatDuration(l.t)}`, evidence: [logEvidence(l)] };
  }
  if (set.kind === 'decisions') {
    const found = selectDecisions(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    const d = found[0];
    if (d === undefined) return { ok: false, reason: `${countSentence(0, set)}, so there is no first one` };
    return { ok: true, value: d.t, text: `the first at t = ${formatDuration(d.t)}`, evidence: [decisionEvidence(d)] };
  }
  if (set.kind === 'messages') {
    const found = selectMessages(set, index);
    if ('reason' in found) return { ok: false, reason: found.reason };
    const p = found[0];
    if (p === undefined) return { ok: false, reason: `${countSentence(0, set)}, so there is no first one` };
    return { ok: true, value: p.t, text: `the first at t = ${formatDuration(p.t)}`, evidence: [messageEvidence(p)] };
  }
  const found = selectRequests(set, index);
  if ('reason' in found) return { ok: false, reason: found.reason };
  // "When does the first 502 come back?" is about the answer, so an answered request counts at its outcome.
  const times = found.map((r) => ({ r, t: r.outcome?.t ?? r.t })).sort((a, b) => a.t - b.t);
  const hit = times[0];
  if (hit === undefined) return { ok: false, reason: `${countSentence(0, set)}, so there is no first one` };
  return { ok: true, value: hit.t, text: `the first ended at t = ${formatDuration(hit.t)}`, evidence: [requestEvidence(hit.r, index)] };
}

function latency(m: Extract<Measure, { m: 'latency' }>, index: TraceIndex): Measured {
  const found = selectRequests(m.set, index);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const answered = found.filter((r) => r.outcome !== undefined);
  if (answered.length === 0) return { ok: false, reason: `${countSentence(0, m.set)}, so there is no latency to measure` };
  const values = answered.map((r) => r.outcome?.latencyMs ?? 0);
  const value = m.agg === 'max' ? Math.max(...values) : Math.round((1000 * values.reduce((a, b) => a + b, 0)) / values.length) / 1000;
  const slowest = [...answered].sort((a, b) => (b.outcome?.latencyMs ?? 0) - (a.outcome?.latencyMs ?? 0));
  return { ok: true, value, text: `${m.agg} latency ${formatDuration(value)} over ${answered.length} requests`, evidence: slowest.slice(0, EVIDENCE_LIMIT).map((r) => requestEvidence(r, index)) };
}

function end(m: Extract<Measure, { m: 'end' }>, index: TraceIndex): Measured {
  const found = selectMessages(m.set, index);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const p = found[0];
  if (p === undefined) return { ok: false, reason: `${countSentence(0, m.set)}, so there is no first one` };
  const value = m.end === 'sender' ? p.from : p.to;
  return { ok: true, value, text: `the first was sent by ${p.from} to ${p.to} at t = ${formatDuration(p.t)}`, evidence: [messageEvidence(p)] };
}

function servers(set: RequestSet, index: TraceIndex): Measured {
  const found = selectRequests(set, index);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const ids = [...new Set(found.map((r) => r.servedBy).filter((id): id is string => id !== undefined))].sort();
  const listed = ids.length === 0 ? 'none' : ids.join(', ');
  return { ok: true, value: ids.length, text: `${ids.length} different components served them (${listed})`, evidence: [] };
}

/** Evaluate a measure over a run's trace. */
export function evaluate(m: Measure, index: TraceIndex): Measured {
  switch (m.m) {
    case 'count':
      return count(m.set, index);
    case 'share':
      return share(m.set, index);
    case 'field':
      return field(m, index);
    case 'first':
      return first(m.set, index);
    case 'latency':
      return latency(m, index);
    case 'end':
      return end(m, index);
    case 'servers':
      return servers(m.set, index);
  }
}

/** A measured value as a student reads it: `41.2 s`, `25%`, `app-1`, `3`. */
export function formatValue(m: Measure, value: number | string): string {
  if (typeof value === 'string') return value;
  if (m.m === 'share') return `${value}%`;
  if (m.m === 'first' || m.m === 'latency' || (m.m === 'field' && m.field === 'latency')) return formatDuration(value);
  return String(value);
}

