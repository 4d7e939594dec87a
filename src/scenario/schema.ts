/**
 * A small validator for YAML documents that keeps positions: each check reads
 * one node, and every complaint carries the node's line and column and the
 * field's path. Scenario sections are described as tables of fields built from
 * these checks (see `format.ts`), not as one long hand-written function.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ScenarioError } from './errors';
import { didYouMean } from './did-you-mean';

/** Where something is in the source. */
export interface Pos {
  line: number;
  column: number;
}

/** State shared by the checks of one file. */
export interface Ctx {
  readonly file: string;
  /** The file's text, for positions inside block scalars (an nginx.conf in a ConfigMap). */
  readonly source: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly errors: ScenarioError[];
  /** Path → position of every value read, so later checks (references) can point at it. */
  readonly positions: Map<string, Pos>;
}

/** Reads one node; undefined means invalid (the reasons are already in `ctx.errors`). */
export interface Check<T> {
  /** What this check accepts, in words: `a port number 1–65535`. */
  readonly expected: string;
  parse(node: Node | null, path: string, ctx: Ctx): T | undefined;
}

export function posOf(node: Node | null, ctx: Ctx): Pos {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = ctx.lines.linePos(offset);
  return { line, column: col };
}

/** Record an error at a position. */
export function report(ctx: Ctx, pos: Pos, path: string, message: string): void {
  ctx.errors.push({ file: ctx.file, line: pos.line, column: pos.column, path, message });
}

/** Record an error at the value previously read at `path` (or 1:1 if none was). */
export function reportAt(ctx: Ctx, path: string, message: string): void {
  report(ctx, ctx.positions.get(path) ?? { line: 1, column: 1 }, path, message);
}

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** An alias (`*name`) stands for the node it names. */
function deref(node: Node | null, ctx: Ctx): Node | null {
  return node !== null && isAlias(node) ? ((node.resolve(ctx.doc) as Node | undefined) ?? null) : node;
}

/** `"fast"`, `5`, `a mapping`, `a list`, `nothing`: what was found, for messages. */
export function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return 'nothing';
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  }
  return 'an alias';
}

/** Parse `node` at `path` with `check`, remembering where it was. */
export function read<T>(check: Check<T>, node: Node | null, path: string, ctx: Ctx): T | undefined {
  ctx.positions.set(path, posOf(node, ctx));
  return check.parse(deref(node, ctx), path, ctx);
}

function mismatch(ctx: Ctx, node: Node | null, path: string, expected: string): undefined {
  report(ctx, posOf(node, ctx), path, `expected ${expected}, got ${describe(node)}`);
  return undefined;
}

/** A scalar accepted by `accept` (which returns undefined to reject). */
export function scalar<T>(expected: string, accept: (value: unknown) => T | undefined): Check<T> {
  return {
    expected,
    parse(node, path, ctx) {
      const value = node !== null && isScalar(node) ? accept(node.value) : undefined;
      return value === undefined ? mismatch(ctx, node, path, expected) : value;
    },
  };
}

/** A field of a mapping: required, or optional with a fallback. */
export interface Field<T> {
  readonly check: Check<T>;
  readonly required: boolean;
  readonly fallback?: T;
}

export const required = <T>(check: Check<T>): Field<T> => ({ check, required: true });
export const optional = <T>(check: Check<T>, fallback: T): Field<T> => ({ check, required: false, fallback });
export const maybe = <T>(check: Check<T>): Field<T | undefined> => ({ check, required: false });

export type Shape = Record<string, Field<unknown>>;
export type ShapeOf<S extends Shape> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/**
 * A mapping with exactly the keys of `shape`. Unknown keys are errors (with a
 * suggestion for near misses); missing required keys are reported at the
 * mapping. All problems are reported, not just the first.
 */
export function obj<S extends Shape>(expected: string, shape: S): Check<ShapeOf<S>> {
  const known = Object.keys(shape);
  return {
    expected,
    parse(node, path, ctx) {
      if (node === null || !isMap(node)) return mismatch(ctx, node, path, expected);
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      let ok = true;
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = keyNode !== null && isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== 'string') {
          report(ctx, posOf(keyNode, ctx), path, `expected a key name (${known.join(', ')}), got ${describe(keyNode)}`);
          ok = false;
          continue;
        }
        const field = shape[key];
        const keyPath = childPath(path, key);
        if (field === undefined || !Object.hasOwn(shape, key)) {
          const hint = didYouMean(key, known);
          const suggestion = hint === undefined ? '' : ` (did you mean ${hint}?)`;
          report(ctx, posOf(keyNode, ctx), keyPath, `unknown key; expected one of ${known.join(', ')}${suggestion}`);
          ok = false;
          continue;
        }
        seen.add(key);
        const value = read(field.check, pair.value as Node | null, keyPath, ctx);
        if (value === undefined) ok = false;
        else out[key] = value;
      }
      for (const key of known) {
        const field = shape[key];
        if (field === undefined || seen.has(key)) continue;
        if (field.required) {
          report(ctx, posOf(node, ctx), childPath(path, key), `missing; expected ${field.check.expected}`);
          ok = false;
        } else if (field.fallback !== undefined) {
          out[key] = field.fallback;
        }
      }
      return ok ? (out as ShapeOf<S>) : undefined;
    },
  };
}

/** A list whose items all pass `item`. */
export function list<T>(expected: string, item: Check<T>): Check<T[]> {
  return {
    expected,
    parse(node, path, ctx) {
      if (node === null || !isSeq(node)) return mismatch(ctx, node, path, expected);
      const out: T[] = [];
      let ok = true;
      node.items.forEach((child, i) => {
        const value = read(item, child as Node | null, childPath(path, i), ctx);
        if (value === undefined) ok = false;
        else out.push(value);
      });
      return ok ? out : undefined;
    },
  };
}

/** Either a scalar form or a mapping form of the same thing (`latencyMs: 25` or `{ min, max }`). */
export function scalarOrMap<T>(expected: string, forms: { scalar: Check<T>; map: Check<T> }): Check<T> {
  return {
    expected,
    parse(node, path, ctx) {
      if (node !== null && isMap(node)) return forms.map.parse(node, path, ctx);
      if (node !== null && isScalar(node) && node.value !== null) return forms.scalar.parse(node, path, ctx);
      return mismatch(ctx, node, path, expected);
    },
  };
}

/**
 * Check or convert a value that parsed: `fn` returns the final value, or
 * undefined after reporting (with `reportAt`) why the combination is wrong.
 */
export function refine<T, U>(check: Check<T>, fn: (value: T, path: string, ctx: Ctx) => U | undefined): Check<U> {
  return {
    expected: check.expected,
    parse(node, path, ctx) {
      const value = check.parse(node, path, ctx);
      return value === undefined ? undefined : fn(value, path, ctx);
    },
  };
}

/** One item or a list of them (`a: 198.51.100.10` or `a: [198.51.100.10, 198.51.100.11]`); always a list. */
export function oneOrMany<T>(expected: string, item: Check<T>): Check<T[]> {
  const many = list(expected, item);
  return {
    expected,
    parse(node, path, ctx) {
      if (node !== null && isSeq(node)) return many.parse(node, path, ctx);
      const value = item.parse(node, path, ctx);
      return value === undefined ? undefined : [value];
    },
  };
}
