/**
 * A full world: the fabric and its connections, DNS, machines, forward
 * proxies, the Kubernetes cluster with its NLB, and the traffic clients, all
 * on one engine, one trace and one seeded source of randomness. Components
 * talk only through the fabric (packets) and the models' callback
 * interfaces; the world's own code is wiring and routing.
 */
import { Engine, Random, Trace } from '../../sim';
import { isIpv4 } from '../../net';
import { TrafficClient, type LookupResult } from '../../models/client';
import type { TerminalHooks } from '../../models/shell';
import type { Scenario } from '../types';
import type { ComponentSnapshot, World, WorldOptions, WorldSnapshot } from '../world';
import { ClusterPart } from './cluster-part';
import { DnsPart } from './dns-part';
import { Fabric } from './fabric';
import { applyKubectl } from './apply';
import { applyFullCommand, type FaultDeps, type FullCommand } from './faults';
import { cutHook, faultCommand } from './faults-net';
import { Hosts } from './hosts';
import { applyNginxReload } from './nginx-reload';
import { addProxies, isLoopback, MachinePart } from './machine-part';
import { clientNet, type Lookup } from './net-adapters';
import { NlbPart } from './nlb-part';
import { DEFAULT_VPC_LATENCY, Placements } from './placement';
import { Tcp, type Router } from './tcp';
import { terminalHooks } from './terminal-part';

function serviceRef(ref: string): string {
  return ref.includes('/') ? ref : `default/${ref}`;
}

export function createFullWorld(scenario: Scenario, opts: WorldOptions): World {
  const engine = new Engine();
  const trace = new Trace(() => engine.now, { windowSize: opts.traceWindow });
  const random = new Random(opts.seed);
  const placements = new Placements(scenario.cluster?.latency ?? DEFAULT_VPC_LATENCY);
  const hosts = new Hosts(placements);
  const lostAzs = new Set<string>();
  const cutLinks = new Map<string, string>();
  const fabric = new Fabric(engine, trace, {
    latency: (a, b) => placements.latency(a, b),
    cut: cutHook(cutLinks),
    down: (component) => {
      if (lostAzs.size === 0) return undefined;
      const az = placements.azOf(component);
      return az !== undefined && lostAzs.has(az) ? `${component} is in ${az}, which is lost: nothing there answers` : undefined;
    },
  });
  // Parts built before the router need the connection layer later, when they first dial.
  const wired: { tcp?: Tcp } = {};
  const tcp = (): Tcp => {
    if (wired.tcp === undefined) throw new Error('the network is not wired yet');
    return wired.tcp;
  };
  const nlbs = new NlbPart(engine, trace, random, hosts, tcp, scenario.cluster?.region ?? 'eu-west-1', scenario.cluster?.loadBalancers ?? []);
  const dns =
    scenario.dns === undefined
      ? undefined
      : new DnsPart(scenario.dns, engine, trace, fabric, hosts, (svc) => nlbs.addresses(serviceRef(svc)), (svc) => nlbs.dnsName(serviceRef(svc)));
  const cluster = scenario.cluster === undefined ? undefined : new ClusterPart(scenario.cluster, { engine, trace, random, hosts, tcp, nlbs, apps: scenario.apps });
  if (cluster !== undefined) nlbs.watchEndpoints(cluster.cluster);

  const router: Router = {
    host: (id) => hosts.host(id),
    route: (syn) => {
      if (cluster !== undefined && cluster.isClusterIp(syn.dstIp)) {
        const node = cluster.nodeOf(syn.from);
        if (node === undefined) return { kind: 'drop', why: `${syn.dstIp} is a ClusterIP: only reachable from inside the cluster` };
        return cluster.routeClusterIp(node, syn);
      }
      if (isLoopback(syn.dstIp)) return machines.routeLoopback(syn.from, syn.dstIp, syn.dstPort);
      const owner = hosts.owner(syn.dstIp);
      if (owner === undefined || owner === syn.from) return { kind: 'drop', why: `no host has the address ${syn.dstIp}: the SYN goes nowhere` };
      return { kind: 'forward', next: owner };
    },
  };
  wired.tcp = new Tcp(fabric, engine, trace, router);

  const resolverOf = new Map<string, string>();
  const lookup: Lookup = (from, _clientIp, name, requestId, done: (r: LookupResult) => void) => {
    const resolver = resolverOf.get(from) ?? dns?.defaultResolver;
    if (dns === undefined || resolver === undefined) {
      engine.schedule(0, () => done({ ok: false, why: `no resolver configured for ${from}` }), 'lookup');
      return;
    }
    if (isIpv4(name)) {
      engine.schedule(0, () => done({ ok: true, addresses: [name], ttlS: 0, why: 'an address needs no lookup' }), 'lookup');
      return;
    }
    dns.lookup(from, resolver, name, requestId, done);
  };

  const machineDeps = { engine, trace, random, hosts, tcp };
  const machines = new MachinePart(scenario.machines, machineDeps, (name) => dns?.resolveNow(name));
  for (const p of scenario.proxies) if (p.resolver !== undefined) resolverOf.set(p.id, p.resolver);
  addProxies(scenario.proxies, machineDeps, lookup);

  const clients = scenario.traffic.map((spec) => {
    if (spec.resolver !== undefined) resolverOf.set(spec.id, spec.resolver);
    const proxySpec = spec.proxy === undefined ? undefined : scenario.proxies.find((p) => p.id === spec.proxy);
    const client = new TrafficClient(
      {
        id: spec.id,
        label: spec.label,
        kind: spec.kind,
        addresses: spec.addresses,
        host: spec.host,
        port: spec.port,
        mix: spec.mix,
        arrival: spec.arrival,
        timeoutMs: spec.timeoutMs,
        connectTimeoutMs: spec.connectTimeoutMs,
        hostCache: spec.hostCache ?? true,
        ...(proxySpec === undefined ? {} : { proxy: { ip: proxySpec.address, port: proxySpec.port, id: proxySpec.id } }),
      },
      { engine, trace, random, net: clientNet(tcp(), spec.id, lookup) },
    );
    hosts.add(
      {
        id: spec.id,
        kind: 'client',
        label: spec.label,
        address: spec.addresses.length === 1 ? (spec.addresses[0] ?? '') : `${spec.addresses[0]} (+${spec.addresses.length - 1})`,
        host: { id: spec.id, syn: () => ({ kind: 'reset', why: `${spec.id} is a client: nothing listens there` }) },
        state: () => client.state,
        counters: () => client.counters(),
      },
      { kind: 'internet', edgeMs: spec.linkMs },
      spec.addresses,
    );
    return { spec, client };
  });

  const azs = [...new Set((scenario.cluster?.nodes ?? []).map((n) => n.az))];
  const net = { engine, trace, nlbs, cutLinks, known: (c: string) => hosts.get(c) !== undefined, ...(dns === undefined ? {} : { dns }) };
  const faultDeps: FaultDeps = { engine, trace, machines, ...(cluster === undefined ? {} : { cluster }), lostAzs, azs, net };
  const inject = (command: FullCommand) => applyFullCommand(faultDeps, command);

  // Start: the cluster applies its objects, clients start their clocks, faults wait for their time.
  cluster?.start();
  for (const { spec, client } of clients) {
    client.start();
    if (spec.stopMs !== undefined) engine.scheduleAt(spec.stopMs, () => client.stop(`traffic stops at ${spec.stopMs} ms`), `stop ${spec.id}`);
  }
  for (const f of scenario.faults) {
    engine.scheduleAt(f.atMs, () => {
      try {
        inject(faultCommand<FullCommand>(f));
      } catch (error) {
        // A scheduled fault whose target has gone (a pod already replaced) is recorded, not thrown.
        trace.record({ kind: 'command', command: f.kind, target: f.target, why: `not applied: ${error instanceof Error ? error.message : String(error)}` });
      }
    }, `fault ${f.kind} ${f.target}`);
  }

  const snapshot = (): WorldSnapshot => ({
    t: engine.now,
    components: hosts.all().map(
      (c): ComponentSnapshot => ({ id: c.id, kind: c.kind, label: c.label, address: c.address, state: c.state(), counters: c.counters() }),
    ),
    links: fabric.links().map((l) => ({ id: l.id, from: l.from, to: l.to, latencyMs: l.latencyMs })),
  });

  // Made when the terminal first asks (nothing else does), so an embedded lab can load the terminal's code with it.
  let terminal: TerminalHooks | undefined;
  const terminalOf = (): TerminalHooks =>
    (terminal ??= terminalHooks({ engine, trace, random, hosts, tcp, scenario, nlbs, inject: (command) => applyNginxReload(faultDeps, command), ...(dns === undefined ? {} : { dns }), ...(cluster === undefined ? {} : { cluster }) }));

  return {
    engine,
    trace,
    seed: opts.seed,
    scenario,
    get terminal() {
      return terminalOf();
    },
    get now() {
      return engine.now;
    },
    step: () => engine.step(),
    runUntil: (ms) => engine.runUntil(ms),
    inject: (command) =>
      command.kind === 'nginx-reload' ? applyNginxReload(faultDeps, command) : command.kind === 'kubectl-apply' ? applyKubectl(faultDeps, command) : inject(command),
    snapshot,
  };
}
