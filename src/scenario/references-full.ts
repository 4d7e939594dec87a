/**
 * Cross-references of a full scenario: component ids are unique, every
 * client's resolver and proxy exist, aliases name a LoadBalancer Service,
 * `apps` name Deployments that run an app, and every fault names something
 * its action applies to. Each rule reports at the value that is wrong.
 */
import { isIpv4 } from '../net';
import type { Ctx } from './schema';
import { reportAt } from './schema';
import { isNginxImage } from './cluster-build';
import type { FaultSpec, Scenario } from './types';
import { MACHINE_ID } from '../models/shell/host/direct';
import { reservedIdMessage } from './references';

/** The parts of a scenario the full world's references live in. */
export type FullParts = Pick<Scenario, 'dns' | 'machines' | 'proxies' | 'cluster' | 'apps' | 'traffic' | 'faults'>;

type Rule = (s: FullParts, ctx: Ctx) => void;

const uniqueIds: Rule = (s, ctx) => {
  const first = new Map<string, string>();
  const entries: [string, string][] = [
    ...(s.dns?.resolvers ?? []).map((r, i) => [r.id, `dns.resolvers[${i}].id`] as [string, string]),
    ...s.machines.map((m, i) => [m.id, `machines[${i}].id`] as [string, string]),
    ...s.machines.flatMap((m, i) => (m.localApp === undefined ? [] : [[m.localApp.component, `machines[${i}].app`] as [string, string]])),
    ...s.proxies.map((p, i) => [p.id, `proxies[${i}].id`] as [string, string]),
    ...s.traffic.map((t, i) => [t.id, `traffic[${i}].id`] as [string, string]),
    ...(s.cluster?.nodes ?? []).map((n, i) => [n.name, `cluster.nodes[${i}].name`] as [string, string]),
  ];
  for (const [id, path] of entries) {
    const at = first.get(id);
    if (id === MACHINE_ID) reportAt(ctx, path, reservedIdMessage(id));
    else if (at === undefined) first.set(id, path);
    else reportAt(ctx, path, `expected an id not used elsewhere, got "${id}" (already used at ${at})`);
  }
};

const clientRefs: Rule = (s, ctx) => {
  const resolvers = (s.dns?.resolvers ?? []).map((r) => r.id);
  const proxies = s.proxies.map((p) => p.id);
  s.traffic.forEach((t, i) => {
    if (t.resolver !== undefined && !resolvers.includes(t.resolver)) {
      reportAt(ctx, `traffic[${i}].resolver`, `expected one of the resolvers in dns.resolvers (${resolvers.join(', ') || 'none defined'}), got "${t.resolver}"`);
    }
    if (t.proxy !== undefined && !proxies.includes(t.proxy)) {
      reportAt(ctx, `traffic[${i}].proxy`, `expected one of the proxies (${proxies.join(', ') || 'none defined'}), got "${t.proxy}"`);
    }
    if (t.proxy === undefined && !isIpv4(t.host) && s.dns === undefined) {
      reportAt(ctx, `traffic[${i}].url`, `expected a dns section to look ${t.host} up in (or an IP address in the URL), found none`);
    }
  });
  s.proxies.forEach((p, i) => {
    if (p.resolver !== undefined && !resolvers.includes(p.resolver)) {
      reportAt(ctx, `proxies[${i}].resolver`, `expected one of the resolvers in dns.resolvers (${resolvers.join(', ') || 'none defined'}), got "${p.resolver}"`);
    }
  });
};

const aliasRefs: Rule = (s, ctx) => {
  const lbs = (s.cluster?.services ?? []).filter((x) => x.type === 'LoadBalancer').map((x) => `${x.metadata.namespace}/${x.metadata.name}`);
  s.dns?.zones.forEach((z, zi) =>
    z.records.forEach((r, ri) => {
      if (r.kind !== 'alias') return;
      const ref = r.service.includes('/') ? r.service : `default/${r.service}`;
      if (!lbs.includes(ref)) {
        reportAt(ctx, `dns.zones[${zi}].records[${ri}].alias`, `expected a Service of type LoadBalancer in cluster.manifests (${lbs.join(', ') || 'none defined'}), got "${r.service}"`);
      }
    }),
  );
};

const appRefs: Rule = (s, ctx) => {
  const deployments = s.cluster?.deployments ?? [];
  for (const key of Object.keys(s.apps)) {
    const d = deployments.find((x) => `${x.metadata.namespace}/${x.metadata.name}` === key);
    const name = key.startsWith('default/') ? key.slice('default/'.length) : key;
    const path = `apps.${name}`;
    if (d === undefined) {
      const known = deployments.map((x) => x.metadata.name).join(', ') || 'none defined';
      reportAt(ctx, path, `expected the name of a Deployment in cluster.manifests (${known}), got "${name}"`);
    } else if (d.template.spec.containers.some((c) => isNginxImage(c.image))) {
      reportAt(ctx, path, `expected a Deployment that runs an app, got "${name}", which runs nginx (configured by its ConfigMap)`);
    }
  }
};

/** Deployment name (or namespace/name) → replicas, for `deployment/index` targets. */
function replicasOf(s: FullParts, name: string): number | undefined {
  const d = (s.cluster?.deployments ?? []).find((x) => x.metadata.name === name || `${x.metadata.namespace}/${x.metadata.name}` === name);
  return d?.replicas;
}

/** Why `target` is not something `kind` applies to, or undefined when it is. */
export function faultTargetProblem(s: FullParts, kind: FaultSpec['kind'], target: string): string | undefined {
  const machines = s.machines.filter((m) => m.role.kind === 'app' || m.localApp !== undefined).map((m) => m.id);
  const pod = /^(.+)\/(\d+)$/.exec(target);
  const podOk = (): string | undefined => {
    if (pod === null) return 'expected deployment/index, e.g. auth/0';
    const replicas = replicasOf(s, pod[1] ?? '');
    if (replicas === undefined) return `expected a Deployment in cluster.manifests, got "${pod[1]}"`;
    const index = Number(pod[2]);
    return index < replicas ? undefined : `expected an index below ${pod[1]}'s ${replicas} replicas, got ${index}`;
  };
  switch (kind) {
    case 'crash':
    case 'recover':
    case 'hang':
    case 'slow':
    case 'unhealthy':
    case 'heal':
      if (machines.includes(target)) return undefined;
      if (pod === null) return `expected a machine running an app (${machines.join(', ') || 'none defined'}) or deployment/index (e.g. auth/0), got "${target}"`;
      return podOk();
    case 'kill':
      return podOk();
    case 'drain':
    case 'cordon':
    case 'uncordon': {
      const nodes = (s.cluster?.nodes ?? []).map((n) => n.name);
      return nodes.includes(target) ? undefined : `expected a node name (${nodes.join(', ') || 'none defined'}), got "${target}"`;
    }
    case 'scale': {
      const name = target.includes('/') ? target : `default/${target}`;
      const all = (s.cluster?.deployments ?? []).map((x) => `${x.metadata.namespace}/${x.metadata.name}`);
      return all.includes(name) ? undefined : `expected a Deployment in cluster.manifests (${all.join(', ') || 'none defined'}), got "${target}"`;
    }
    case 'lose-az':
    case 'restore-az': {
      const azs = [...new Set((s.cluster?.nodes ?? []).map((n) => n.az))];
      return azs.includes(target) ? undefined : `expected an AZ with nodes (${azs.join(', ') || 'none defined'}), got "${target}"`;
    }
    case 'dns-ttl':
    case 'dns-record': {
      const names = (s.dns?.zones ?? []).flatMap((z) => z.records.map((r) => r.name.replace(/\.$/, '')));
      const zones = (s.dns?.zones ?? []).map((z) => z.zone.replace(/\.$/, ''));
      const name = target.replace(/\.$/, '');
      if (names.includes(name)) return undefined;
      // dns-record may create a name in a hosted zone.
      if (kind === 'dns-record' && zones.some((z) => name === z || name.endsWith(`.${z}`))) return undefined;
      return `expected a record name in dns.zones (${names.join(', ') || 'none defined'}), got "${target}"`;
    }
    case 'nlb-health-check': {
      const lbs = (s.cluster?.services ?? []).filter((x) => x.type === 'LoadBalancer').map((x) => `${x.metadata.namespace}/${x.metadata.name}`);
      const ref = target.includes('/') ? target : `default/${target}`;
      return lbs.includes(ref) ? undefined : `expected a Service of type LoadBalancer in cluster.manifests (${lbs.join(', ') || 'none defined'}), got "${target}"`;
    }
    case 'cut-link':
    case 'restore-link':
      return /^[^|]+\|[^|]+$/.test(target) ? undefined : `expected two component ids as from|to (nlb-eu-west-1a|node-1), got "${target}"`;
  }
}

const faultRefs: Rule = (s, ctx) => {
  s.faults.forEach((f, i) => {
    const problem = faultTargetProblem(s, f.kind, f.target);
    if (problem !== undefined) reportAt(ctx, `faults[${i}].${f.kind}`, problem);
  });
};

export const fullReferenceRules: readonly Rule[] = [uniqueIds, clientRefs, aliasRefs, appRefs, faultRefs];

export function checkFullReferences(s: FullParts, ctx: Ctx): void {
  for (const rule of fullReferenceRules) rule(s, ctx);
}
