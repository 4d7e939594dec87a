/**
 * What runs inside a pod's container, from the world's side: an app process
 * (the backend model) or nginx (the nginx model, configured from its
 * ConfigMap, its upstream names resolved once at start through cluster DNS;
 * see `nginx-process.ts`).
 * A new process starts with each container generation; faults that describe
 * a condition (slow, unhealthy, crash loop) carry over to the next process,
 * a hang does not (a restart is what cures a stuck process).
 */
import type { Engine, Random, Trace } from '../../sim';
import { AppProcess, type AppFaults, type AppSpec } from '../../models/backend';
import type { Tcp } from './tcp';
import { appConnection } from './servers';
import type { NginxSpec } from '../types';
import { startNginx, type NginxControl } from './nginx-process';
import type { ServerSide } from './tcp-types';

export interface ProcessDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly tcp: () => Tcp;
}

/** How a name in nginx.conf resolves when nginx starts: addresses, or undefined (host not found). */
export type StartupResolve = (host: string) => string[] | undefined;

export type Program = { readonly kind: 'app'; readonly app: AppSpec } | { readonly kind: 'nginx'; readonly nginx: NginxSpec };

/** One container generation's process. */
export interface RunningProcess {
  /** Accepts connections on `port` now. */
  listens(port: number): boolean;
  /** A server end for a new connection. */
  accept(): ServerSide;
  /** The container is gone: reset what it holds. */
  exit(why: string): void;
  counters(): Record<string, number>;
  readonly app?: AppProcess;
  /** Present when the program is nginx and it started: its reload hook. */
  readonly nginx?: NginxControl;
}

/** Start the program of a pod (or machine) at `ip`, listening on `ports`. `crashed` is called when it dies by itself. */
export function startProgram(
  program: Program,
  component: string,
  ip: string,
  ports: readonly number[],
  deps: ProcessDeps,
  options: { faults: Partial<AppFaults>; resolve: StartupResolve; crashed: (why: string) => void; recordStates: boolean; running: boolean },
): RunningProcess {
  if (program.kind === 'app') {
    const app = new AppProcess(component, program.app, {
      engine: deps.engine,
      trace: deps.trace,
      latencyRng: deps.random.stream(`app:${component}:latency`),
      errorRng: deps.random.stream(`app:${component}:errors`),
      onExit: options.crashed,
      recordStates: options.recordStates,
      running: options.running,
    });
    if (Object.keys(options.faults).length > 0) app.setFaults(options.faults, 'fault carried over from before the restart');
    if (!options.running) app.start('container started');
    return {
      app,
      listens: (port) => app.listening && ports.includes(port),
      accept: () => appConnection(app, component),
      exit: () => app.dispose(),
      counters: () => app.counters(),
    };
  }
  return startNginx(program.nginx, component, ip, ports, deps, options);
}
