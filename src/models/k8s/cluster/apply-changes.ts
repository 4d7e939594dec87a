/**
 * `kubectl apply` on a running cluster: every object is checked first
 * (`apply-check.ts`) and nothing changes when any is refused; then, in
 * kubectl's kind order, new objects are created, a Deployment takes its new
 * replica count or template (a scale or a rollout, `workloads/deployments.ts`),
 * a Service its new selector and ports, a ConfigMap its new data. The result
 * is kubectl's lines: `deployment.apps/web configured`.
 */
import type { Trace } from '../../../sim';
import type { DefaultedConfigMap, DefaultedManifest } from '../api/types';
import type { DeploymentController } from '../workloads/deployments';
import type { ApplyProblem } from './apply-check';
import { checkApply } from './apply-check';
import type { ServiceRegistry } from './services';

/** The cluster's parts an apply reads and changes. */
export interface ApplyHost {
  readonly trace: Trace;
  readonly namespaces: Set<string>;
  readonly configMaps: Map<string, DefaultedConfigMap>;
  readonly services: ServiceRegistry;
  readonly deployments: DeploymentController;
  /** Create a new object as at start (Service allocation, Deployment with its pods). */
  create(m: DefaultedManifest): void;
  endpointsChanged(why: string): void;
}

export type ApplyResult = { ok: true; results: string[] } | { ok: false; problems: ApplyProblem[] };

/** kubectl applies Namespaces, then ConfigMaps, Services, Deployments. */
const ORDER: Readonly<Record<DefaultedManifest['kind'], number>> = { Namespace: 0, ConfigMap: 1, Service: 2, Deployment: 3 };

/** Check, then apply every object; `why` goes into the trace records of what changed. */
export function applyChanges(host: ApplyHost, manifests: readonly DefaultedManifest[], why: string): ApplyResult {
  const problems = checkApply(
    {
      namespaces: host.namespaces,
      configMaps: host.configMaps.keys(),
      deploymentSelector: (key) => host.deployments.get(key)?.spec.selector,
      serviceProblems: (spec) => host.services.updateProblems(spec),
    },
    manifests,
  );
  if (problems.length > 0) return { ok: false, problems };
  const order = manifests.map((m, index) => ({ m, index })).sort((a, b) => ORDER[a.m.kind] - ORDER[b.m.kind] || a.index - b.index);
  return { ok: true, results: order.map(({ m }) => applyOne(host, m, why)) };
}

/** One checked object; kubectl's line for it. */
function applyOne(host: ApplyHost, m: DefaultedManifest, why: string): string {
  const { name, namespace } = m.metadata;
  const key = `${namespace}/${name}`;
  switch (m.kind) {
    case 'Namespace': {
      const line = `namespace/${name} ${host.namespaces.has(name) ? 'unchanged' : 'created'}`;
      host.namespaces.add(name);
      return line;
    }
    case 'ConfigMap': {
      const old = host.configMaps.get(key);
      host.configMaps.set(key, m);
      return `configmap/${name} ${old === undefined ? 'created' : JSON.stringify(old) === JSON.stringify(m) ? 'unchanged' : 'configured'}`;
    }
    case 'Service': {
      const old = host.services.get(namespace, name);
      if (old === undefined) {
        host.create(m);
        return `service/${name} created`;
      }
      const same = JSON.stringify(old.spec) === JSON.stringify(m);
      const updated = host.services.update(m);
      // Checked before: only a NodePort taken meanwhile can fail here.
      if (!updated.ok) return `service/${name} refused: ${updated.problems.map((p) => p.message).join('; ')}`;
      if (!same) {
        host.trace.record({ kind: 'decision', component: `service:${key}`, decision: 'update', why: `${why}: ${updated.why}` });
        host.endpointsChanged(`Service ${key} updated`);
      }
      return `service/${name} ${same ? 'unchanged' : 'configured'}`;
    }
    case 'Deployment': {
      if (host.deployments.get(key) === undefined) {
        host.create(m);
        return `deployment.apps/${name} created`;
      }
      return `deployment.apps/${name} ${host.deployments.update(m, why) === 'unchanged' ? 'unchanged' : 'configured'}`;
    }
  }
}
