/**
 * Small helpers shared by the directive handlers: duplicate checks and the
 * recording of `$variable` references in values nginx compiles as scripts.
 */
import type { Directive, Parser } from './parser';
import { scanVariables } from './variables';

/** A slot handler's `"name" directive is duplicate`, keyed per block. */
export function once(p: Parser, d: Directive, key: string = d.name): void {
  const node = p.node;
  if (node.seen.has(key)) p.failDirective(d, 'is duplicate');
  node.seen.add(key);
}

/** Records the variables a compiled value refers to (or fails like the script compiler). */
export function useVariables(p: Parser, value: string): void {
  const scan = scanVariables(value);
  if ('error' in scan) p.fail(scan.error);
  for (const name of scan.names) p.useVariable(name);
}

/** Named captures of a PCRE pattern become variables: `(?<name>…)`, `(?P<name>…)`, `(?'name'…)`. */
export function defineCaptures(p: Parser, regex: string): void {
  for (const m of regex.matchAll(/\(\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/g)) {
    p.definedVariables.add((m[1] ?? m[2] ?? '').toLowerCase());
  }
}
