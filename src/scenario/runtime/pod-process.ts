/**
 * What runs inside a pod's container, from the world's side: an app process
 * (the backend model) or nginx (the nginx model, configured from its
 * ConfigMap, its upstream names resolved once at start through cluster DNS).
 * A new process starts with each container generation; faults that describe
 * a condition (slow, unhealthy, crash loop) carry over to the next process,
 * a hang does not (a restart is what cures a stuck process).
 */
import type { Engine, Random, Trace } from '../../sim';
import { AppProcess, type AppFaults, type AppSpec } from '../../models/backend';
import { parseNginxConfig, formatConfigError } from '../../models/nginx/config';
import { NginxInstance } from '../../models/nginx/process';
import type { Tcp } from './tcp';
import { NginxUpstreams } from './net-adapters';
import { appConnection, nginxConnection, type OpenExchanges } from './servers';
import type { NginxSpec } from '../types';
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

/** How soon a crash-looping nginx dies after starting. */
const NGINX_CRASH_AFTER_MS = 1000;

function startNginx(
  spec: NginxSpec,
  component: string,
  ip: string,
  ports: readonly number[],
  deps: ProcessDeps,
  options: { faults: Partial<AppFaults>; resolve: StartupResolve; crashed: (why: string) => void },
): RunningProcess {
  const parsed = parseNginxConfig(spec.files, spec.entry, { resolve: options.resolve });
  if (!parsed.ok) {
    const line = formatConfigError({ ...parsed.error, file: `/etc/nginx/${parsed.error.file.replace(/^\/etc\/nginx\//, '')}` });
    deps.trace.record({ kind: 'log', component, stream: 'error.log', line });
    // nginx exits at once when its configuration does not load (code 1): the kubelet will restart it.
    deps.engine.schedule(0, () => options.crashed(`nginx could not start: ${line}`), 'nginx exit');
    return { listens: () => false, accept: () => ({ request: (_m, ex) => ex.reset('nginx is not running') }), exit: () => undefined, counters: () => ({}) };
  }
  const upstreams = new NginxUpstreams(deps.tcp(), component);
  const nginx = new NginxInstance({
    config: parsed.config,
    engine: deps.engine,
    trace: deps.trace,
    network: upstreams,
    name: component,
    random: rngFn(deps.random, `nginx:${component}:balancer`),
    files: spec.docs,
    address: ip,
  });
  const working: OpenExchanges = new Set();
  let running = true;
  let requests = 0;
  if (options.faults.crashLoop === true) {
    deps.engine.schedule(NGINX_CRASH_AFTER_MS, () => {
      if (running) options.crashed('nginx exited shortly after starting (crash loop)');
    }, 'nginx crash loop');
  }
  return {
    listens: (port) => running && ports.includes(port),
    accept: () => {
      requests++;
      return nginxConnection(nginx, upstreams, component, working);
    },
    exit: (why) => {
      running = false;
      // nginx's workers die with the container: every request they hold is reset.
      const held = [...working];
      working.clear();
      for (const exchange of held) exchange.reset(`${component}: ${why}`);
    },
    counters: () => ({ connections: requests, working: working.size }),
  };
}

function rngFn(random: Random, name: string): () => number {
  const rng = random.stream(name);
  return () => rng.next();
}
