/**
 * `kubectl cordon`, `uncordon` and `drain` with kubectl's output
 * (k8s.io/kubectl/pkg/cmd/drain): `node/X cordoned` or `already cordoned`,
 * drain's `evicting pod ns/name` then `pod/name evicted` and
 * `node/X drained`, and its refusals (pods with emptyDir data without
 * `--delete-emptydir-data`, pods no controller owns without `--force`),
 * after which the node stays cordoned, as in kubectl. The simulated
 * cluster runs no DaemonSets, so `--ignore-daemonsets` is accepted and never
 * needed. Every change goes through the host: a world command.
 */
import type { ClusterView, NodeView, PodView, TerminalHost } from '../../host';
import type { Io } from '../../core/command';
import type { FlagSpec } from './flags';
import { CANNOT_CHANGE, DRY_RUN_FLAG, dryRunSuffix, notFound } from './resources';

export type NodeVerb = 'cordon' | 'uncordon' | 'drain';

export const CORDON_FLAGS: readonly FlagSpec[] = [{ long: 'selector', short: 'l', value: true }, DRY_RUN_FLAG];
export const DRAIN_FLAGS: readonly FlagSpec[] = [
  DRY_RUN_FLAG,
  { long: 'ignore-daemonsets' },
  { long: 'force' },
  { long: 'delete-emptydir-data' },
  { long: 'delete-local-data' },
  { long: 'disable-eviction' },
  { long: 'grace-period', value: true },
  { long: 'timeout', value: true },
  { long: 'skip-wait-for-delete-timeout', value: true },
  { long: 'pod-selector', value: true },
  { long: 'chunk-size', value: true },
  { long: 'selector', short: 'l', value: true },
];

/** The help text `kubectl <verb> --help` starts with (description, an example, usage). */
export const NODE_VERB_HELP: Readonly<Record<NodeVerb, string>> = {
  cordon: 'Mark node as unschedulable.\n\nExamples:\n  # Mark node "foo" as unschedulable\n  kubectl cordon foo\n\nUsage:\n  kubectl cordon NODE [options]\n',
  uncordon: 'Mark node as schedulable.\n\nExamples:\n  # Mark node "foo" as schedulable\n  kubectl uncordon foo\n\nUsage:\n  kubectl uncordon NODE [options]\n',
  drain: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API
server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction. Otherwise, it will use normal
DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the
API server).

Examples:
  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force

Usage:
  kubectl drain NODE [options]
`,
};

/** Why kubectl will not delete these pods, one message per filter that caught some (GetPodsForDeletion). */
function drainRefusals(pods: readonly PodView[], flags: ReadonlyMap<string, string>): string[] {
  const name = (p: PodView) => `${p.namespace}/${p.name}`;
  const out: string[] = [];
  const bare = pods.filter((p) => p.controlledBy === undefined);
  if (bare.length > 0 && !flags.has('force')) out.push(`cannot delete Pods that declare no controller (use --force to override): ${bare.map(name).join(', ')}`);
  const local = pods.filter((p) => p.volumes.some((v) => v.configMap === undefined));
  if (local.length > 0 && !flags.has('delete-emptydir-data') && !flags.has('delete-local-data')) {
    out.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(name).join(', ')}`);
  }
  return out;
}

/** `node/foo` or `foo` → `foo`. */
function nodeName(word: string): string {
  return word.replace(/^(nodes?|no)\//, '');
}

/** Run `kubectl cordon|uncordon|drain NODE…`; returns the exit status. */
export function kubectlNodeVerb(host: TerminalHost, cluster: ClusterView, verb: NodeVerb, args: readonly string[], flags: ReadonlyMap<string, string>, io: Io): number {
  if (args.length === 0) {
    io.err(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`);
    return 1;
  }
  const nodes: NodeView[] = [];
  for (const word of args) {
    const node = cluster.nodes.find((n) => n.name === nodeName(word));
    if (node === undefined) {
      io.err(notFound('nodes', nodeName(word)));
      return 1;
    }
    if (!nodes.includes(node)) nodes.push(node);
  }
  const dry = dryRunSuffix(flags.get('dry-run'));
  if (dry === undefined) {
    io.err(`error: Invalid dry-run value (${flags.get('dry-run') ?? ''}). Must be "none", "server", or "client".\n`);
    return 1;
  }
  if (flags.has('delete-local-data')) io.err('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n');
  const change = (kind: NodeVerb, node: string): boolean => {
    if (dry !== '') return true;
    const refused = host.changeCluster === undefined ? CANNOT_CHANGE : host.changeCluster({ kind, node });
    if (refused !== undefined) io.err(`error: ${refused}\n`);
    return refused === undefined;
  };
  if (verb !== 'drain') {
    const wanted = verb === 'cordon';
    for (const node of nodes) {
      if (node.unschedulable === wanted) io.out(`node/${node.name} already ${verb}ed${dry}\n`);
      else if (change(verb, node.name)) io.out(`node/${node.name} ${verb}ed${dry}\n`);
      else return 1;
    }
    return 0;
  }
  const pending: string[] = [];
  const fatal: string[] = [];
  for (const node of nodes) {
    // In the API's list order: namespace, then name.
    const pods = cluster.pods
      .filter((p) => p.node === node.name && p.deletingMs === undefined)
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const refusals = drainRefusals(pods, flags);
    if (refusals.length > 0) {
      // kubectl cordons every node first, then finds it cannot empty this one.
      if (node.unschedulable) io.out(`node/${node.name} already cordoned${dry}\n`);
      else if (change('cordon', node.name)) io.out(`node/${node.name} cordoned${dry}\n`);
      else return 1;
      const message = refusals.length === 1 ? (refusals[0] ?? '') : `[${refusals.join(', ')}]`;
      io.err(`error: unable to drain node "${node.name}" due to error:${message}, continuing command...\n`);
      pending.push(node.name);
      fatal.push(message);
      continue;
    }
    // Nothing to evict on a cordoned node: kubectl changes nothing.
    if ((pods.length > 0 || !node.unschedulable) && !change('drain', node.name)) return 1;
    io.out(`node/${node.name} ${node.unschedulable ? 'already ' : ''}cordoned${dry}\n`);
    if (dry !== '') {
      // A dry run lists what it would evict and stops there.
      for (const p of pods) io.out(`evicting pod ${p.namespace}/${p.name}${dry}\n`);
      io.out(`node/${node.name} drained${dry}\n`);
      continue;
    }
    const bare = pods.filter((p) => p.controlledBy === undefined);
    if (bare.length > 0) io.err(`Warning: deleting Pods that declare no controller: ${bare.map((p) => `${p.namespace}/${p.name}`).join(', ')}\n`);
    const evict = !flags.has('disable-eviction');
    if (evict) for (const p of pods) io.out(`evicting pod ${p.namespace}/${p.name}\n`);
    for (const p of pods) io.out(`pod/${p.name} ${evict ? 'evicted' : 'deleted'}\n`);
    io.out(`node/${node.name} drained\n`);
  }
  if (pending.length === 0) return 0;
  io.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`);
  io.err(`${fatal.length === 1 ? fatal[0] : `[${fatal.join(', ')}]`}\n`);
  return 1;
}
