/**
 * What the API server would refuse in a `kubectl apply` to a running
 * cluster, checked before anything changes: a namespace that does not exist,
 * a Deployment's selector changed (immutable), a ConfigMap volume that names
 * no ConfigMap, and a Service change the Service registry refuses. Objects
 * in the same apply count as existing, as kubectl sends them in order.
 */
import type { Problem } from '../api/problems';
import { Findings } from '../api/problems';
import type { DefaultedManifest, DefaultedService } from '../api/types';

/** A problem found while applying, with the index of the manifest it belongs to. */
export interface ApplyProblem {
  readonly index: number;
  readonly problem: Problem;
}

/** What the check reads from the cluster. */
export interface ApplyCheckState {
  readonly namespaces: Iterable<string>;
  /** `namespace/name` of every ConfigMap. */
  readonly configMaps: Iterable<string>;
  /** The selector of an existing Deployment (`namespace/name`). */
  deploymentSelector(key: string): Readonly<Record<string, string>> | undefined;
  /** What updating a Service to `spec` would be refused for. */
  serviceProblems(spec: DefaultedService): readonly Problem[];
}

/** Every problem with applying `manifests` now; empty when all can be applied. */
export function checkApply(state: ApplyCheckState, manifests: readonly DefaultedManifest[]): ApplyProblem[] {
  const problems: ApplyProblem[] = [];
  const namespaces = new Set([...state.namespaces, ...manifests.flatMap((m) => (m.kind === 'Namespace' ? [m.metadata.name] : []))]);
  const configMaps = new Set([...state.configMaps, ...manifests.flatMap((m) => (m.kind === 'ConfigMap' ? [`${m.metadata.namespace}/${m.metadata.name}`] : []))]);
  manifests.forEach((m, index) => {
    const f = new Findings();
    const { name, namespace } = m.metadata;
    if (m.kind !== 'Namespace' && !namespaces.has(namespace)) {
      f.error(['metadata', 'namespace'], `an existing namespace (${[...namespaces].join(', ')})`, `Not found: namespaces "${namespace}" not found`);
    }
    if (m.kind === 'Deployment') {
      const selector = state.deploymentSelector(`${namespace}/${name}`);
      if (selector !== undefined && JSON.stringify(selector) !== JSON.stringify(m.selector)) {
        f.invalid(['spec', 'selector'], { matchLabels: m.selector }, `the Deployment's selector (${JSON.stringify(selector)})`, 'field is immutable');
      }
      m.template.spec.volumes.forEach((v, i) => {
        if (v.configMap !== undefined && !configMaps.has(`${namespace}/${v.configMap.name}`)) {
          f.error(['spec', 'template', 'spec', 'volumes', i, 'configMap', 'name'], 'the name of a ConfigMap in the same namespace', `Not found: configmaps "${v.configMap.name}" not found`);
        }
      });
    }
    for (const problem of f.problems) problems.push({ index, problem });
    if (m.kind === 'Service') for (const problem of state.serviceProblems(m)) problems.push({ index, problem });
  });
  return problems;
}
