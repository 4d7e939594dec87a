/**
 * The resource types kubectl accepts here, with their aliases and the
 * `kind.group` prefix kubectl puts before names when a listing mixes types
 * (`pod/web-1`, `deployment.apps/web`).
 */

export type ResourceKind = 'pods' | 'services' | 'endpoints' | 'endpointslices' | 'deployments' | 'events' | 'nodes';

interface ResourceInfo {
  readonly aliases: readonly string[];
  /** `pod`, `service`, `deployment.apps`… as in `kubectl get pods,deploy`. */
  readonly prefix: string;
  /** Whether the resource lives in a namespace (nodes do not). */
  readonly namespaced: boolean;
}

export const RESOURCES: Readonly<Record<ResourceKind, ResourceInfo>> = {
  pods: { aliases: ['po', 'pod', 'pods'], prefix: 'pod', namespaced: true },
  services: { aliases: ['svc', 'service', 'services'], prefix: 'service', namespaced: true },
  endpoints: { aliases: ['ep', 'endpoints'], prefix: 'endpoints', namespaced: true },
  endpointslices: {
    aliases: ['endpointslice', 'endpointslices', 'endpointslice.discovery.k8s.io', 'endpointslices.discovery.k8s.io'],
    prefix: 'endpointslice.discovery.k8s.io',
    namespaced: true,
  },
  deployments: {
    aliases: ['deploy', 'deployment', 'deployments', 'deployment.apps', 'deployments.apps'],
    prefix: 'deployment.apps',
    namespaced: true,
  },
  events: { aliases: ['ev', 'event', 'events'], prefix: 'event', namespaced: true },
  nodes: { aliases: ['no', 'node', 'nodes'], prefix: 'node', namespaced: false },
};

/** What `kubectl get all` lists (the simulation has no ReplicaSets, DaemonSets or Jobs to show). */
export const ALL: readonly ResourceKind[] = ['pods', 'services', 'deployments'];

/** The kind for an alias, or undefined. */
export function resourceKind(word: string): ResourceKind | undefined {
  const lower = word.toLowerCase();
  for (const [kind, info] of Object.entries(RESOURCES) as [ResourceKind, ResourceInfo][]) {
    if (info.aliases.includes(lower)) return kind;
  }
  return undefined;
}

/** The words completion offers for resource types. */
export const RESOURCE_WORDS: readonly string[] = ['all', 'pods', 'services', 'svc', 'endpoints', 'endpointslices', 'deployments', 'events', 'nodes'];

/** `--dry-run=none|client|server`, on the verbs that change the cluster. */
export const DRY_RUN_FLAG = { long: 'dry-run', value: true } as const;

/** What kubectl adds to its messages for a `--dry-run` value (empty for none), or undefined for a value it refuses. */
export function dryRunSuffix(value: string | undefined): string | undefined {
  if (value === undefined || value === 'none') return '';
  if (value === 'client') return ' (dry run)';
  if (value === 'server') return ' (server dry run)';
  return undefined;
}

/** What kubectl says when the host offers no way to change the cluster (a world that is only read). */
export const CANNOT_CHANGE = 'trafficlab: this world cannot be changed from the terminal';

/** `pods "web-1" not found`: the NotFound message uses the plural resource name. */
export function notFound(kind: ResourceKind, name: string): string {
  const plural = kind === 'endpointslices' ? 'endpointslices.discovery.k8s.io' : kind === 'deployments' ? 'deployments.apps' : kind;
  return `Error from server (NotFound): ${plural} "${name}" not found\n`;
}
