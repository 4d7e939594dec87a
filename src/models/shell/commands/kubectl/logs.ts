/**
 * `kubectl logs POD [-f] [--tail N] [--timestamps]`: a pod's container
 * output, which for the official nginx image is its access and error log
 * (both files are links to the container's stdout and stderr). With -f the
 * command follows new lines as the simulation writes them, until Ctrl-C.
 */
import type { ClusterView, LogLine, PodView, TerminalHost } from '../../host';
import type { Io, RunResult } from '../../core/command';
import { notFound } from './resources';

/** Streams that reach `kubectl logs`: the container's stdout/stderr and the nginx image's linked log files. */
export function isContainerOutput(stream: string): boolean {
  return stream === 'stdout' || stream === 'stderr' || stream === '/var/log/nginx/access.log' || stream === '/var/log/nginx/error.log';
}

/** `2024-01-01T00:00:05.123000000Z`: RFC3339 with nanoseconds, as --timestamps prints. */
function timestamp(unixMs: number): string {
  const iso = new Date(Math.floor(unixMs)).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export interface LogsOptions {
  readonly follow: boolean;
  /** -1: all lines. */
  readonly tail: number;
  readonly timestamps: boolean;
}

/** Resolve `POD`, `pod/POD` or `deploy/NAME` to a pod; writes kubectl's message when there is none. */
export function findPod(cluster: ClusterView, namespace: string, word: string, io: Io): PodView | undefined {
  const [type, name] = word.includes('/') ? (word.split('/') as [string, string]) : ['pod', word];
  const pods = cluster.pods.filter((p) => p.namespace === namespace);
  if (['deploy', 'deployment', 'deployments', 'deployment.apps'].includes(type)) {
    const deployment = cluster.deployments.find((d) => d.namespace === namespace && d.name === name);
    if (deployment === undefined) {
      io.err(notFound('deployments', name));
      return undefined;
    }
    const owned = pods
      .filter((p) => Object.entries(deployment.selector).every(([k, v]) => p.labels[k] === v))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const first = owned[0];
    if (first === undefined) {
      io.err(`error: timed out waiting for the condition\n`);
      return undefined;
    }
    if (owned.length > 1) io.err(`Found ${owned.length} pods, using pod/${first.name}\n`);
    return first;
  }
  const pod = pods.find((p) => p.name === name);
  if (pod === undefined) io.err(notFound('pods', name));
  return pod;
}

export function kubectlLogs(host: TerminalHost, pod: PodView, options: LogsOptions, io: Io, finish: (code: number) => void): RunResult {
  const container = pod.containers[0];
  if (container !== undefined && container.state.kind === 'waiting' && container.restartCount === 0) {
    io.err(`Error from server (BadRequest): container "${container.name}" in pod "${pod.name}" is waiting to start: ${container.state.reason}\n`);
    return 1;
  }
  const component = pod.component;
  const print = (line: LogLine): void => io.out(`${options.timestamps ? `${timestamp(host.epochMs + line.t)} ` : ''}${line.line}\n`);
  const lines = component === undefined ? [] : host.logs([component]).filter((l) => isContainerOutput(l.stream));
  for (const line of options.tail < 0 ? lines : lines.slice(Math.max(0, lines.length - options.tail))) print(line);
  if (!options.follow || component === undefined) return 0;
  const stop = host.followLogs((line) => {
    if (line.component === component && isContainerOutput(line.stream)) print(line);
  });
  return {
    interrupt() {
      stop();
      finish(130);
    },
  };
}
