/**
 * ConfigMap and Namespace validation. A ConfigMap's data keys follow the
 * API server's rule (letters, digits, `-`, `_`, `.`), so `nginx.conf` and
 * `default.conf` are fine; values must be strings.
 */
import { defaultConfigMap, defaultNamespace } from './defaults';
import type { PathSegment, Validated } from './problems';
import { Findings } from './problems';
import type { Fields } from './read';
import { checkKeys, readStringMap } from './read';
import type { DefaultedConfigMap, DefaultedNamespace } from './types';
import { readMeta } from './validate-meta';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** Check a parsed ConfigMap; on success returns it defaulted. */
export function validateConfigMap(raw: Fields, path: readonly PathSegment[] = []): Validated<DefaultedConfigMap> {
  const f = new Findings();
  checkKeys(f, raw, path, {
    supported: ['apiVersion', 'kind', 'metadata', 'data'],
    ignored: { binaryData: 'binary data is not read', immutable: 'ConfigMaps are not edited while a scenario runs' },
  });
  const metadata = readMeta(f, raw, path, { rule: 'subdomain', namespaced: true });
  const data = readStringMap(f, raw, 'data', path);
  for (const key of Object.keys(data ?? {})) {
    if (key.length > 253 || !CONFIG_KEY.test(key) || key === '.' || key === '..') {
      f.invalid([...path, 'data', key], key, "a key of letters, digits, '-', '_' or '.', e.g. nginx.conf", "a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
    }
  }
  if (f.problems.length > 0 || metadata === undefined) return f.fail();
  return f.result(defaultConfigMap({ apiVersion: 'v1', kind: 'ConfigMap', metadata, ...(data !== undefined ? { data } : {}) }));
}

/** Check a parsed Namespace; on success returns it defaulted. */
export function validateNamespace(raw: Fields, path: readonly PathSegment[] = []): Validated<DefaultedNamespace> {
  const f = new Findings();
  checkKeys(f, raw, path, { supported: ['apiVersion', 'kind', 'metadata'], ignored: { spec: 'namespace finalizers are not simulated', status: 'status is written by the cluster' } });
  const metadata = readMeta(f, raw, path, { rule: 'dns1123-label', namespaced: false });
  if (f.problems.length > 0 || metadata === undefined) return f.fail();
  return f.result(defaultNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata }));
}
