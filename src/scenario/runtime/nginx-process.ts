/**
 * nginx as the program of a pod or a machine: started from its files, and
 * reloaded the way `nginx -s reload` does it. The master checks the new
 * configuration first; one that fails keeps the old workers serving, with
 * the `nginx: [emerg] … in FILE:LINE` line in the error log. One that passes
 * starts new workers (fresh upstream state: failure counts, round-robin
 * weights) that take every request from then on, while the old workers
 * finish the requests they already hold, as real nginx's old workers do.
 */
import type { Random, Trace } from '../../sim';
import type { AppFaults } from '../../models/backend';
import { parseNginxConfig, formatConfigError } from '../../models/nginx/config';
import type { NginxConfig } from '../../models/nginx/model';
import { NginxInstance } from '../../models/nginx/process';
import { NginxUpstreams } from './net-adapters';
import { nginxConnection, type OpenExchanges } from './servers';
import type { NginxSpec } from '../types';
import type { ProcessDeps, RunningProcess, StartupResolve } from './pod-process';

/** nginx's files: name relative to /etc/nginx → text, and the one it reads first. */
export interface NginxFiles {
  readonly files: Readonly<Record<string, string>>;
  readonly entry: string;
}

/** What the master's configuration check says: the parsed configuration, or the `nginx -t` line. */
export type NginxCheck = { ok: true; config: NginxConfig } | { ok: false; line: string };

/** The hooks a running nginx gives for reloads. */
export interface NginxControl {
  /** Start new workers on `config` (already checked); the old ones finish what they hold. */
  reload(config: NginxConfig): void;
  /** How many times it has been reloaded. */
  readonly reloads: number;
}

/** `files` with `file` replaced by `text` (a full nginx.conf becomes the entry). */
export function editedFiles(current: NginxFiles, file: string, text: string): NginxFiles {
  return { files: { ...current.files, [file]: text }, entry: file === 'nginx.conf' ? 'nginx.conf' : current.entry };
}

/**
 * Check files as nginx's master does at start and on reload (upstream names
 * resolved through `resolve`). A failure is written to the error log.
 */
export function checkNginx(files: NginxFiles, resolve: StartupResolve, trace: Trace, component: string): NginxCheck {
  const parsed = parseNginxConfig({ ...files.files }, files.entry, { resolve });
  if (parsed.ok) return { ok: true, config: parsed.config };
  const line = formatConfigError({ ...parsed.error, file: `/etc/nginx/${parsed.error.file.replace(/^\/etc\/nginx\//, '')}` });
  trace.record({ kind: 'log', component, stream: 'error.log', line });
  return { ok: false, line };
}

/** How soon a crash-looping nginx dies after starting. */
const NGINX_CRASH_AFTER_MS = 1000;

/** Pids a generation of workers takes: new workers get new pids after a reload. */
const PIDS_PER_GENERATION = 100;

/** Start nginx from `spec`; it exits at once (through `crashed`) when its configuration does not load. */
export function startNginx(
  spec: NginxSpec,
  component: string,
  ip: string,
  ports: readonly number[],
  deps: ProcessDeps,
  options: { faults: Partial<AppFaults>; resolve: StartupResolve; crashed: (why: string) => void },
): RunningProcess {
  const checked = checkNginx(spec, options.resolve, deps.trace, component);
  if (!checked.ok) {
    // nginx exits at once when its configuration does not load (code 1): the kubelet will restart it.
    deps.engine.schedule(0, () => options.crashed(`nginx could not start: ${checked.line}`), 'nginx exit');
    return { listens: () => false, accept: () => ({ request: (_m, ex) => ex.reset('nginx is not running') }), exit: () => undefined, counters: () => ({}) };
  }
  // One network adapter for every generation: its source ports must not repeat while old workers still hold connections.
  const upstreams = new NginxUpstreams(deps.tcp(), component);
  const random = rngFn(deps.random, `nginx:${component}:balancer`);
  const instance = (config: NginxConfig, generation: number) =>
    new NginxInstance({ config, engine: deps.engine, trace: deps.trace, network: upstreams, name: component, random, files: spec.docs, address: ip, pid: 1000 + generation * PIDS_PER_GENERATION });
  let current = instance(checked.config, 0);
  let reloads = 0;
  const working: OpenExchanges = new Set();
  let running = true;
  let requests = 0;
  if (options.faults.crashLoop === true) {
    deps.engine.schedule(NGINX_CRASH_AFTER_MS, () => {
      if (running) options.crashed('nginx exited shortly after starting (crash loop)');
    }, 'nginx crash loop');
  }
  const control: NginxControl = {
    reload: (config) => {
      reloads++;
      current = instance(config, reloads);
    },
    get reloads() {
      return reloads;
    },
  };
  return {
    nginx: control,
    listens: (port) => running && ports.includes(port),
    accept: () => {
      requests++;
      // Each request goes to the workers current when it arrives; one in progress stays with its own.
      return nginxConnection(() => current, upstreams, component, working);
    },
    exit: (why) => {
      running = false;
      // nginx's workers die with the container: every request they hold is reset.
      const held = [...working];
      working.clear();
      for (const exchange of held) exchange.reset(`${component}: ${why}`);
    },
    counters: () => ({ connections: requests, working: working.size, ...(reloads > 0 ? { reloads } : {}) }),
  };
}

function rngFn(random: Random, name: string): () => number {
  const rng = random.stream(name);
  return () => rng.next();
}
