/**
 * A scenario file as its YAML documents: the scenario's settings first,
 * then one Kubernetes object per document after `---`. Each document keeps
 * its exact text and first line, so an edit can be split into the part that
 * needs a rebuild (the settings) and objects to `kubectl apply`, and an
 * applied object can be written back over its document.
 *
 * Splitting is by lines: a document starts at a `---` line in column 0 (in
 * a block scalar such a line would be indented, so it cannot be content).
 */
import { parseDocument } from 'yaml';

/** One document of a file. */
export interface Doc {
  /** The `---` line that opens it ('' for the first document). */
  readonly marker: string;
  /** Its text after the marker line, without a final newline. */
  readonly body: string;
  /** 1-based line of the body's first line in the file. */
  readonly line: number;
}

const MARKER = /^---(?:[ \t].*)?$/;

/** The documents of `text`; a file that opens with `---` (or with comments, then `---`) has its settings after it. */
export function splitDocs(text: string): Doc[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const docs: { marker: string; lines: string[]; line: number }[] = [{ marker: '', lines: [], line: 1 }];
  lines.forEach((l, i) => {
    if (MARKER.test(l)) docs.push({ marker: l, lines: [], line: i + 2 });
    else docs[docs.length - 1]?.lines.push(l);
  });
  const first = docs[0];
  // Only comments before the first `---`: they belong to the document after it, as YAML reads them.
  if (docs.length > 1 && first !== undefined && first.lines.every((l) => /^\s*(#.*)?$/.test(l))) {
    const second = docs.splice(1, 1)[0]!;
    docs[0] = { marker: '', lines: [...first.lines, second.marker, ...second.lines], line: 1 };
  }
  return docs.map((d) => ({ marker: d.marker, body: d.lines.join('\n'), line: d.line }));
}

/** The file again from its documents. */
export function joinDocs(docs: readonly Doc[]): string {
  return `${docs.map((d) => (d.marker === '' ? d.body : `${d.marker}\n${d.body}`)).join('\n')}\n`;
}

/** Which object a document describes, as kubectl names it. */
export interface ObjectId {
  /** `apps`, or '' for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** The document's value, or undefined when it does not parse (the loader says why). */
export function docValue(doc: Doc): unknown {
  const parsed = parseDocument(doc.body);
  return parsed.errors.length > 0 ? undefined : (parsed.toJS() as unknown);
}

/** The object a manifest document describes; undefined for an empty document or one without kind and name. */
export function objectIdOf(value: unknown): ObjectId | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') return undefined;
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : 'v1';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return { group, kind: o.kind, namespace: typeof o.metadata.namespace === 'string' ? o.metadata.namespace : 'default', name: o.metadata.name };
}

/** One key per object: the same object in two files has the same key. */
export function objectKey(id: ObjectId): string {
  return `${id.group}/${id.kind}/${id.namespace}/${id.name}`;
}

/** `deployment.apps/api`, `service/api-service`: the name kubectl prints. */
export function kubectlName(id: ObjectId): string {
  return `${id.kind.toLowerCase()}${id.group === '' ? '' : `.${id.group}`}/${id.name}`;
}

/** A value as JSON with sorted keys: two documents that say the same thing compare equal, however they are laid out. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `text` with each object of `applied` (YAML documents) written over the
 * document of the same object, or added at the end when the file has none:
 * the file as the cluster holds it after `kubectl apply -f` of `applied`.
 */
export function foldApplied(text: string, applied: string): string {
  const docs = splitDocs(text);
  const keyOf = (d: Doc, i: number) => {
    const id = i === 0 ? undefined : objectIdOf(docValue(d));
    return id === undefined ? undefined : objectKey(id);
  };
  for (const doc of splitDocs(applied)) {
    const id = objectIdOf(docValue(doc));
    if (id === undefined) continue;
    const key = objectKey(id);
    const at = docs.findIndex((d, i) => keyOf(d, i) === key);
    const body = doc.body.replace(/^\n+/, '');
    if (at > 0) docs[at] = { ...docs[at]!, body };
    else docs.push({ marker: '---', body, line: 0 });
  }
  return joinDocs(docs);
}
