/**
 * Validate one parsed manifest by its `apiVersion` and `kind`, and return it
 * defaulted. The scenario layer parses the YAML (keeping node positions),
 * calls this with the document's value, and maps each problem's `path` back
 * to a line with `doc.getIn(path)`.
 */
import type { PathSegment, Validated } from './problems';
import { Findings, show } from './problems';
import { isFields } from './read';
import type { DefaultedManifest } from './types';
import { validateConfigMap, validateNamespace } from './validate-config';
import { validateDeployment } from './validate-deployment';
import { validateService } from './validate-service';

/** The kinds understood, with the apiVersion each must carry. */
export const SUPPORTED_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Namespace: 'v1',
};

/** Validate a manifest of any supported kind. `path` prefixes every problem (e.g. `['manifests', 2]`). */
export function validateManifest(raw: unknown, path: readonly PathSegment[] = []): Validated<DefaultedManifest> {
  const f = new Findings();
  if (!isFields(raw)) {
    f.invalid(path, raw, 'a Kubernetes object with apiVersion, kind and metadata', 'expected a map');
    return f.fail();
  }
  const kind = raw['kind'];
  const kinds = Object.keys(SUPPORTED_KINDS).join(', ');
  if (typeof kind !== 'string' || SUPPORTED_KINDS[kind] === undefined) {
    if (kind === undefined) f.required([...path, 'kind'], `one of ${kinds}`);
    else f.error([...path, 'kind'], `one of ${kinds}`, `Unsupported value: ${show(kind)}: supported values: ${kinds}`);
    return f.fail();
  }
  const apiVersion = SUPPORTED_KINDS[kind]!;
  if (raw['apiVersion'] !== apiVersion) {
    const detail = raw['apiVersion'] === undefined ? 'Required value' : `Invalid value: ${show(raw['apiVersion'])}: a ${kind} is ${apiVersion}`;
    f.error([...path, 'apiVersion'], apiVersion, detail);
    return f.fail();
  }
  switch (kind) {
    case 'Deployment':
      return validateDeployment(raw, path);
    case 'Service':
      return validateService(raw, path);
    case 'ConfigMap':
      return validateConfigMap(raw, path);
    default:
      return validateNamespace(raw, path);
  }
}
