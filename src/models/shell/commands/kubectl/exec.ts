/**
 * `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND…`: run a command inside a
 * pod, or open a shell there with `-it … -- sh`. Errors are kubectl's: the
 * old form without `--`, a missing command, a pod that is not running, and
 * a command the container does not have.
 */
import type { ClusterView } from '../../host';
import type { CommandEnv, RunResult } from '../../core/command';
import { findPod } from './logs';

const SHELLS = ['sh', 'bash', '/bin/sh', '/bin/bash'];

export function kubectlExec(
  env: CommandEnv,
  cluster: ClusterView,
  namespace: string,
  args: readonly string[],
  afterDash: readonly string[] | undefined,
  flags: { interactive: boolean; container?: string },
): RunResult {
  const { io } = env;
  const podWord = args[0];
  if (podWord === undefined) {
    io.err("error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples\n");
    return 1;
  }
  if (afterDash === undefined) {
    if (args.length > 1) {
      io.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
      return 1;
    }
    io.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  if (afterDash.length === 0) {
    io.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  const pod = findPod(cluster, namespace, podWord, io);
  if (pod === undefined) return 1;
  const container = pod.containers.find((c) => flags.container === undefined || c.name === flags.container);
  if (container === undefined) {
    io.err(`error: container ${flags.container ?? ''} not found in pod ${pod.name}\n`);
    return 1;
  }
  if (container.state.kind !== 'running') {
    io.err(`error: unable to upgrade connection: container not found ("${container.name}")\n`);
    return 1;
  }
  const where = { kind: 'pod' as const, pod: pod.name, namespace, container: container.name };
  const [command = ''] = afterDash;
  if (SHELLS.includes(command) && afterDash.length === 1) {
    // Without -i the shell reads an empty stdin and exits at once, printing nothing.
    if (flags.interactive) env.shell.enter(where);
    return 0;
  }
  const def = env.shell.commandsAt(where).find((c) => c.name === command);
  if (def === undefined) {
    io.err(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: ` +
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": executable file not found in $PATH: unknown\n`,
    );
    return 1;
  }
  const report = (code: number): number => {
    if (code !== 0 && code !== 130) io.err(`command terminated with exit code ${code}\n`);
    return code;
  };
  const result = env.shell.runAt(where, afterDash, io, (code) => env.finish(report(code)));
  return typeof result === 'number' ? report(result) : result;
}
