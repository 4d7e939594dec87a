/**
 * The Kubernetes side of commands in a full world: `drain` (cordon and
 * evict), `cordon`, `uncordon`, `scale` (`kubectl scale deployment`), and what losing
 * or restoring an AZ means for its nodes (their kubelets lose the control
 * plane; the node lifecycle controller takes it from there).
 */
import type { ClusterPart } from './cluster-part';

/** A cluster command, as flat as it travels. */
export interface ClusterCommandInput {
  readonly kind: string;
  readonly target: string;
  readonly replicas?: number;
}

/** `web` or `default/web` → `default/web`. */
export function deploymentKey(target: string): string {
  return target.includes('/') ? target : `default/${target}`;
}

/** The command's `why` for the trace, or undefined when it is not a cluster command. */
export function clusterWhy(command: ClusterCommandInput): string | undefined {
  switch (command.kind) {
    case 'drain':
      return `kubectl drain ${command.target}: cordon it (no new pods) and evict its pods; their Deployments place replacements on other nodes`;
    case 'cordon':
      return `kubectl cordon ${command.target}: no new pods go to it; the pods on it stay`;
    case 'uncordon':
      return `kubectl uncordon ${command.target}: the node takes new pods again`;
    case 'scale':
      return `kubectl scale deployment/${command.target} --replicas=${command.replicas ?? '?'}`;
    default:
      return undefined;
  }
}

/** Check a cluster command against the cluster now; an Error message, or undefined when it can be applied. */
export function checkClusterCommand(cluster: ClusterPart | undefined, command: ClusterCommandInput): string | undefined {
  if (cluster === undefined) return `${command.kind}: this world has no Kubernetes cluster`;
  if (command.kind === 'drain' || command.kind === 'cordon' || command.kind === 'uncordon') {
    const names = cluster.cluster.nodes.map((n) => n.name);
    return names.includes(command.target) ? undefined : `${command.kind}: expected a node name (${names.join(', ')}), got "${command.target}"`;
  }
  if (command.kind === 'scale') {
    const [ns = 'default', name = ''] = deploymentKey(command.target).split('/');
    if (cluster.cluster.deployment(ns, name) === undefined) {
      return `scale: expected a Deployment (${cluster.deploymentNames().join(', ')}), got "${command.target}"`;
    }
    const r = command.replicas;
    if (r === undefined || !Number.isInteger(r) || r < 0) return `scale: expected replicas, a whole number of at least 0, got ${String(r)}`;
  }
  return undefined;
}

/**
 * Apply a checked cluster command now. Returns the undo to run after `forMs`
 * (uncordon after a drain, the old count after a scale), if there is one.
 */
export function applyClusterCommand(cluster: ClusterPart, command: ClusterCommandInput, why: string): (() => void) | undefined {
  const k8s = cluster.cluster;
  switch (command.kind) {
    case 'drain':
      k8s.drain(command.target, why);
      return () => k8s.uncordon(command.target, `the drain of ${command.target} ended: uncordoned`);
    case 'cordon':
      k8s.cordon(command.target, why);
      return () => k8s.uncordon(command.target, `the cordon of ${command.target} ended: uncordoned`);
    case 'uncordon':
      k8s.uncordon(command.target, why);
      return undefined;
    case 'scale': {
      const [ns = 'default', name = ''] = deploymentKey(command.target).split('/');
      const before = k8s.deployment(ns, name)?.replicas;
      k8s.scale(ns, name, command.replicas ?? 0, why);
      return before === undefined ? undefined : () => k8s.scale(ns, name, before, `the scale of ${command.target} ended: back to ${before} replicas`);
    }
    default:
      return undefined;
  }
}
