/**
 * A direct world (`topology`): clients and servers joined by explicit links,
 * no DNS — the first step of the story (hello.yaml). Built on the net layer's
 * links and the thin-slice client and server machines.
 */
import { Engine, Random, Trace } from '../sim';
import { Network } from '../net';
import { ClientNode } from '../models/client';
import { ServerNode } from '../models/backend';
import { directTerminal } from '../models/shell/host';
import type { Scenario } from './types';
import { commandDef } from './commands';
import type { World, WorldOptions } from './world';

/** `198.51.100.10` on port 80, `198.51.100.10:8080` otherwise: the URL authority a client uses. */
function hostOf(server: ServerNode): string {
  return server.config.port === 80 ? server.config.address : server.endpoint;
}

export function createLegacyWorld(scenario: Scenario, opts: WorldOptions): World {
  const engine = new Engine();
  const trace = new Trace(() => engine.now, { windowSize: opts.traceWindow });
  const random = new Random(opts.seed);
  const network = new Network(engine, trace);
  const deps = { engine, trace, random, network };

  const servers = new Map<string, ServerNode>();
  for (const spec of scenario.topology.servers) {
    const server = new ServerNode(spec, deps);
    servers.set(spec.id, server);
    network.attach(server);
  }
  const clients = scenario.topology.clients.map((spec) => {
    const server = servers.get(spec.target);
    if (server === undefined) throw new Error(`client ${spec.id}: no server "${spec.target}"`);
    const client = new ClientNode(
      {
        id: spec.id,
        label: spec.label,
        address: spec.address,
        target: spec.target,
        host: hostOf(server),
        method: spec.requests.method,
        path: spec.requests.path,
        arrival: spec.requests.arrival,
        timeoutMs: spec.requests.timeoutMs,
      },
      deps,
    );
    network.attach(client);
    return client;
  });
  for (const link of scenario.topology.links) network.connect(link);
  for (const client of clients) client.start();
  const terminal = directTerminal({ engine, trace, network, servers: scenario.topology.servers.map((s) => ({ id: s.id, address: s.address, port: s.port })) });

  const world: World = {
    terminal: terminal.hooks,
    engine,
    trace,
    seed: opts.seed,
    scenario,
    get now() {
      return engine.now;
    },
    step: () => engine.step(),
    runUntil: (ms) => engine.runUntil(ms),
    inject(command) {
      const def = commandDef(command);
      const server = servers.get(command.target);
      if (server === undefined) {
        const known = [...servers.keys()].join(', ') || 'none';
        throw new Error(`${command.kind}: expected the id of a server (${known}), got "${command.target}"`);
      }
      trace.record({ kind: 'command', command: command.kind, target: command.target, why: def.why(command.target) });
      def.perform(server);
    },
    snapshot: () => ({
      t: engine.now,
      components: [
        ...clients.map((c) => ({
          id: c.id,
          kind: 'client' as const,
          label: c.config.label,
          address: c.config.address,
          state: c.state,
          counters: c.counters(),
        })),
        ...[...servers.values()].map((s) => ({
          id: s.id,
          kind: 'server' as const,
          label: s.config.label,
          address: s.endpoint,
          state: s.state,
          counters: s.counters(),
        })),
        ...terminal.components(),
      ],
      links: network.links.map((l) => ({ ...l.spec })),
    }),
  };
  // Scheduled crash/recover faults on servers, as engine events at their times.
  for (const f of scenario.faults) {
    engine.scheduleAt(f.atMs, () => world.inject({ kind: f.kind, target: f.target }), `fault ${f.kind} ${f.target}`);
  }
  return world;
}
