/**
 * Validation problems with the field's path, in the shape the scenario layer
 * needs to point at a line: the path as segments (for `doc.getIn(path)`), the
 * same path as Kubernetes prints it (`spec.ports[0].port`), what was expected,
 * and the message the API server would give.
 *
 * Fields come in three kinds. Simulated fields are checked. Real Kubernetes
 * fields that change nothing here (`resources`, `env`, …) are accepted and
 * listed as `ignored`, so a manifest copied from work still loads and the
 * author can see what had no effect. Anything else is an error, as with
 * `kubectl apply --validate=strict`: a typo must not pass in silence.
 */

/** One step of a path: a map key or a list index. */
export type PathSegment = string | number;

/** A field that is wrong. */
export interface Problem {
  readonly path: readonly PathSegment[];
  /** The path as Kubernetes prints it: `spec.template.spec.containers[0].ports[0].containerPort`. */
  readonly field: string;
  /** What would have been accepted, in words: `an integer between 1 and 65535`. */
  readonly expected: string;
  /** The API server's style of message: `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`. */
  readonly message: string;
}

/** A real Kubernetes field that the simulation accepts and does not model. */
export interface IgnoredField {
  readonly path: readonly PathSegment[];
  readonly field: string;
  readonly note: string;
}

/** The outcome of validating one object. */
export type Validated<T> =
  | { readonly ok: true; readonly value: T; readonly ignored: readonly IgnoredField[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly ignored: readonly IgnoredField[] };

/** `['spec', 'ports', 0, 'port']` → `spec.ports[0].port`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** How a value looks in a message: strings quoted, as Go's `%q` would. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

/** Collects problems and ignored fields while a validator walks an object. */
export class Findings {
  readonly problems: Problem[] = [];
  readonly ignored: IgnoredField[] = [];

  /** `detail` is the API server's wording after the field name (`Required value`, `Invalid value: 0: …`). */
  error(path: readonly PathSegment[], expected: string, detail: string): void {
    const field = formatPath(path);
    this.problems.push({ path: [...path], field, expected, message: `${field}: ${detail}` });
  }

  invalid(path: readonly PathSegment[], value: unknown, expected: string, rule: string): void {
    this.error(path, expected, `Invalid value: ${show(value)}: ${rule}`);
  }

  required(path: readonly PathSegment[], expected: string): void {
    this.error(path, expected, 'Required value');
  }

  ignore(path: readonly PathSegment[], note: string): void {
    this.ignored.push({ path: [...path], field: formatPath(path), note });
  }

  /** The outcome when a value could not be built (there is always at least one problem by then). */
  fail<T>(): Validated<T> {
    return { ok: false, problems: this.problems, ignored: this.ignored };
  }

  result<T>(value: T): Validated<T> {
    return this.problems.length === 0
      ? { ok: true, value, ignored: this.ignored }
      : { ok: false, problems: this.problems, ignored: this.ignored };
  }
}
