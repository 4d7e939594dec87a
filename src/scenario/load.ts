/**
 * Loading a scenario: YAML text → checked `Scenario`, or every error found,
 * each with file, line, column and field. Nothing here throws on bad input.
 */
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { ScenarioError } from './errors';
import { scenarioFile } from './format';
import { checkReferences } from './references';
import type { Ctx } from './schema';
import { read } from './schema';
import type { Scenario } from './types';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** yaml's messages end with " at line 3, column 5:" and a code excerpt; we give the position ourselves. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** Parse and validate a scenario. `file` is only used in messages and kept on the scenario. */
export function loadScenario(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', message: `invalid YAML: ${yamlMessage(e.message)}` };
    });
    return { ok: false, errors };
  }
  const ctx: Ctx = { file, doc, lines, errors: [], positions: new Map() };
  const parsed = read(scenarioFile, doc.contents as Node | null, '', ctx);
  if (parsed !== undefined) checkReferences(parsed.topology, ctx);
  if (parsed === undefined || ctx.errors.length > 0) {
    const errors = [...ctx.errors].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors };
  }
  return { ok: true, scenario: { file, ...parsed } };
}
