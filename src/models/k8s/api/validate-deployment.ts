/**
 * Deployment (apps/v1) validation: `spec.selector.matchLabels` is required
 * and must match the template's labels (the API server's "`selector` does
 * not match template `labels`"), replicas ≥ 0, and the pod template.
 * A changed template rolls out by `spec.strategy` (`validate-strategy.ts`,
 * `workloads/rollout.ts`); the other rollout settings are accepted and not
 * simulated.
 */
import { defaultDeployment } from './defaults';
import type { PathSegment, Validated } from './problems';
import { Findings } from './problems';
import type { Fields } from './read';
import { checkKeys, readInt, readObject, readStringMap } from './read';
import type { DefaultedDeployment, Deployment } from './types';
import { checkLabels, readMeta } from './validate-meta';
import { readPodSpec } from './validate-pod';
import { readStrategy } from './validate-strategy';

const IGNORED_SPEC: Readonly<Record<string, string>> = {
  revisionHistoryLimit: 'rollouts are not simulated',
  progressDeadlineSeconds: 'rollouts are not simulated',
  minReadySeconds: 'rollouts are not simulated',
  paused: 'rollouts are not simulated',
};

function readSelector(f: Findings, spec: Fields, path: readonly PathSegment[]): Record<string, string> | undefined {
  const selPath = [...path, 'selector'];
  const sel = readObject(f, spec, 'selector', path);
  if (sel === undefined) {
    f.required(selPath, 'a selector with matchLabels');
    return undefined;
  }
  checkKeys(f, sel, selPath, { supported: ['matchLabels', 'matchExpressions'] });
  if (sel['matchExpressions'] !== undefined) {
    f.error([...selPath, 'matchExpressions'], 'matchLabels', 'Unsupported value: matchExpressions: only matchLabels selectors are simulated');
  }
  const labels = readStringMap(f, sel, 'matchLabels', selPath);
  if (labels === undefined || Object.keys(labels).length === 0) {
    f.required([...selPath, 'matchLabels'], 'at least one label, e.g. app: nginx');
    return undefined;
  }
  checkLabels(f, labels, [...selPath, 'matchLabels']);
  return labels;
}

/** Check a parsed Deployment; on success returns it with Kubernetes' defaults filled in. */
export function validateDeployment(raw: Fields, path: readonly PathSegment[] = []): Validated<DefaultedDeployment> {
  const f = new Findings();
  checkKeys(f, raw, path, { supported: ['apiVersion', 'kind', 'metadata', 'spec'], ignored: { status: 'status is written by the cluster' } });
  const metadata = readMeta(f, raw, path, { rule: 'subdomain', namespaced: true });
  const specPath = [...path, 'spec'];
  const spec = readObject(f, raw, 'spec', path);
  if (spec === undefined) {
    f.required(specPath, 'a Deployment spec with selector and template');
    return f.fail();
  }
  checkKeys(f, spec, specPath, { supported: ['replicas', 'selector', 'template', 'strategy'], ignored: IGNORED_SPEC });
  const strategy = readStrategy(f, spec, specPath);
  const replicas = readInt(f, spec, 'replicas', specPath, { min: 0 });
  const selector = readSelector(f, spec, specPath);

  const tPath = [...specPath, 'template'];
  const template = readObject(f, spec, 'template', specPath);
  if (template === undefined) {
    f.required(tPath, 'a pod template with metadata.labels and spec.containers');
    return f.fail();
  }
  checkKeys(f, template, tPath, { supported: ['metadata', 'spec'] });
  const tmPath = [...tPath, 'metadata'];
  const tMeta = readObject(f, template, 'metadata', tPath);
  if (tMeta !== undefined) {
    checkKeys(f, tMeta, tmPath, { supported: ['labels', 'annotations'], ignored: { name: 'pod names come from the Deployment', creationTimestamp: 'assigned by the API server' } });
  }
  const labels = tMeta === undefined ? undefined : readStringMap(f, tMeta, 'labels', tmPath);
  const annotations = tMeta === undefined ? undefined : readStringMap(f, tMeta, 'annotations', tmPath);
  if (labels === undefined) f.required([...tmPath, 'labels'], 'the labels the selector matches');
  else checkLabels(f, labels, [...tmPath, 'labels']);
  if (selector !== undefined && labels !== undefined) {
    const missing = Object.entries(selector).filter(([k, v]) => labels[k] !== v);
    if (missing.length > 0) {
      const want = missing.map(([k, v]) => `${k}: ${v}`).join(', ');
      f.invalid([...tmPath, 'labels'], labels, `labels that include the selector's ${want}`, '`selector` does not match template `labels`');
    }
  }
  const podSpecRaw = readObject(f, template, 'spec', tPath);
  const podSpec = podSpecRaw === undefined ? undefined : readPodSpec(f, podSpecRaw, [...tPath, 'spec']);
  if (podSpecRaw === undefined) f.required([...tPath, 'spec'], 'a pod spec with containers');

  if (f.problems.length > 0 || metadata === undefined || selector === undefined || labels === undefined || podSpec === undefined) {
    return f.fail();
  }
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      ...(replicas !== undefined ? { replicas } : {}),
      selector: { matchLabels: selector },
      template: { metadata: { labels, ...(annotations !== undefined ? { annotations } : {}) }, spec: podSpec },
      ...(spec['strategy'] === undefined ? {} : { strategy }),
    },
  };
  return f.result(defaultDeployment(deployment));
}
