/**
 * The prepared schedule lives in the scenario's own `faults:` list, which
 * the world runs (and undoes after `for`) by itself; so it is saved with the
 * scenario, exported with it and shared with it. Adding an entry appends a
 * line in the authors' style (`- { at: 30s, crash: app }`), leaving every
 * other line of the file as written; removing one edits that list only.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { FAULT_KINDS, readSetting, SETTING_KEYS } from '../../scenario';
import { REFUSED } from './plan';
import type { ScheduledFault } from './catalogue';

/** Actions a scenario's `faults:` entry can name: the scenario format's own list. */
const FAULT_ACTIONS: ReadonlySet<string> = new Set(FAULT_KINDS);

export type Edited = { ok: true; text: string } | { ok: false; why: string };

/** `12.5s` → `12500ms`, `20000` → `20s`: a duration the scenario format reads back to the same milliseconds. */
export function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

type Entry = Record<string, string | number>;

/** Whether the scenario reads `written` under `key` back as `value` (asked of the scenario's own reader, so no second key table). */
function readsBack(key: string, written: string | number, value: string | number): boolean {
  const ctx = { file: '', source: '', doc: parseDocument(''), lines: new LineCounter(), errors: [], positions: new Map() };
  return readSetting(key, new Scalar(written), key, ctx)?.value === value;
}

/** A setting of the command (`ttlS: 5`) as its `faults:` key and value (`ttl: 5`, `interval: 5s`), or undefined when the format has none for it. */
function settingEntry(kind: string, field: string, value: string | number): [string, string | number] | undefined {
  const key = Object.keys(SETTING_KEYS).find((k) => SETTING_KEYS[k]?.field === field && SETTING_KEYS[k]?.kind === kind);
  if (key === undefined) return undefined;
  const written = [value, ...(typeof value === 'number' ? [`${value}s`] : [])].find((w) => readsBack(key, w, value));
  return written === undefined ? undefined : [key, written];
}

/** The `faults:` entry for a scheduled fault, or why the format cannot hold it. */
function entryFor(f: ScheduledFault): Entry | string {
  const { kind, target } = f.command;
  if (!FAULT_ACTIONS.has(kind)) return `the scenario format has no "${kind}" fault`;
  const entry: Entry = { at: durationText(f.atMs), [kind]: target };
  for (const [field, value] of Object.entries(f.command)) {
    if (field === 'kind' || field === 'target' || field === REFUSED) continue;
    if (field === 'byMs' && kind === 'slow' && typeof value === 'number') {
      entry['by'] = durationText(value);
      continue;
    }
    const setting = settingEntry(kind, field, value);
    if (setting === undefined) return `the scenario format has no setting for ${kind}'s ${field} = ${String(value)}`;
    entry[setting[0]] = setting[1];
  }
  if (f.forMs !== undefined) entry['for'] = durationText(f.forMs);
  return entry;
}

/** One flow mapping per line, as authors write faults. */
function flowLine(entry: Entry): string {
  // A string that would read as a number, or with YAML's flow punctuation, is quoted.
  const plain = (v: string): boolean => /^[A-Za-z0-9_./:-]+$/.test(v) && !v.includes(': ') && parse(v)[0]?.toJS() === v;
  return `{ ${Object.entries(entry)
    .map(([k, v]) => `${k}: ${typeof v === 'number' || plain(v) ? String(v) : JSON.stringify(v)}`)
    .join(', ')} }`;
}

function parse(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text);
  return Array.isArray(docs) ? docs : [];
}

/** Where the first document's text ends: the start of the line of the next document's `---`. */
function firstDocEnd(text: string, docs: Document.Parsed[]): number {
  const second = docs[1];
  if (second === undefined) return text.length;
  const marker = text.lastIndexOf('\n---', second.range[0]);
  return marker < 0 ? second.range[0] : marker + 1;
}

function faultsOf(doc: Document.Parsed | undefined): Node | null | undefined {
  return doc === undefined || !isMap(doc.contents) ? undefined : (doc.get('faults', true) as Node | null | undefined);
}

/** The scenario text with `faults` added to its `faults:` list (created at the end of the first document when absent). */
export function addScenarioFaults(text: string, faults: readonly ScheduledFault[]): Edited {
  const entries: Entry[] = [];
  for (const f of faults) {
    const entry = entryFor(f);
    if (typeof entry === 'string') return { ok: false, why: entry };
    entries.push(entry);
  }
  const docs = parse(text);
  const first = docs[0];
  if (first !== undefined && first.errors.length > 0) return { ok: false, why: 'the scenario file has YAML errors; fix them first' };
  if (first !== undefined && first.contents !== null && !isMap(first.contents)) return { ok: false, why: 'the scenario file does not start with a mapping' };
  const list = faultsOf(first);
  const end = firstDocEnd(text, docs);
  if (first !== undefined && list !== undefined && list !== null) {
    if (!isSeq(list)) return { ok: false, why: 'the scenario\'s faults is not a list' };
    // A list exists: add through the YAML document, which keeps that document's comments.
    for (const entry of entries) list.add(first.createNode(entry, { flow: true }));
    return { ok: true, text: first.toString() + text.slice(end) };
  }
  const head = text.slice(0, end);
  const sep = head === '' || head.endsWith('\n') ? '' : '\n';
  const lines = entries.map((e) => `  - ${flowLine(e)}`).join('\n');
  return { ok: true, text: `${head}${sep}faults:\n${lines}\n${text.slice(end)}` };
}

/** The scenario text without the `index`-th entry of its `faults:` list (and without the list once empty). */
export function removeScenarioFault(text: string, index: number): Edited {
  const docs = parse(text);
  const first = docs[0];
  const list = faultsOf(first);
  if (first === undefined || list === undefined || list === null || !isSeq(list) || index < 0 || index >= list.items.length) {
    return { ok: false, why: `the scenario has no fault number ${index + 1}` };
  }
  list.items.splice(index, 1);
  if (list.items.length === 0) first.delete('faults');
  return { ok: true, text: first.toString() + text.slice(firstDocEnd(text, docs)) };
}
