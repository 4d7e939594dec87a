/**
 * `kubectl scale deployment/NAME --replicas=N` (also `deployment NAME`,
 * `deploy/NAME`, several names): kubectl's checks and messages, then the
 * change through the host, which makes it a world command (recorded, and
 * replayed with the typed line).
 */
import type { ClusterView, TerminalHost } from '../../host';
import type { Io } from '../../core/command';
import type { FlagSpec } from './flags';
import { CANNOT_CHANGE, DRY_RUN_FLAG, dryRunSuffix, notFound, RESOURCES, resourceKind } from './resources';

export const SCALE_FLAGS: readonly FlagSpec[] = [
  { long: 'replicas', value: true },
  { long: 'current-replicas', value: true },
  { long: 'timeout', value: true },
  DRY_RUN_FLAG,
];

export const SCALE_HELP = `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is
guaranteed that the precondition holds true when the scale is sent to the server.

Examples:
  # Scale a deployment named 'mysql' to 3
  kubectl scale --replicas=3 deployment/mysql

  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

Usage:
  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]
`;

const NO_RESOURCE = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

/** `--replicas` as pflag parses an int: the count, or kubectl's error text. */
function intFlag(name: string, text: string): number | string {
  if (!/^[-+]?\d+$/.test(text)) return `error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl scale --help' for usage.\n`;
  return Number(text);
}

/** `TYPE NAME…` or `TYPE/NAME…` → [type word, name] pairs, or kubectl's error text. */
function targets(args: readonly string[]): (readonly [string, string])[] | string {
  if (args.length === 0) return NO_RESOURCE;
  if (args.every((a) => a.includes('/'))) return args.map((a) => [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)] as const);
  if (args.some((a) => a.includes('/'))) return 'error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'\n';
  const [type = '', ...names] = args;
  if (names.length === 0) return 'error: resource(s) were provided, but no name was specified\n';
  return names.map((n) => [type, n] as const);
}

/** Run `kubectl scale` with parsed flags; returns the exit status. */
export function kubectlScale(host: TerminalHost, cluster: ClusterView, namespace: string, args: readonly string[], flags: ReadonlyMap<string, string>, io: Io): number {
  const replicasText = flags.get('replicas');
  if (replicasText === undefined) {
    io.err('error: required flag(s) "replicas" not set\n');
    return 1;
  }
  const replicas = intFlag('replicas', replicasText);
  if (typeof replicas === 'string') {
    io.err(replicas);
    return 1;
  }
  const currentText = flags.get('current-replicas');
  const current = currentText === undefined ? -1 : intFlag('current-replicas', currentText);
  if (typeof current === 'string') {
    io.err(current);
    return 1;
  }
  if (replicas < 0) {
    io.err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    return 1;
  }
  const dry = dryRunSuffix(flags.get('dry-run'));
  if (dry === undefined) {
    io.err(`error: Invalid dry-run value (${flags.get('dry-run') ?? ''}). Must be "none", "server", or "client".\n`);
    return 1;
  }
  const list = targets(args);
  if (typeof list === 'string') {
    io.err(list);
    return 1;
  }
  let status = 0;
  for (const [typeWord, name] of list) {
    const kind = resourceKind(typeWord);
    if (kind === undefined) {
      io.err(`error: the server doesn't have a resource type "${typeWord}"\n`);
      return 1;
    }
    if (kind !== 'deployments') {
      // Only workloads have a scale subresource; asking another object for one is a 404 from the API server.
      const exists = kind === 'pods' ? cluster.pods.some((p) => p.name === name && p.namespace === namespace) : kind === 'services' && cluster.services.some((s) => s.name === name && s.namespace === namespace);
      io.err(exists || kind === 'nodes' ? 'Error from server (NotFound): the server could not find the requested resource\n' : notFound(kind, name));
      status = 1;
      continue;
    }
    const deployment = cluster.deployments.find((d) => d.name === name && d.namespace === namespace);
    if (deployment === undefined) {
      io.err(notFound(kind, name));
      status = 1;
      continue;
    }
    if (current >= 0 && current !== deployment.replicas) {
      io.err(`error: Expected replicas to be ${current}, was ${deployment.replicas}\n`);
      status = 1;
      continue;
    }
    const refused = dry !== '' ? undefined : host.changeCluster === undefined ? CANNOT_CHANGE : host.changeCluster({ kind: 'scale', namespace, name, replicas });
    if (refused !== undefined) {
      io.err(`error: ${refused}\n`);
      status = 1;
      continue;
    }
    io.out(`${RESOURCES.deployments.prefix}/${name} scaled${dry}\n`);
  }
  return status;
}
