/**
 * BACKENDS.json for `trafficlab nginx`: how each `ADDRESS:PORT` behaves.
 *
 * The same reading serves the simulated network and the differential test
 * harness that starts real backends, so both sides agree on what a file means.
 */
import { InputError, parseJson, type JsonNode } from './json';

/** What a backend does with one connection. */
export type Behaviour =
  | { kind: 'refuse' }
  | { kind: 'hang' }
  | { kind: 'respond'; status: number; delayMs: number };

/** Behaviour over time: each entry holds from its `fromMs` until the next one's. */
export type Timeline = { fromMs: number; behaviour: Behaviour }[];

/** `ADDRESS:PORT` → timeline, in file order. */
export type Backends = Map<string, Timeline>;

const REFUSE: Behaviour = { kind: 'refuse' };

/**
 * The behaviour of `address` at `atMs`. An address not listed refuses, and so
 * does a listed one before its first `fromMs` (nothing is listening yet).
 */
export function behaviourAt(backends: Backends, address: string, atMs: number): Behaviour {
  const timeline = backends.get(address);
  if (timeline === undefined) return REFUSE;
  let current = REFUSE;
  for (const entry of timeline) {
    if (entry.fromMs > atMs) break;
    current = entry.behaviour;
  }
  return current;
}

/** Read BACKENDS.json; throws `InputError` naming the file and line. */
export function parseBackends(text: string, file: string): Backends {
  const root = parseJson(text, file);
  if (root.kind !== 'object') throw new InputError(file, root.line, 'expected an object from "ADDRESS:PORT" to a behaviour');
  const backends: Backends = new Map();
  for (const [key, value, keyLine] of root.entries) {
    if (!/^(\d{1,3}\.){3}\d{1,3}:\d{1,5}$/.test(key) || !validAddress(key)) {
      throw new InputError(file, keyLine, `"${key}" is not an IPv4 ADDRESS:PORT`);
    }
    if (backends.has(key)) throw new InputError(file, keyLine, `"${key}" is listed twice`);
    backends.set(key, timeline(value, file));
  }
  return backends;
}

function validAddress(key: string): boolean {
  const [ip = '', port = ''] = key.split(':');
  return ip.split('.').every((o) => Number(o) <= 255) && Number(port) >= 1 && Number(port) <= 65535;
}

function timeline(node: JsonNode, file: string): Timeline {
  if (node.kind !== 'array') return [{ fromMs: 0, behaviour: behaviour(node, file) }];
  if (node.items.length === 0) throw new InputError(file, node.line, 'a behaviour list needs at least one {"fromMs", "behaviour"} entry');
  const entries: Timeline = [];
  for (const item of node.items) {
    if (item.kind !== 'object') throw new InputError(file, item.line, 'expected {"fromMs": T, "behaviour": B}');
    const fields = new Map(item.entries.map(([k, v]) => [k, v]));
    for (const [k, , line] of item.entries) {
      if (k !== 'fromMs' && k !== 'behaviour') throw new InputError(file, line, `unknown field "${k}" (expected "fromMs" and "behaviour")`);
    }
    const from = fields.get('fromMs');
    const b = fields.get('behaviour');
    if (from === undefined || from.kind !== 'number' || !(from.value >= 0)) {
      throw new InputError(file, from?.line ?? item.line, '"fromMs" must be a number ≥ 0');
    }
    if (b === undefined) throw new InputError(file, item.line, 'missing "behaviour"');
    const previous = entries[entries.length - 1];
    if (previous !== undefined && from.value <= previous.fromMs) {
      throw new InputError(file, from.line, `"fromMs" must increase along the list (${from.value} after ${previous.fromMs})`);
    }
    entries.push({ fromMs: from.value, behaviour: behaviour(b, file) });
  }
  return entries;
}

function behaviour(node: JsonNode, file: string): Behaviour {
  if (node.kind === 'string') {
    if (node.value === 'ok') return { kind: 'respond', status: 200, delayMs: 0 };
    if (node.value === 'refuse') return { kind: 'refuse' };
    if (node.value === 'hang') return { kind: 'hang' };
    throw new InputError(file, node.line, `unknown behaviour "${node.value}" (expected "ok", "refuse", "hang", {"status": N} or {"delayMs": D, "status": N})`);
  }
  if (node.kind !== 'object') {
    throw new InputError(file, node.line, 'expected a behaviour: "ok", "refuse", "hang", {"status": N}, {"delayMs": D, "status": N} or a list of {"fromMs", "behaviour"}');
  }
  let status = 200;
  let delayMs = 0;
  let sawStatus = false;
  for (const [key, value, line] of node.entries) {
    if (key === 'status') {
      if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value < 200 || value.value > 599) {
        throw new InputError(file, value.line, '"status" must be an integer HTTP status from 200 to 599');
      }
      status = value.value;
      sawStatus = true;
    } else if (key === 'delayMs') {
      if (value.kind !== 'number' || !(value.value >= 0)) throw new InputError(file, value.line, '"delayMs" must be a number ≥ 0');
      delayMs = value.value;
    } else {
      throw new InputError(file, line, `unknown field "${key}" in a behaviour (expected "status" and "delayMs")`);
    }
  }
  if (!sawStatus && node.entries.length === 0) throw new InputError(file, node.line, 'an object behaviour needs "status" or "delayMs"');
  return { kind: 'respond', status, delayMs };
}
