/**
 * The prepared schedule lives in the scenario's own `faults:` list, which
 * the world runs (and undoes after `for`) by itself; so it is saved with the
 * scenario, exported with it and shared with it. Adding an entry appends a
 * line in the authors' style (`- { at: 30s, crash: app }`), leaving every
 * other line of the file as written; removing one edits that list only.
 */
import { isMap, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ScheduledFault } from './catalogue';

/** Actions a scenario's `faults:` entry can name (see the scenario format). */
const FAULT_ACTIONS = new Set(['crash', 'recover', 'hang', 'slow', 'unhealthy', 'heal', 'kill', 'drain', 'uncordon', 'lose-az', 'restore-az']);

export type Edited = { ok: true; text: string } | { ok: false; why: string };

/** `12.5s` → `12500ms`, `20000` → `20s`: a duration the scenario format reads back to the same milliseconds. */
export function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function entryFor(f: ScheduledFault): Record<string, string> {
  const entry: Record<string, string> = { at: durationText(f.atMs), [f.command.kind]: f.command.target };
  const by = f.command['byMs'];
  if (f.command.kind === 'slow' && typeof by === 'number') entry['by'] = durationText(by);
  if (f.forMs !== undefined) entry['for'] = durationText(f.forMs);
  return entry;
}

/** One flow mapping per line, as authors write faults. */
function flowLine(entry: Record<string, string>): string {
  const plain = (v: string): boolean => /^[A-Za-z0-9_./:-]+$/.test(v) && !v.includes(': ');
  return `{ ${Object.entries(entry)
    .map(([k, v]) => `${k}: ${plain(v) ? v : JSON.stringify(v)}`)
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
  const odd = faults.find((f) => !FAULT_ACTIONS.has(f.command.kind));
  if (odd !== undefined) return { ok: false, why: `the scenario format has no "${odd.command.kind}" fault` };
  const docs = parse(text);
  const first = docs[0];
  if (first !== undefined && first.errors.length > 0) return { ok: false, why: 'the scenario file has YAML errors; fix them first' };
  if (first !== undefined && first.contents !== null && !isMap(first.contents)) return { ok: false, why: 'the scenario file does not start with a mapping' };
  const list = faultsOf(first);
  const end = firstDocEnd(text, docs);
  if (first !== undefined && list !== undefined && list !== null) {
    if (!isSeq(list)) return { ok: false, why: 'the scenario\'s faults is not a list' };
    // A list exists: add through the YAML document, which keeps that document's comments.
    for (const f of faults) list.add(first.createNode(entryFor(f), { flow: true }));
    return { ok: true, text: first.toString() + text.slice(end) };
  }
  const head = text.slice(0, end);
  const sep = head === '' || head.endsWith('\n') ? '' : '\n';
  const lines = faults.map((f) => `  - ${flowLine(entryFor(f))}`).join('\n');
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
