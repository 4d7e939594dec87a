/**
 * Kubernetes manifests inside a scenario: each object is validated by the
 * Kubernetes model (`models/k8s/api`), and each problem it finds is placed
 * at the line of the field it names, by walking the YAML node along the
 * problem's path. Fields Kubernetes has but the simulation does not use are
 * collected as notes, not errors, so a manifest copied from work loads.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { validateManifest } from '../models/k8s/api/validate';
import type { PathSegment } from '../models/k8s/api/problems';
import type { DefaultedManifest } from '../models/k8s/api/types';
import type { Ctx } from './schema';
import { posOf, report } from './schema';

/** One manifest to read: its node, the field path it has in the file, and its document. */
export interface ManifestSource {
  readonly node: Node;
  readonly path: string;
  readonly doc: Document.Parsed;
}

export interface ReadManifest {
  readonly manifest: DefaultedManifest;
  readonly source: ManifestSource;
}

/**
 * The deepest node along `segments` (the field itself, or the mapping that
 * lacks it). With `key`, the last step lands on the key rather than its value:
 * an unknown field is wrong by its name, not by what it holds.
 */
export function nodeAt(start: Node, segments: readonly PathSegment[], key = false): Node {
  let node: Node = start;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
      next = key && i === segments.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
    if (next === undefined || next === null || typeof next !== 'object') break;
    node = next as Node;
  }
  return node;
}

/** Validate every manifest; report problems at their lines. Undefined when any failed. */
export function readManifests(sources: readonly ManifestSource[], ctx: Ctx, ignored: string[]): ReadManifest[] | undefined {
  const out: ReadManifest[] = [];
  let ok = true;
  for (const source of sources) {
    const raw: unknown = source.node.toJS(source.doc);
    const result = validateManifest(raw, []);
    for (const note of result.ignored) ignored.push(`${source.path}.${note.field}: ${note.note}`);
    if (!result.ok) {
      ok = false;
      for (const p of result.problems) {
        const field = p.field === '' ? source.path : `${source.path}.${p.field}`;
        const byName = p.message.includes('unknown field');
        report(ctx, posOf(nodeAt(source.node, p.path, byName), ctx), field, `expected ${p.expected}: ${p.message}`);
      }
      continue;
    }
    out.push({ manifest: result.value, source });
  }
  return ok ? out : undefined;
}

/** `namespace/name` of an object. */
export function refOf(m: { metadata: { namespace: string; name: string } }): string {
  return `${m.metadata.namespace}/${m.metadata.name}`;
}
