/**
 * Machines on the internet (an app server, or nginx as a reverse proxy) and
 * forward proxies, as components of a full world. A machine's app is up from
 * the start; crashed, it stays down until someone starts it again — there is
 * no kubelet on a plain server, which is the single-server story's point.
 *
 * A machine that runs nginx may run an app beside it (`localApp`): the app
 * is a component of its own, one loopback hop from nginx, reached only on
 * 127.0.0.1 (nginx's `proxy_pass http://localhost:3000`). `localhost`
 * resolves to 127.0.0.1 alone, as /etc/hosts says on Debian.
 */
import type { Engine, Random, Trace } from '../../sim';
import { ForwardProxy } from '../../models/proxy';
import type { AppProcess, AppSpec } from '../../models/backend';
import { DEFAULT_LOG_EPOCH_MS } from '../../models/nginx/process';
import type { MachineSpec, ProxySpec } from '../types';
import type { Hosts } from './hosts';
import { clientNet, type Lookup } from './net-adapters';
import type { NginxFiles } from './nginx-process';
import { startProgram, type RunningProcess } from './pod-process';
import { proxyConnection } from './servers';
import type { Tcp } from './tcp';
import type { SynVerdict } from './tcp-types';

/** The loopback network, 127.0.0.0/8. */
export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

export interface MachineDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly hosts: Hosts;
  readonly tcp: () => Tcp;
}

export class MachinePart {
  private readonly processes = new Map<string, RunningProcess>();
  /** The files each nginx machine runs (as started, or as last reloaded). */
  private readonly nginxFiles = new Map<string, NginxFiles>();
  /** Apps beside nginx, by machine id: component, port and process. */
  private readonly localApps = new Map<string, { component: string; port: number; process: RunningProcess }>();
  /** getaddrinfo at start-up and on reload, for nginx's upstream names: /etc/hosts first, then public DNS (undefined: not found). */
  readonly resolve: (name: string) => string[] | undefined;

  constructor(
    machines: readonly MachineSpec[],
    private readonly deps: MachineDeps,
    /** Public DNS, for names /etc/hosts does not have. */
    publicDns: (name: string) => string[] | undefined = () => undefined,
  ) {
    const resolve = (name: string): string[] | undefined => (name.toLowerCase() === 'localhost' ? ['127.0.0.1'] : publicDns(name));
    this.resolve = resolve;
    for (const m of machines) {
      // The app first, so that nginx finds it listening from the start.
      if (m.localApp !== undefined) this.addLocalApp(m, m.localApp.component, m.localApp.port, m.localApp.app);
      if (m.role.kind === 'nginx') this.nginxFiles.set(m.id, m.role.nginx);
      const process = startProgram(m.role.kind === 'app' ? { kind: 'app', app: m.role.app } : { kind: 'nginx', nginx: m.role.nginx }, m.id, m.address, [m.port], deps, {
        faults: {},
        // nginx resolves upstream names once, at start, through public DNS.
        resolve,
        crashed: () => undefined,
        recordStates: true,
        running: true,
      });
      this.processes.set(m.id, process);
      deps.hosts.add(
        {
          id: m.id,
          kind: 'machine',
          label: m.label,
          address: `${m.address}:${m.port}`,
          host: {
            id: m.id,
            syn: (syn) => {
              if (process.listens(syn.dstPort)) return { kind: 'accept', server: process.accept() };
              const why = process.app !== undefined && !process.app.listening ? `${m.id} is ${process.app.state}` : `nothing listens on port ${syn.dstPort}`;
              return { kind: 'reset', why: `nothing listens on ${syn.dstIp}:${syn.dstPort}: ${why}` };
            },
          },
          state: () => process.app?.state ?? 'running',
          counters: () => process.counters(),
          details: () => ({ runs: m.role.kind }),
        },
        { kind: 'internet', edgeMs: m.linkMs },
        [m.address],
      );
    }
  }

  private addLocalApp(m: MachineSpec, component: string, port: number, app: AppSpec): void {
    const process = startProgram({ kind: 'app', app }, component, '127.0.0.1', [port], this.deps, {
      faults: {},
      resolve: () => undefined,
      crashed: () => undefined,
      recordStates: true,
      running: true,
    });
    this.localApps.set(m.id, { component, port, process });
    this.deps.hosts.add(
      {
        id: component,
        kind: 'machine',
        label: `app on ${m.label}`,
        address: `127.0.0.1:${port}`,
        host: {
          id: component,
          syn: (syn) => {
            if (process.listens(syn.dstPort)) return { kind: 'accept', server: process.accept() };
            const why = process.app !== undefined && !process.app.listening ? `${component} is ${process.app.state}` : `nothing listens on port ${syn.dstPort}`;
            return { kind: 'reset', why: `nothing listens on ${syn.dstIp}:${syn.dstPort}: ${why}` };
          },
        },
        state: () => process.app?.state ?? 'running',
        counters: () => process.counters(),
        details: () => ({ runs: 'app', machine: m.id }),
      },
      { kind: 'internet', edgeMs: m.linkMs },
      [],
    );
    this.deps.hosts.colocate(component, m.id);
  }

  /**
   * The first hop of a SYN from `from` to a loopback address: the app beside
   * it when one listens on that port (the source becomes 127.0.0.1, as the
   * kernel picks it), else refused at once, as an empty loopback port is.
   */
  routeLoopback(from: string, dstIp: string, dstPort: number): SynVerdict {
    const local = this.localApps.get(from);
    if (local !== undefined && local.port === dstPort) return { kind: 'forward', next: local.component, srcIp: '127.0.0.1' };
    return { kind: 'reset', why: `nothing listens on ${dstIp}:${dstPort} on ${from}` };
  }

  /** The app a fault on `id` acts on: a machine's app, or the app beside its nginx. */
  appOf(id: string): AppProcess | undefined {
    return this.processes.get(id)?.app ?? this.localApps.get(id)?.process.app;
  }

  /** Machines that run nginx. */
  nginxMachines(): string[] {
    return [...this.nginxFiles.keys()];
  }

  /** The files a machine's nginx runs, or undefined when it runs an app. */
  machineNginx(id: string): NginxFiles | undefined {
    return this.nginxFiles.get(id);
  }

  /** A machine's nginx was reloaded with `files`. */
  setNginxFiles(id: string, files: NginxFiles): void {
    if (this.nginxFiles.has(id)) this.nginxFiles.set(id, files);
  }

  /** The running process of a machine, for faults. */
  process(id: string): RunningProcess | undefined {
    return this.processes.get(id);
  }
}

/** Forward proxies: each resolves with its own resolver and connects from its own address. */
export function addProxies(proxies: readonly ProxySpec[], deps: MachineDeps, lookup: Lookup): Map<string, ForwardProxy> {
  const out = new Map<string, ForwardProxy>();
  for (const p of proxies) {
    const proxy = new ForwardProxy(
      { id: p.id, ip: p.address, port: p.port, connectTimeoutMs: p.connectTimeoutMs, readTimeoutMs: p.readTimeoutMs, forwardedFor: p.forwardedFor, logEpochMs: DEFAULT_LOG_EPOCH_MS },
      { engine: deps.engine, trace: deps.trace, net: clientNet(deps.tcp(), p.id, lookup) },
    );
    out.set(p.id, proxy);
    deps.hosts.add(
      {
        id: p.id,
        kind: 'proxy',
        label: p.label,
        address: `${p.address}:${p.port}`,
        host: {
          id: p.id,
          syn: (syn) => (syn.dstPort === p.port ? { kind: 'accept', server: proxyConnection(proxy) } : { kind: 'reset', why: `the proxy listens on ${p.port} only` }),
        },
        state: () => 'up',
        counters: () => proxy.counters(),
      },
      { kind: 'internet', edgeMs: p.linkMs },
      [p.address],
    );
  }
  return out;
}
