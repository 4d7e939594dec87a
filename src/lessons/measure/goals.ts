/**
 * Goals checked from the trace alone: met or not, and when not, a diagnosis
 * built from the records ("3 requests got 502 after t = 40 s: browser#41 …
 * nginx-1: no live upstreams"). Goals are about behaviour, never an exact
 * end state, so any fix that makes the system behave passes.
 */
import { formatDuration } from '../../scenario';
import type { Comparison, Goal, Literal } from './ast';
import { describeWindow } from './describe';
import { evaluate, firstState, formatValue, selectRequests, type Evidence } from './evaluate';
import { globMatch } from './glob';
import type { TraceIndex } from './trace-index';

export interface GoalResult {
  met: boolean;
  /** One sentence: what the trace shows about this goal. */
  summary: string;
  /** Examples behind the verdict (the offending requests when not met). */
  evidence: Evidence[];
}

function literalValue(l: Literal): number | string {
  return l.kind === 'word' ? l.value.toLowerCase() : l.value;
}

function compare(value: number | string, c: Comparison): boolean {
  const v = typeof value === 'string' ? value.toLowerCase() : value;
  if (c.op === 'between') {
    const min = literalValue(c.min);
    const max = literalValue(c.max);
    return v >= min && v <= max;
  }
  const w = literalValue(c.value);
  switch (c.op) {
    case '=':
      return v === w;
    case '!=':
      return v !== w;
    case '<':
      return v < w;
    case '<=':
      return v <= w;
    case '>':
      return v > w;
    case '>=':
      return v >= w;
  }
}

function literalText(l: Literal): string {
  if (l.kind === 'word') return l.value;
  if (l.unit === 'percent') return `${l.value}%`;
  if (l.unit === 'ms') return formatDuration(l.value);
  return String(l.value);
}

function expectation(c: Comparison): string {
  const words = { '=': '', '!=': 'not ', '<': 'less than ', '<=': 'at most ', '>': 'more than ', '>=': 'at least ' };
  if (c.op === 'between') return `between ${literalText(c.min)} and ${literalText(c.max)}`;
  return `${words[c.op]}${literalText(c.value)}`;
}

function expand(patterns: readonly string[], index: TraceIndex): { ids: string[]; missing: string[] } {
  const known = [...new Set([...index.components, ...index.servedByIds()])];
  const ids: string[] = [];
  const missing: string[] = [];
  for (const p of patterns) {
    const hits = p.includes('*') ? known.filter((id) => globMatch(p, id)) : known.includes(p) ? [p] : [];
    if (hits.length === 0) missing.push(p);
    for (const id of hits) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, missing };
}

function each(goal: Extract<Goal, { g: 'each' }>, index: TraceIndex): GoalResult {
  const { ids, missing } = expand(goal.servers, index);
  if (missing.length > 0) return { met: false, summary: `no component in this world matches ${missing.join(', ')}`, evidence: [] };
  const all = selectRequests(goal.set, index);
  if ('reason' in all) return { met: false, summary: all.reason, evidence: [] };
  const answered = all.filter((r) => r.outcome !== undefined);
  const window = describeWindow(goal.set.window);
  if (answered.length === 0) return { met: false, summary: `no requests${window} had an answer, so no server got any share`, evidence: [] };
  const shares = ids.map((id) => {
    const n = answered.filter((r) => r.servedBy === id).length;
    return { id, n, percent: Math.round((1000 * n) / answered.length) / 10 };
  });
  const off = shares.filter((s) => s.percent < goal.min || s.percent > goal.max);
  const list = (xs: typeof shares) => xs.map((s) => `${s.id} ${s.percent}% (${s.n})`).join(', ');
  const range = `${goal.min}%–${goal.max}%`;
  if (off.length === 0) return { met: true, summary: `each got ${range} of ${answered.length} answered requests${window}: ${list(shares)}`, evidence: [] };
  return { met: false, summary: `of ${answered.length} answered requests${window}, ${list(off)} — outside ${range}; all: ${list(shares)}`, evidence: [] };
}

/** Check one goal over a run's trace. */
export function checkGoal(goal: Goal, index: TraceIndex): GoalResult {
  switch (goal.g) {
    case 'none': {
      const m = evaluate({ m: 'count', set: goal.set }, index);
      if (!m.ok) return { met: false, summary: `cannot tell: ${m.reason}`, evidence: [] };
      return m.value === 0 ? { met: true, summary: m.text, evidence: [] } : { met: false, summary: m.text, evidence: m.evidence };
    }
    case 'receivesNone': {
      // "pod:default/api-* receives no requests after it becomes NotReady": the pod that did.
      const after = goal.window.after;
      const anchored = after?.kind === 'state' && after.component === goal.component ? firstState(after, index)?.component : undefined;
      const component = anchored ?? goal.component;
      const set = { kind: 'messages' as const, type: 'request', to: component, window: goal.window };
      const m = evaluate({ m: 'count', set }, index);
      if (!m.ok) return { met: false, summary: `cannot tell: ${m.reason}`, evidence: [] };
      const summary = `${component} received ${m.value} request${m.value === 1 ? '' : 's'}${describeWindow(goal.window)}`;
      return { met: m.value === 0, summary, evidence: m.value === 0 ? [] : m.evidence };
    }
    case 'each':
      return each(goal, index);
    case 'compare': {
      const m = evaluate(goal.measure, index);
      if (!m.ok) return { met: false, summary: `cannot tell: ${m.reason}`, evidence: [] };
      const met = compare(m.value, goal.comparison);
      const shown = formatValue(goal.measure, m.value);
      const summary = met ? `${m.text}` : `${m.text}: the value is ${shown}, expected ${expectation(goal.comparison)}`;
      return { met, summary, evidence: met ? [] : m.evidence };
    }
  }
}

/** Reasons shown per example: the last ones, nearest the outcome (nginx giving up), not the first (a cache hit). */
export const REASONS_PER_EXAMPLE = 3;

/** The diagnosis a student reads under a goal that is not met: the summary, then up to three examples with their reasons. */
export function diagnosis(result: GoalResult): string[] {
  const lines = [result.summary];
  for (const e of result.evidence) {
    lines.push(e.text);
    for (const d of e.details.slice(-REASONS_PER_EXAMPLE)) lines.push(`  ${d}`);
  }
  return lines;
}
