/**
 * Reading a run out of a share link's JSON. The JSON comes from anyone, so
 * nothing is trusted: every field is checked for type and size, unknown
 * fields are refused, and the first problem is reported in words. The
 * scenario text inside is checked later by the scenario loader, like any
 * other file; it is only ever shown as text.
 */
import type { Ask, Command, Given, RunPlan } from '../instructor/plan';
import type { SharedRun } from '../instructor/session.svelte';
import { VERSION } from './codec';

export const SHARE_LIMITS = {
  scenarioChars: 1_000_000,
  commands: 10_000,
  asks: 500,
  questionChars: 1000,
  fileChars: 200,
  /** A command's text option: a whole file for a reload or an apply, a line typed in the terminal. */
  optionChars: 200_000,
  /** A week of virtual time: longer runs are not something a link replays in a page. */
  maxMs: 7 * 24 * 3600 * 1000,
} as const;

class Bad extends Error {}

function fail(message: string): never {
  throw new Bad(message);
}

function record(v: unknown, where: string, keys: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where}: expected an object`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!keys.includes(k) && !optional.includes(k)) fail(`${where}: unexpected field "${k.slice(0, 40)}"`);
  for (const k of keys) if (!Object.hasOwn(o, k)) fail(`${where}: missing field "${k}"`);
  return o;
}

function time(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > SHARE_LIMITS.maxMs) fail(`${where}: expected a virtual time in ms from 0 to ${SHARE_LIMITS.maxMs}`);
  return v;
}

function count(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(`${where}: expected a whole number ≥ 0`);
  return v;
}

function text(v: unknown, where: string, max: number): string {
  if (typeof v !== 'string' || v.length > max) fail(`${where}: expected text of at most ${max} characters`);
  return v;
}

function list(v: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) fail(`${where}: expected a list of at most ${max} entries`);
  return v;
}

function command(v: unknown, where: string): Command {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where}: expected a command object`);
  const o = v as Record<string, unknown>;
  const kind = o['kind'];
  if (typeof kind !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(kind)) fail(`${where}.kind: expected a command name such as "crash"`);
  const target = text(o['target'], `${where}.target`, 300);
  const out: Record<string, string | number> = { kind, target };
  const extra = Object.keys(o).filter((k) => k !== 'kind' && k !== 'target');
  if (extra.length > 8) fail(`${where}: too many options`);
  for (const k of extra) {
    if (!/^[a-zA-Z]{1,30}$/.test(k)) fail(`${where}: unexpected option "${k.slice(0, 40)}"`);
    const value = o[k];
    if (typeof value === 'number' && Number.isFinite(value)) out[k] = value;
    else if (typeof value === 'string' && value.length <= SHARE_LIMITS.optionChars) out[k] = value;
    else fail(`${where}.${k}: expected a number or a text of at most ${SHARE_LIMITS.optionChars} characters`);
  }
  return out as Command;
}

function plan(v: unknown): RunPlan {
  const o = record(v, 'plan', ['file', 'scenario', 'seed', 'given', 'asks']);
  const file = text(o['file'], 'plan.file', SHARE_LIMITS.fileChars);
  const scenario = text(o['scenario'], 'plan.scenario', SHARE_LIMITS.scenarioChars);
  const seed = count(o['seed'], 'plan.seed');
  const given: Given[] = list(o['given'], 'plan.given', SHARE_LIMITS.commands).map((g, i) => {
    const where = `plan.given[${i}]`;
    const r = record(g, where, ['atMs', 'command'], ['events']);
    const events = r['events'] === undefined ? undefined : count(r['events'], `${where}.events`);
    return { atMs: time(r['atMs'], `${where}.atMs`), ...(events === undefined ? {} : { events }), command: command(r['command'], `${where}.command`) };
  });
  const asks: Ask[] = list(o['asks'], 'plan.asks', SHARE_LIMITS.asks).map((a, i) => {
    const r = record(a, `plan.asks[${i}]`, ['atMs', 'question']);
    return { atMs: time(r['atMs'], `plan.asks[${i}].atMs`), question: text(r['question'], `plan.asks[${i}].question`, SHARE_LIMITS.questionChars) };
  });
  for (let i = 1; i < given.length; i++) if ((given[i]?.atMs ?? 0) < (given[i - 1]?.atMs ?? 0)) fail(`plan.given[${i}]: expected commands in time order`);
  return { file, scenario, seed, given, asks: [...asks].sort((a, b) => a.atMs - b.atMs) };
}

/** The run as JSON: what `encodeHash` is given. */
export function toShared(run: SharedRun): unknown {
  return { v: VERSION, plan: run.plan, nowMs: run.nowMs, events: run.events };
}

/** The run a link's JSON describes, or the first thing wrong with it. */
export function fromShared(json: unknown): { ok: true; run: SharedRun } | { ok: false; error: string } {
  try {
    const o = record(json, 'link', ['v', 'plan', 'nowMs', 'events']);
    if (o['v'] !== VERSION) fail(`link: expected format version ${VERSION}`);
    return { ok: true, run: { plan: plan(o['plan']), nowMs: time(o['nowMs'], 'nowMs'), events: count(o['events'], 'events') } };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, error: error.message };
    throw error;
  }
}
