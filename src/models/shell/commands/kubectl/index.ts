/**
 * `kubectl`: get, describe, logs and exec against the simulated cluster,
 * and scale, cordon, uncordon and drain, which change it through the
 * world's commands; with kubectl's flags, errors and "did you mean" for
 * mistyped commands.
 * Without a cluster in the world it fails the way kubectl does with no
 * kubeconfig: the connection to localhost:8080 is refused.
 */
import type { CommandDef, CommandEnv, CompletionEnv } from '../../core/command';
import { flagWords, parseFlags, type FlagSpec } from './flags';
import { kubectlDescribe } from './describe';
import { kubectlExec } from './exec';
import { kubectlGet } from './get';
import { findPod, kubectlLogs } from './logs';
import { CORDON_FLAGS, DRAIN_FLAGS, kubectlNodeVerb, NODE_VERB_HELP, type NodeVerb } from './node-verbs';
import { RESOURCE_WORDS, resourceKind } from './resources';
import { kubectlScale, SCALE_FLAGS, SCALE_HELP } from './scale';

const GET_FLAGS: readonly FlagSpec[] = [
  { long: 'output', short: 'o', value: true },
  { long: 'selector', short: 'l', value: true },
  { long: 'all-namespaces', short: 'A' },
  { long: 'show-labels' },
  { long: 'no-headers' },
  { long: 'watch', short: 'w' },
];
const DESCRIBE_FLAGS: readonly FlagSpec[] = [{ long: 'show-events' }];
const LOGS_FLAGS: readonly FlagSpec[] = [
  { long: 'follow', short: 'f' },
  { long: 'tail', value: true },
  { long: 'timestamps' },
  { long: 'container', short: 'c', value: true },
  { long: 'previous', short: 'p' },
];
const EXEC_FLAGS: readonly FlagSpec[] = [
  { long: 'stdin', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'container', short: 'c', value: true },
];

const SUBCOMMANDS = ['get', 'describe', 'logs', 'exec', 'scale', 'cordon', 'uncordon', 'drain'];
/** The flags of each subcommand. */
const FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  get: GET_FLAGS,
  describe: DESCRIBE_FLAGS,
  logs: LOGS_FLAGS,
  exec: EXEC_FLAGS,
  scale: SCALE_FLAGS,
  cordon: CORDON_FLAGS,
  uncordon: CORDON_FLAGS,
  drain: DRAIN_FLAGS,
};
/** `kubectl <verb> --help` for the verbs that change the cluster. */
const HELP: Readonly<Record<string, string>> = { scale: SCALE_HELP, ...NODE_VERB_HELP };
/** Real kubectl commands this simulation does not perform; the fault menu and the lesson change the cluster in other ways. */
const NOT_SIMULATED = ['apply', 'create', 'delete', 'edit', 'patch', 'rollout', 'port-forward', 'top', 'label', 'annotate', 'cp', 'run', 'expose', 'set', 'taint', 'debug', 'attach', 'proxy', 'wait', 'diff', 'replace', 'autoscale', 'explain', 'api-resources', 'api-versions', 'config', 'cluster-info', 'version', 'events', 'auth'];

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (simulated here):
  get           Display one or many resources
  describe      Show details of a specific resource or group of resources
  logs          Print the logs for a container in a pod
  exec          Execute a command in a container
  scale         Set a new size for a deployment
  cordon        Mark node as unschedulable
  uncordon      Mark node as schedulable
  drain         Drain node in preparation for maintenance

Usage:
  kubectl [flags] [options]
`;

const REFUSED = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';

/** Edit distance, for kubectl's "Did you mean this?" (cobra suggests within distance 2). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

function run(env: CommandEnv, argv: readonly string[]): ReturnType<CommandDef['run']> {
  const { io, host } = env;
  const [sub, ...args] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!SUBCOMMANDS.includes(sub)) {
    if (NOT_SIMULATED.includes(sub)) {
      io.err(`trafficlab: kubectl ${sub} is not simulated here (get, describe, logs, exec, scale, cordon, uncordon and drain are); other changes come from the lesson and the fault menu\n`);
      return 1;
    }
    if (sub.startsWith('-')) {
      io.err(`error: unknown flag: ${sub}\nSee 'kubectl --help' for usage.\n`);
      return 1;
    }
    const close = [...SUBCOMMANDS, ...NOT_SIMULATED].filter((c) => distance(c, sub) <= 2);
    io.err(`error: unknown command "${sub}" for "kubectl"${close.length > 0 ? `\n\nDid you mean this?\n${close.map((c) => `\t${c}\n`).join('')}` : '\n'}`);
    return 1;
  }
  const help = HELP[sub];
  if (help !== undefined && args.some((a) => a === '-h' || a === '--help')) {
    io.out(help);
    return 0;
  }
  const parsed = parseFlags(sub, args, FLAGS[sub] ?? []);
  if ('error' in parsed) {
    io.err(parsed.error);
    return 1;
  }
  const cluster = host.cluster?.();
  if (cluster === undefined) {
    io.err(REFUSED);
    return 1;
  }
  const flags = parsed.flags;
  const namespace = flags.get('namespace') ?? cluster.namespace;
  const now = host.now();
  switch (sub) {
    case 'get': {
      if (flags.has('watch')) {
        io.err('trafficlab: kubectl get --watch is not simulated; run the command again to see the new state\n');
        return 1;
      }
      const output = flags.get('output');
      return kubectlGet(
        cluster,
        now,
        [...parsed.args, ...(parsed.afterDash ?? [])],
        {
          namespace,
          allNamespaces: flags.has('all-namespaces'),
          ...(output === undefined ? {} : { output }),
          ...(flags.get('selector') === undefined ? {} : { selector: flags.get('selector') }),
          showLabels: flags.has('show-labels'),
          noHeaders: flags.has('no-headers'),
        },
        io,
      );
    }
    case 'scale':
      return kubectlScale(host, cluster, namespace, parsed.args, flags, io);
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return kubectlNodeVerb(host, cluster, sub as NodeVerb, parsed.args, flags, io);
    case 'describe':
      return kubectlDescribe(cluster, now, host.epochMs, namespace, parsed.args, io);
    case 'logs': {
      const word = parsed.args[0];
      if (word === undefined) {
        io.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
        return 1;
      }
      const tailText = flags.get('tail') ?? '-1';
      if (!/^-?\d+$/.test(tailText)) {
        io.err(`error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax\nSee 'kubectl logs --help' for usage.\n`);
        return 1;
      }
      const pod = findPod(cluster, namespace, word, io);
      if (pod === undefined) return 1;
      return kubectlLogs(host, pod, { follow: flags.has('follow'), tail: Number(tailText), timestamps: flags.has('timestamps') }, io, env.finish);
    }
    default: {
      const container = flags.get('container');
      return kubectlExec(env, cluster, namespace, parsed.args, parsed.afterDash, {
        interactive: flags.has('stdin'),
        ...(container === undefined ? {} : { container }),
      });
    }
  }
}

function complete(env: CompletionEnv, args: readonly string[]): readonly string[] {
  const partial = args[args.length - 1] ?? '';
  const before = args.slice(0, -1);
  if (before.length === 0) return SUBCOMMANDS;
  const sub = before[0];
  const cluster = env.host.cluster?.();
  const podNames = cluster?.pods.map((p) => p.name) ?? [];
  if (partial.startsWith('-')) {
    return flagWords(FLAGS[sub ?? ''] ?? []);
  }
  const nodeNames = cluster?.nodes.map((n) => n.name) ?? [];
  if (sub === 'cordon' || sub === 'uncordon' || sub === 'drain') return nodeNames;
  if (before[before.length - 1] === '--') return ['nginx', 'sh', 'bash', 'tail', 'cat', 'curl'];
  if (sub === 'logs' || sub === 'exec') return podNames;
  const positional = before.slice(1).filter((w) => !w.startsWith('-'));
  if (sub === 'scale') {
    const names = cluster?.deployments.map((d) => d.name) ?? [];
    return positional.length === 0 ? ['deployment', ...names.map((n) => `deployment/${n}`)] : names;
  }
  if (positional.length === 0) return RESOURCE_WORDS;
  const kind = resourceKind(positional[0] ?? '');
  if (cluster === undefined || kind === undefined) return [];
  if (kind === 'pods') return podNames;
  if (kind === 'services' || kind === 'endpoints') return cluster.services.map((s) => s.name);
  if (kind === 'deployments') return cluster.deployments.map((d) => d.name);
  if (kind === 'endpointslices') return cluster.endpointSlices.map((e) => e.name);
  if (kind === 'nodes') return nodeNames;
  return [];
}

export const kubectl: CommandDef = {
  name: 'kubectl',
  summary: 'the cluster: get pods,svc,endpoints,endpointslices,deployments,events,nodes; describe; logs; exec; scale; cordon, uncordon, drain',
  usage: [
    'kubectl get pods,svc,endpoints,endpointslices,deployments [-o wide] [-l app=web] [-A]',
    'kubectl get events',
    'kubectl describe pod|svc|node NAME',
    'kubectl logs POD [-f] [--tail N] [--timestamps]',
    'kubectl exec POD -- nginx -t',
    'kubectl exec -it POD -- sh',
    'kubectl scale deployment/NAME --replicas=N',
    'kubectl cordon|uncordon NODE',
    'kubectl drain NODE --ignore-daemonsets',
  ],
  on: 'machine',
  run,
  complete,
};
