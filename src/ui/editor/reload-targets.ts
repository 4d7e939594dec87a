/**
 * Which running nginx an edited configuration belongs to, and the text it
 * runs now. A machine's `nginx.conf:` block is that machine's nginx; a
 * ConfigMap's key is the nginx of every Deployment that mounts the
 * ConfigMap. An edit applied with `nginx-reload` commands lives in the
 * plan's command list, not in the scenario text (it holds from the moment
 * it was made, not from t = 0), so the text an nginx runs is the last
 * reload given for it, or the scenario's.
 */
import { NGINX_RELOAD, type Scenario } from '../../scenario';
import { wasRefused, type Command, type Given } from '../instructor/plan';
import type { NginxSource } from './nginx-source';

/**
 * `nginx-reload` targets for `source` in the loaded scenario: a machine id,
 * or `namespace/name` of each nginx Deployment mounting the ConfigMap. Empty
 * when nothing running reads it (then only a rebuild can apply it).
 */
export function reloadTargets(scenario: Scenario, source: NginxSource): string[] {
  const machine = /^machine (.+): nginx conf$/.exec(source.label);
  if (machine !== null) {
    const id = machine[1] ?? '';
    return scenario.machines.some((m) => m.id === id && m.role.kind === 'nginx') ? [id] : [];
  }
  const configMap = /^ConfigMap (.+): [^:]+$/.exec(source.label)?.[1];
  const cluster = scenario.cluster;
  if (configMap === undefined || cluster === undefined) return [];
  return cluster.manifests.flatMap((m) => {
    if (m.kind !== 'Deployment') return [];
    const ref = `${m.metadata.namespace}/${m.metadata.name}`;
    const mounts = m.template.spec.volumes.some((v) => v.configMap?.name === configMap);
    return mounts && cluster.nginx[ref] !== undefined ? [ref] : [];
  });
}

/** The reload command for one target. */
export function reloadCommand(target: string, source: NginxSource, text: string): Command {
  return { kind: NGINX_RELOAD, target, file: source.file, text };
}

/** The text the nginx `source` belongs to runs now: the last reload given for it that was not refused, else the scenario's. */
export function runningText(scenario: Scenario, given: readonly Given[], source: NginxSource): string {
  const targets = reloadTargets(scenario, source);
  for (let i = given.length - 1; i >= 0; i--) {
    const c = given[i]?.command;
    if (c?.kind === NGINX_RELOAD && c['file'] === source.file && targets.includes(c.target) && typeof c['text'] === 'string' && !wasRefused(c)) return c['text'];
  }
  return source.text;
}
