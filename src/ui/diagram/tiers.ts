/**
 * Where a component belongs in the picture, from what it is: its column (the
 * order a request meets it, left to right), its lane (its availability zone,
 * or none for things outside the VPC) and its group (the Service its pods
 * belong to). Kinds are matched by name so a new kind of component lands in
 * a sensible column before anyone edits this table; a kind nothing matches
 * goes in a column of its own at the far right.
 */
import type { ComponentSnapshot } from '../../scenario';

/** The columns, left to right, with the words shown above them. */
export const COLUMNS: readonly { key: string; title: string; match: RegExp }[] = [
  { key: 'client', title: 'Clients', match: /client|browser|load.?gen|user/i },
  { key: 'proxy', title: 'Forward proxy', match: /forward|^proxy$|squid/i },
  { key: 'resolver', title: 'DNS resolvers', match: /stub|resolver|recursive|coredns|cluster.?dns/i },
  { key: 'nameserver', title: 'DNS servers', match: /root|tld|authoritative|nameserver|route.?53|^dns/i },
  { key: 'nlb', title: 'Load balancer', match: /nlb|load.?balancer|^lb/i },
  { key: 'node', title: 'Kubernetes nodes', match: /^node$|k8s.?node|kube.?node|worker|kube.?proxy|nodeport/i },
  { key: 'nginx', title: 'nginx', match: /nginx|ingress|reverse/i },
  { key: 'service', title: 'Services', match: /service|clusterip|svc/i },
  { key: 'backend', title: 'Backends', match: /pod|backend|app|server|machine/i },
];

/** What the layout needs to know about one component. */
export interface Placement {
  /** Index into the columns in use (`COLUMNS`, then one more for unknown kinds). */
  column: number;
  /** Availability zone, or '' outside any. */
  lane: string;
  /** The Service (or other group) it belongs to, or '' for none. */
  group: string;
}

/** A field the world may add to a snapshot (az, service, node…): read without assuming it is there. */
export function extra(c: ComponentSnapshot, name: string): string | undefined {
  const value = (c as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The column a kind goes in; `COLUMNS.length` when no column claims it. */
export function columnOf(kind: string): number {
  const i = COLUMNS.findIndex((col) => col.match.test(kind));
  return i < 0 ? COLUMNS.length : i;
}

/** Column, lane and group of a component. */
export function placeComponent(c: ComponentSnapshot): Placement {
  const kind = extra(c, 'role') ?? c.kind;
  // A pod that runs nginx is not a backend: its role moves it to the nginx column.
  return {
    column: columnOf(kind),
    lane: extra(c, 'az') ?? extra(c, 'zone') ?? '',
    group: groupLabel(c),
  };
}

/** Words over a group box: `Service api-service` when a Service selects the pods, else `app api`. */
export function groupLabel(c: ComponentSnapshot): string {
  const service = extra(c, 'service');
  if (service !== undefined) return `Service ${service}`;
  const group = extra(c, 'group') ?? extra(c, 'app');
  return group === undefined ? '' : `app ${group}`;
}

/** The title over a column. */
export function columnTitle(column: number): string {
  return COLUMNS[column]?.title ?? 'Other';
}
