/**
 * Reading parsed YAML (plain `unknown` values) field by field, recording a
 * problem for every value of the wrong type or out of range.
 *
 * Types follow Go's decoder: an `int32` field takes only an integer (YAML
 * `"10"` is a string and is rejected, as `kubectl apply` rejects it), an
 * int-or-string takes either, a `map[string]string` takes only strings.
 */
import type { Findings, PathSegment } from './problems';
import { show } from './problems';

/** A parsed YAML mapping. */
export type Fields = Readonly<Record<string, unknown>>;

/** A YAML mapping (not a list, not a scalar). */
export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `checkKeys` should do with each key it meets. */
export interface KeyRules {
  /** Keys the simulation reads. */
  readonly supported: readonly string[];
  /** Real Kubernetes keys with no effect here, with the reason shown to the author. */
  readonly ignored?: Readonly<Record<string, string>>;
}

/** Flag unknown keys (errors) and real-but-unmodelled keys (ignored), in the object's own key order. */
export function checkKeys(f: Findings, obj: Fields, path: readonly PathSegment[], rules: KeyRules): void {
  for (const key of Object.keys(obj)) {
    if (rules.supported.includes(key)) continue;
    const note = rules.ignored?.[key];
    if (note !== undefined) {
      f.ignore([...path, key], note);
      continue;
    }
    const field = [...path, key];
    const known = [...rules.supported, ...Object.keys(rules.ignored ?? {})].join(', ');
    f.error(field, `one of the fields ${known}`, `unknown field ${show(key)}`);
  }
}

/** A mapping at `key`, or undefined (with a problem when present but not a mapping). */
export function readObject(f: Findings, obj: Fields, key: string, path: readonly PathSegment[]): Fields | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isFields(value)) {
    f.invalid([...path, key], value, 'a mapping of fields', 'expected a map');
    return undefined;
  }
  return value;
}

/** A list at `key`, or undefined. */
export function readList(f: Findings, obj: Fields, key: string, path: readonly PathSegment[]): readonly unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    f.invalid([...path, key], value, 'a list', 'expected a list');
    return undefined;
  }
  return value;
}

/** A string at `key`, or undefined (with a problem when present but not a string). */
export function readString(f: Findings, obj: Fields, key: string, path: readonly PathSegment[]): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    f.invalid([...path, key], value, 'a string', 'expected a string');
    return undefined;
  }
  return value;
}

/** A boolean at `key`, or undefined (with a problem when present but not a boolean). */
export function readBool(f: Findings, obj: Fields, key: string, path: readonly PathSegment[]): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    f.invalid([...path, key], value, 'true or false', 'expected a boolean');
    return undefined;
  }
  return value;
}

/** An integer within [min, max]; the rule text follows the API server's wording. */
export function readInt(
  f: Findings,
  obj: Fields,
  key: string,
  path: readonly PathSegment[],
  range: { min?: number; max?: number } = {},
): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const field = [...path, key];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    f.invalid(field, value, 'an integer', 'expected an integer');
    return undefined;
  }
  const { min, max } = range;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    f.invalid(field, value, `an integer between ${min} and ${max}`, `must be between ${min} and ${max}, inclusive`);
    return undefined;
  }
  if (min !== undefined && value < min) {
    f.invalid(field, value, `an integer ≥ ${min}`, `must be greater than or equal to ${min}`);
    return undefined;
  }
  return value;
}

/** An int-or-string (a port number or a port name). */
export function readIntOrString(
  f: Findings,
  obj: Fields,
  key: string,
  path: readonly PathSegment[],
): number | string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  f.invalid([...path, key], value, 'an integer or a string', 'expected an integer or a string');
  return undefined;
}

/** A `map[string]string` (labels, annotations, selector, ConfigMap data). */
export function readStringMap(
  f: Findings,
  obj: Fields,
  key: string,
  path: readonly PathSegment[],
): Record<string, string> | undefined {
  const value = readObject(f, obj, key, path);
  if (value === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      // YAML turns `version: 1` and `enabled: true` into non-strings; Kubernetes wants them quoted.
      f.invalid([...path, key, k], v, 'a string (quote numbers and booleans)', 'expected a string');
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** One of a fixed set of strings. */
export function readEnum<T extends string>(
  f: Findings,
  obj: Fields,
  key: string,
  path: readonly PathSegment[],
  allowed: readonly T[],
): T | undefined {
  const value = readString(f, obj, key, path);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(', ');
    f.error([...path, key], `one of ${list}`, `Unsupported value: ${show(value)}: supported values: ${list}`);
    return undefined;
  }
  return value as T;
}
