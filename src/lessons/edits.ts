/**
 * Config edits as text replacements in the scenario's YAML: the student
 * sees and changes the real line (`max_fails=1` → `max_fails=3`), and the
 * step runs again from t = 0 on the edited scenario. No live-edit support
 * is needed from the world: a changed past re-runs deterministically.
 */
import type { EditDef, ScenarioSource } from './types';

/** The scenario with each chosen option in place of its edit's `find` text; throws when a `find` is missing. */
export function applyEdits(source: ScenarioSource, defs: readonly EditDef[], chosen: Readonly<Record<string, string>>): ScenarioSource {
  let text = source.text;
  for (const [id, option] of Object.entries(chosen)) {
    const def = defs.find((d) => d.id === id);
    if (def === undefined) throw new Error(`no edit "${id}": expected one of ${defs.map((d) => d.id).join(', ') || 'none'}`);
    if (!def.options.includes(option)) throw new Error(`edit "${id}": expected one of ${def.options.map((o) => JSON.stringify(o)).join(', ')}, got ${JSON.stringify(option)}`);
    if (option === def.find) continue;
    if (!text.includes(def.find)) throw new Error(`edit "${id}": the scenario ${source.file} has no "${def.find}" to replace`);
    text = text.split(def.find).join(option);
  }
  return { file: source.file, text };
}

/**
 * The text with everything outside [start, end) blanked (newlines kept), so
 * YAML reading just that node sees it at the same lines and columns.
 */
export function blankOutside(text: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}
