/**
 * What a fault can hit in a world, computed from its snapshot (components as
 * they are now: pods come and go) and its scenario (nodes, AZs, DNS names,
 * Deployments, load balancers). Plain functions over plain data.
 */
import type { Scenario, WorldSnapshot } from '../../scenario';

/** Something a fault can hit: a component id, a node name, an AZ, a DNS name, a link. */
export interface Target {
  readonly id: string;
  /** What the menu shows. */
  readonly label: string;
}

/** What targets are computed from. */
export interface TargetSource {
  readonly snapshot: WorldSnapshot;
  readonly scenario: Scenario;
}

type Kind = string;

/** Components of these kinds, labelled as the diagram labels them (a pod by its name). */
export function components(...kinds: Kind[]): (w: TargetSource) => Target[] {
  return (w) => w.snapshot.components.filter((c) => kinds.includes(c.kind)).map((c) => ({ id: c.id, label: c.label === '' ? c.id : c.label }));
}

/** nginx pods come first for "kill": the course's question is what losing one does. */
export function pods(w: TargetSource): Target[] {
  const all = components('pod')(w);
  const nginx = all.filter((t) => t.id.includes('nginx'));
  return [...nginx, ...all.filter((t) => !t.id.includes('nginx'))];
}

export function nodes(w: TargetSource): Target[] {
  const fromSnapshot = components('node')(w);
  if (fromSnapshot.length > 0) return fromSnapshot;
  return (w.scenario.cluster?.nodes ?? []).map((n) => ({ id: n.name, label: `${n.name} (${n.az})` }));
}

export function zones(w: TargetSource): Target[] {
  const azs = [...new Set((w.scenario.cluster?.nodes ?? []).map((n) => n.az))];
  return azs.map((az) => ({ id: az, label: az }));
}

export function dnsNames(w: TargetSource): Target[] {
  return (w.scenario.dns?.zones ?? []).flatMap((z) => z.records.map((r) => ({ id: r.name, label: `${r.name} (${r.kind})` })));
}

export function deployments(w: TargetSource): Target[] {
  return (w.scenario.cluster?.deployments ?? []).map((d) => ({ id: d.metadata.name, label: `Deployment ${d.metadata.name}` }));
}

/** Every LoadBalancer Service's NLB, whether or not the scenario pins its addresses in `loadBalancers`. */
export function loadBalancers(w: TargetSource): Target[] {
  const out = (w.scenario.cluster?.loadBalancers ?? []).map((lb) => ({ id: lb.service, label: `NLB of ${lb.service}` }));
  const known = new Set(out.map((t) => (t.id.includes('/') ? t.id : `default/${t.id}`)));
  for (const svc of w.scenario.cluster?.services ?? []) {
    const ref = `${svc.metadata.namespace}/${svc.metadata.name}`;
    if (svc.type === 'LoadBalancer' && !known.has(ref)) out.push({ id: ref, label: `NLB of ${ref}` });
  }
  return out;
}

/**
 * Where a DNS record can point (`dns-record`'s value): the addresses of the
 * machines and proxies, an alias to each load balancer's NLB, and the
 * addresses the zones already hold (to point a name back).
 */
export function recordValues(w: TargetSource): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (id: string, label: string): void => {
    if (id === '' || seen.has(id)) return;
    seen.add(id);
    out.push({ id, label });
  };
  for (const c of w.snapshot.components) if ((c.kind === 'machine' || c.kind === 'proxy') && /^[\d.]+$/.test(c.address)) add(c.address, `${c.address} (${c.label === '' ? c.id : c.label})`);
  // Services as `namespace/name`, so an alias is offered once however the scenario spelled it.
  const svc = (ref: string): string => (ref.includes('/') ? ref : `default/${ref}`);
  for (const lb of loadBalancers(w)) add(`alias:${svc(lb.id)}`, `alias to the NLB of ${svc(lb.id)}`);
  for (const z of w.scenario.dns?.zones ?? []) {
    for (const r of z.records) {
      if (r.kind === 'a') add(r.addresses.join(','), `${r.addresses.join(', ')} (now ${r.name})`);
      if (r.kind === 'alias') add(`alias:${svc(r.service)}`, `alias to the NLB of ${svc(r.service)}`);
    }
  }
  return out;
}

/** Links as `from|to`, from the snapshot's links. */
export function links(w: TargetSource): Target[] {
  return w.snapshot.links.map((l) => ({ id: `${l.from}|${l.to}`, label: `${l.from} ↔ ${l.to}` }));
}

export const PROCESSES = components('server', 'machine', 'pod');

/**
 * Whether an entry hits pods, asked of the entry itself with one stand-in
 * pod: before the run (t = 0) there are none to see, yet a crash can
 * already be prepared for `api/0`.
 */
function takesPods(def: { targets(source: TargetSource): Target[] }, source: TargetSource): boolean {
  const probe = { kind: 'pod', id: 'pod:schedule-probe', label: '' } as unknown as WorldSnapshot['components'][number];
  const snapshot = { ...source.snapshot, components: [...source.snapshot.components, probe] };
  return def.targets({ ...source, snapshot }).some((t) => t.id === probe.id);
}

/**
 * Targets for a fault prepared in advance: pods do not exist yet when the
 * scenario is read, so a pod is named as the scenario format names it,
 * `deployment/index` (the index-th live pod of the Deployment when the fault
 * comes), one per replica.
 */
export function scheduleTargets(def: { targets(source: TargetSource): Target[] }, source: TargetSource): Target[] {
  const now = def.targets(source);
  const others = now.filter((t) => !t.id.startsWith('pod:'));
  if (others.length === now.length && !takesPods(def, source)) return now;
  const indexed = (source.scenario.cluster?.deployments ?? []).flatMap((d) =>
    Array.from({ length: d.replicas }, (_, i) => ({ id: `${d.metadata.name}/${i}`, label: `${d.metadata.name}/${i} (pod ${i + 1} of Deployment ${d.metadata.name})` })),
  );
  return [...others, ...indexed];
}

