/**
 * A world: one engine, one trace, one seeded source of randomness, and the
 * components a scenario describes, wired over links. Everything that happens
 * is an engine event, so `step()` advances by exactly one, and the same
 * scenario, seed and commands give the same trace, byte for byte.
 */
import { Engine, Random, Trace } from '../sim';
import { Network } from '../net';
import { ClientNode } from '../models/client';
import { ServerNode } from '../models/backend';
import type { Scenario } from './types';
import type { WorldCommand } from './commands';
import { commandDef } from './commands';

export interface WorldOptions {
  seed: number;
  /** Full trace records kept in memory (default: the trace's default). */
  traceWindow?: number;
}

export interface World {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly seed: number;
  readonly scenario: Scenario;
  /** Virtual time in milliseconds. */
  readonly now: number;
  /** Run exactly one engine event; false when nothing is left to run. */
  step(): boolean;
  /** Run every event due at or before `ms`; returns how many ran. */
  runUntil(ms: number): number;
  /** Apply a command now, recording it as a `command` trace record. Throws on an unknown kind or target. */
  inject(command: WorldCommand): void;
  snapshot(): WorldSnapshot;
}

export interface WorldSnapshot {
  t: number;
  components: ComponentSnapshot[];
  links: LinkSnapshot[];
}

export interface ComponentSnapshot {
  id: string;
  kind: 'client' | 'server';
  label: string;
  /** A client's IP; a server's `ip:port`, where it listens. */
  address: string;
  /** Machine state: `idle`/`active`/`stopped` for clients, `up`/`crashed` for servers. */
  state: string;
  counters: Record<string, number>;
}

export interface LinkSnapshot {
  id: string;
  from: string;
  to: string;
  latencyMs: number;
}

/** `198.51.100.10` on port 80, `198.51.100.10:8080` otherwise: the URL authority a client uses. */
function hostOf(server: ServerNode): string {
  return server.config.port === 80 ? server.config.address : server.endpoint;
}

/** Build a world from a checked scenario. Clients start at t = 0; nothing runs until stepped. */
export function createWorld(scenario: Scenario, opts: WorldOptions): World {
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

  return {
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
      ],
      links: network.links.map((l) => ({ ...l.spec })),
    }),
  };
}
