/**
 * Tab completion, as bash with readline does it at the end of a line: one
 * match completes the word and adds a space; several extend the word to
 * their longest common prefix and are listed when nothing more can be
 * added. The first word completes to command names; later words ask the
 * command itself (resource types, pod names, flags, files, host names).
 */
import type { CommandDef, CompletionEnv } from './command';
import { quoteWord } from './words';

export interface Completion {
  /** The line after completion. */
  readonly line: string;
  /** The matches to show when there are several (empty otherwise). */
  readonly candidates: readonly string[];
}

/** Words of the last command of a line, and the partial word at its end ('' after a blank). */
function lastCommandWords(line: string): { words: string[]; partial: string } {
  const segment = line.slice(line.lastIndexOf('|') + 1);
  const words = segment.split(/\s+/).filter((w, i, all) => w !== '' || i === all.length - 1);
  const partial = /\s$/.test(segment) || segment.trim() === '' ? '' : (words[words.length - 1] ?? '');
  const complete = /\s$/.test(segment) || segment.trim() === '' ? words.filter((w) => w !== '') : words.slice(0, -1);
  return { words: complete, partial };
}

function commonPrefix(values: readonly string[]): string {
  let prefix = values[0] ?? '';
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Complete the last word of `line`. */
export function completeLine(line: string, env: CompletionEnv, commands: readonly CommandDef[], filters: readonly string[]): Completion {
  const { words, partial } = lastCommandWords(line);
  const afterPipe = line.includes('|');
  let pool: readonly string[];
  if (words.length === 0) {
    pool = afterPipe ? filters : commands.map((c) => c.name);
  } else {
    const def = commands.find((c) => c.name === words[0]);
    pool = def?.complete?.(env, [...words.slice(1), partial]) ?? [];
  }
  const matches = [...new Set(pool.filter((p) => p.startsWith(partial)))].sort();
  const head = line.slice(0, line.length - partial.length);
  if (matches.length === 0) return { line, candidates: [] };
  if (matches.length === 1) {
    const only = matches[0] ?? '';
    const open = only.endsWith('/') || only.endsWith('=');
    return { line: `${head}${quoteWord(only)}${open ? '' : ' '}`, candidates: [] };
  }
  const prefix = commonPrefix(matches);
  if (prefix.length > partial.length) return { line: `${head}${prefix}`, candidates: [] };
  return { line, candidates: matches };
}
