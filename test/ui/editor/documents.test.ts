import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonical, docValue, foldApplied, joinDocs, kubectlName, objectIdOf, splitDocs } from '../../../src/ui/editor/documents';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

describe('a scenario file as YAML documents', () => {
  it('splits at each --- line and joins back to the same text', () => {
    const docs = splitDocs(FULL);
    expect(docs.length).toBe(FULL.split('\n').filter((l) => l === '---').length + 1);
    expect(joinDocs(docs)).toBe(FULL);
    const api = docs.find((d) => d.body.includes('name: api\n'));
    expect(FULL.split('\n')[(api?.line ?? 0) - 1]).toBe('apiVersion: apps/v1');
  });

  it('keeps a --- inside a block scalar (it is indented) as content', () => {
    const text = 'name: x\n---\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  a: |\n    ---\n    b\n';
    expect(splitDocs(text)).toHaveLength(2);
  });

  it('reads comments before a first --- as part of the first document', () => {
    const docs = splitDocs('# about\n---\nname: x\n---\nkind: Service\nmetadata: { name: s }\n');
    expect(docs).toHaveLength(2);
    expect(docValue(docs[0]!)).toEqual({ name: 'x' });
  });

  it('names objects as kubectl prints them', () => {
    const ids = splitDocs(FULL).slice(1).map((d) => objectIdOf(docValue(d))).map((id) => (id === undefined ? '' : kubectlName(id)));
    expect(ids).toContain('deployment.apps/api');
    expect(ids).toContain('service/api-service');
    expect(ids).toContain('configmap/nginx-conf');
  });

  it('compares values whatever their layout and key order', () => {
    expect(canonical({ b: 1, a: [1, { y: 2, x: 'z' }] })).toBe(canonical({ a: [1, { x: 'z', y: 2 }], b: 1 }));
    expect(canonical({ a: 1 })).not.toBe(canonical({ a: 2 }));
  });

  it('writes an applied object over its document, and adds a new one at the end', () => {
    const applied = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec: { replicas: 5 }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\ndata: { a: b }\n';
    const folded = foldApplied(FULL, applied);
    const docs = splitDocs(folded);
    expect(docs).toHaveLength(splitDocs(FULL).length + 1);
    expect(docs.find((d) => d.body.includes('name: api\n'))?.body).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec: { replicas: 5 }');
    expect(docs.at(-1)?.body).toContain('name: extra');
    // The rest is as it was.
    expect(folded.startsWith(FULL.slice(0, FULL.indexOf('name: api\n') - 40))).toBe(true);
  });
});
