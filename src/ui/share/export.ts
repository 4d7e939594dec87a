/**
 * The scenario as a YAML file to save: its text as loaded or edited, with
 * the prepared schedule written into its `faults:` list, the scenario
 * format's own way of scheduling faults, so that the file carries the
 * class's plan. Commands the format has no word for are left out, and said.
 */
import { isMap, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Command, RunPlan, Scheduled } from '../instructor/plan';

/** Actions a scenario's `faults:` entry can name (see the scenario format). */
const FAULT_ACTIONS = new Set(['crash', 'recover', 'hang', 'slow', 'unhealthy', 'heal', 'kill', 'drain', 'uncordon', 'lose-az', 'restore-az']);

export interface Exported {
  text: string;
  /** Sentences about scheduled commands that could not be written. */
  skipped: string[];
}

/** `12.5s`, `250ms`: a duration the scenario format reads back to the same milliseconds. */
export function durationText(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

function entryFor(command: Command, atMs: number): Record<string, string> {
  const entry: Record<string, string> = { at: durationText(atMs), [command.kind]: command.target };
  const by = command['byMs'];
  if (command.kind === 'slow' && typeof by === 'number') entry['by'] = durationText(by);
  return entry;
}

/** One flow mapping per line, as authors write faults: `- { at: 30s, crash: app }`. */
function flowLine(entry: Record<string, string>): string {
  const needsQuotes = (v: string): boolean => !/^[A-Za-z0-9_./-]+$/.test(v);
  return `{ ${Object.entries(entry)
    .map(([k, v]) => `${k}: ${needsQuotes(v) ? JSON.stringify(v) : v}`)
    .join(', ')} }`;
}

/** The first document's text span: [0, end), end being where the next document's `---` starts. */
function firstDocEnd(text: string, docs: Document.Parsed[]): number {
  const second = docs[1];
  if (second === undefined) return text.length;
  const start = second.range[0];
  const marker = text.lastIndexOf('\n---', start);
  return marker < 0 ? start : marker + 1;
}

/** The scenario text with the plan's schedule added to its faults. */
export function exportScenario(plan: RunPlan): Exported {
  const skipped: string[] = [];
  const writable: Scheduled[] = [];
  for (const s of plan.schedule) {
    if (FAULT_ACTIONS.has(s.command.kind)) writable.push(s);
    else skipped.push(`${s.command.kind} ${s.command.target} at ${durationText(s.atMs)}: the scenario format has no "${s.command.kind}" fault; it stays in share links only`);
  }
  if (writable.length === 0) return { text: plan.scenario, skipped };
  const docs = parseAllDocuments(plan.scenario);
  const all = Array.isArray(docs) ? docs : [];
  const first = all[0];
  const lines = writable.map((s) => `  - ${flowLine(entryFor(s.command, s.atMs))}`);
  const faults = first === undefined ? undefined : (first.get('faults', true) as Node | undefined);
  if (first !== undefined && faults !== undefined && faults !== null && isSeq(faults) && first.errors.length === 0) {
    // A faults list exists: add to it through the YAML document, which keeps the rest of that document.
    for (const s of writable) faults.add(first.createNode(entryFor(s.command, s.atMs), { flow: true }));
    const end = firstDocEnd(plan.scenario, all);
    return { text: first.toString() + plan.scenario.slice(end), skipped };
  }
  if (first !== undefined && first.contents !== null && !isMap(first.contents)) {
    return { text: plan.scenario, skipped: [...skipped, 'the scenario file does not start with a mapping, so no faults were added'] };
  }
  // No faults list yet: append one at the end of the first document, leaving every other line as it was.
  const end = firstDocEnd(plan.scenario, all);
  const head = plan.scenario.slice(0, end);
  const sep = head === '' || head.endsWith('\n') ? '' : '\n';
  return { text: `${head}${sep}faults:\n${lines.join('\n')}\n${plan.scenario.slice(end)}`, skipped };
}

/** A file name for the download: the scenario's own name, safe for any file system. */
export function exportFileName(file: string): string {
  const base = (file.split('/').pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  const name = base === '' ? 'scenario' : base.replace(/\.ya?ml$/i, '');
  return `${name}.yaml`;
}
