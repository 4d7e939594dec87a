/**
 * A world: one engine, one trace, one seeded source of randomness, and the
 * components a scenario describes. Everything that happens is an engine
 * event, so `step()` advances by exactly one, and the same scenario, seed and
 * commands give the same trace, byte for byte.
 *
 * A scenario with `topology` builds a direct world (`legacy-world.ts`); any
 * other builds a full one (`runtime/full-world.ts`). Both keep this contract.
 */
import type { Engine, Trace } from '../sim';
import type { TerminalHooks } from '../models/shell';
import type { Scenario } from './types';
import type { AnyWorldCommand } from './commands';
import { createLegacyWorld } from './legacy-world';
import { createFullWorld } from './runtime/full-world';

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
  /**
   * Apply a command now, recording it as a `command` trace record. Throws on an
   * unknown kind or target. A reload whose configuration fails the check does
   * not throw: it is recorded as refused (`RELOAD_REFUSED`) and changes nothing.
   */
  inject(command: AnyWorldCommand): void;
  snapshot(): WorldSnapshot;
  /** What the terminal (models/shell) can ask of this world beyond its clock and trace. */
  readonly terminal?: TerminalHooks;
}

export interface WorldSnapshot {
  t: number;
  components: ComponentSnapshot[];
  links: LinkSnapshot[];
}

/**
 * Kinds: `client` and `server` (direct worlds); `resolver`, `dns-server`,
 * `machine`, `proxy`, `nlb-node`, `node` and `pod` (full worlds; clients
 * there are `client` too).
 */
export type ComponentKind = 'client' | 'server' | 'resolver' | 'dns-server' | 'machine' | 'proxy' | 'nlb-node' | 'node' | 'pod';

export interface ComponentSnapshot {
  id: string;
  kind: ComponentKind;
  label: string;
  /** A client's IP; a server's `ip:port`, where it listens. */
  address: string;
  /**
   * Lifecycle state: `idle`/`active`/`stopped` for clients, `up`/`crashed` for
   * direct servers, `running`/`crashed`/`starting` for machines' apps, the
   * `kubectl get pods` STATUS for pods (`Running`, `CrashLoopBackOff`…),
   * `in DNS`/`out of DNS` for NLB nodes.
   */
  state: string;
  counters: Record<string, number>;
}

export interface LinkSnapshot {
  id: string;
  from: string;
  to: string;
  latencyMs: number;
}

/** Build a world from a checked scenario. Clients start at t = 0; nothing runs until stepped. */
export function createWorld(scenario: Scenario, opts: WorldOptions): World {
  const direct = scenario.topology.clients.length + scenario.topology.servers.length > 0;
  return direct ? createLegacyWorld(scenario, opts) : createFullWorld(scenario, opts);
}
