/**
 * The fault catalogue: every fault and repair an instructor can give, as
 * registered data (the shape of Excalidraw's actions). Each entry says what
 * it is, which parts of the world it can hit (computed from the snapshot
 * and the scenario), and which world command it gives; `perform` turns a
 * plan into the plan with the fault given now, `scheduled` into an entry of
 * the scenario's `faults:` list for a virtual time (undone by the world
 * after `forMs`).
 *
 * An entry names the `World.inject` kind it needs. The worlds grow the kinds
 * they accept; an entry whose kind this world does not accept yet is listed
 * as unavailable, with the kind it waits for, instead of failing when
 * pressed.
 */
import type { Command, RunPlan } from './plan';
import { give } from './plan';
import { dnsNames, deployments, links, loadBalancers, nodes, pods, PROCESSES, recordValues, zones, type Target, type TargetSource } from './targets';

export type { Target, TargetSource } from './targets';
export { scheduleTargets } from './targets';

/** A number a fault takes besides its target (slow's extra latency, a TTL, a replica count). */
export interface OptionDef {
  readonly key: string;
  readonly label: string;
  readonly unit: 'ms' | 's' | 'count';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A value a fault takes that the world offers a list of (where `dns-record`
 * points a name: a machine's address, an NLB alias), kept as text in the
 * command. The menu shows a select; the first value is the default.
 */
export interface ChoiceDef {
  readonly key: string;
  readonly label: string;
  values(world: TargetSource): Target[];
}

export interface FaultDef {
  /** Stable id, used in links and hotkeys. */
  readonly id: string;
  readonly name: string;
  /** One sentence: what it does to the target, as a student would see it. */
  readonly description: string;
  readonly role: 'fault' | 'repair';
  /** The `World.inject` kind it gives. */
  readonly kind: string;
  /** The id of the catalogue entry that undoes it, when there is one. */
  readonly repair?: string;
  readonly options?: readonly OptionDef[];
  readonly choices?: readonly ChoiceDef[];
  /** What it can hit in this world, now. */
  targets(world: TargetSource): Target[];
}

/** The catalogue, in menu order (which is also hotkey order). */
export const CATALOGUE: readonly FaultDef[] = [
  {
    id: 'crash',
    name: 'Crash',
    description: 'Kill the process: requests it holds are reset, new connections are refused (a pod restarts, with CrashLoopBackOff if it keeps failing).',
    role: 'fault',
    kind: 'crash',
    repair: 'recover',
    targets: PROCESSES,
  },
  {
    id: 'hang',
    name: 'Hang',
    description: 'The process accepts connections and never answers: clients and proxies wait for their timeouts.',
    role: 'fault',
    kind: 'hang',
    repair: 'heal',
    targets: PROCESSES,
  },
  {
    id: 'slow',
    name: 'Slow down',
    description: 'Every response comes later by the given time.',
    role: 'fault',
    kind: 'slow',
    repair: 'heal',
    options: [{ key: 'byMs', label: 'extra latency', unit: 'ms', default: 500, min: 1, max: 600_000 }],
    targets: PROCESSES,
  },
  {
    id: 'unhealthy',
    name: 'Fail /health only',
    description: 'GET /health answers 500 while real traffic is still served: probes and health checks take it out.',
    role: 'fault',
    kind: 'unhealthy',
    repair: 'heal',
    targets: PROCESSES,
  },
  {
    id: 'kill',
    name: 'Delete pod',
    description: 'Delete the pod (kubectl delete pod): its Deployment starts a replacement, with a new IP.',
    role: 'fault',
    kind: 'kill',
    targets: pods,
  },
  {
    id: 'drain',
    name: 'Drain node',
    description: 'Cordon the node and evict its pods: they are rescheduled on the other nodes.',
    role: 'fault',
    kind: 'drain',
    repair: 'uncordon',
    targets: nodes,
  },
  {
    id: 'lose-az',
    name: 'Lose an AZ',
    description: 'Everything in the availability zone becomes unreachable: its NLB node, its Kubernetes nodes and their pods. Kubernetes marks the nodes NotReady after 40 s and evicts their pods 5 minutes later.',
    role: 'fault',
    kind: 'lose-az',
    repair: 'restore-az',
    targets: zones,
  },
  {
    id: 'dns-ttl',
    name: 'Change DNS TTL',
    description: 'Set the TTL of a DNS record: caches keep the old answer until it expires.',
    role: 'fault',
    kind: 'dns-ttl',
    options: [{ key: 'ttlS', label: 'TTL', unit: 's', default: 300, min: 0, max: 86_400 }],
    targets: dnsNames,
  },
  {
    id: 'dns-record',
    name: 'Change DNS record',
    description: 'Point the name at another address (or the NLB): resolvers and browsers keep the old answer until its TTL runs out.',
    role: 'fault',
    kind: 'dns-record',
    choices: [{ key: 'value', label: 'new value', values: recordValues }],
    targets: dnsNames,
  },
  {
    id: 'scale',
    name: 'Scale Deployment',
    description: 'Set the replica count of a Deployment (kubectl scale): pods are started or terminated.',
    role: 'fault',
    kind: 'scale',
    options: [{ key: 'replicas', label: 'replicas', unit: 'count', default: 1, min: 0, max: 50 }],
    targets: deployments,
  },
  {
    id: 'nlb-health',
    name: 'NLB health check',
    description: 'Change the NLB target group health checks (from each target\'s next check): slower checks or more failures needed notice a dead target later.',
    role: 'fault',
    kind: 'nlb-health-check',
    // AWS's ranges (the world refuses others); the timeout default fits every interval.
    options: [
      { key: 'intervalS', label: 'interval', unit: 's', default: 30, min: 5, max: 300 },
      { key: 'timeoutS', label: 'timeout', unit: 's', default: 5, min: 2, max: 120 },
      { key: 'healthyThreshold', label: 'healthy after', unit: 'count', default: 3, min: 2, max: 10 },
      { key: 'unhealthyThreshold', label: 'unhealthy after', unit: 'count', default: 3, min: 2, max: 10 },
    ],
    targets: loadBalancers,
  },
  {
    id: 'cut-link',
    name: 'Cut link',
    description: 'Packets on the link between the two are lost, in both directions.',
    role: 'fault',
    kind: 'cut-link',
    repair: 'restore-link',
    targets: links,
  },
  {
    id: 'cordon',
    name: 'Cordon node',
    description: 'Mark the node unschedulable (kubectl cordon): its pods stay, new pods go to the other nodes.',
    role: 'fault',
    kind: 'cordon',
    repair: 'uncordon',
    targets: nodes,
  },
  {
    id: 'recover',
    name: 'Recover',
    description: 'Start the process again (undoes a crash, and a crash loop).',
    role: 'repair',
    kind: 'recover',
    targets: PROCESSES,
  },
  {
    id: 'heal',
    name: 'Heal',
    description: 'The app answers again, at its usual speed, and /health passes (undoes hang, slow and fail /health).',
    role: 'repair',
    kind: 'heal',
    targets: PROCESSES,
  },
  {
    id: 'uncordon',
    name: 'Uncordon node',
    description: 'The node takes new pods again.',
    role: 'repair',
    kind: 'uncordon',
    targets: nodes,
  },
  {
    id: 'restore-az',
    name: 'Restore AZ',
    description: 'The availability zone is reachable again.',
    role: 'repair',
    kind: 'restore-az',
    targets: zones,
  },
  {
    id: 'restore-link',
    name: 'Restore link',
    description: 'The link carries packets again.',
    role: 'repair',
    kind: 'restore-link',
    targets: links,
  },
];

/** The entry with this id, or undefined. */
export function faultById(id: string): FaultDef | undefined {
  return CATALOGUE.find((f) => f.id === id);
}

/** Whether the world accepts the entry's command kind. */
export function isAvailable(def: FaultDef, accepted: ReadonlySet<string>): boolean {
  return accepted.has(def.kind);
}

/** Options as given, with defaults filled in and values clamped to their range. */
export function optionValues(def: FaultDef, given: Readonly<Record<string, number>> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of def.options ?? []) {
    const v = given[o.key];
    out[o.key] = v === undefined || !Number.isFinite(v) ? o.default : Math.min(o.max, Math.max(o.min, v));
  }
  return out;
}

/** The chosen values of the entry's choices (those given and not empty). */
export function choiceValues(def: FaultDef, given: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of def.choices ?? []) {
    const v = given[c.key];
    if (v !== undefined && v !== '') out[c.key] = v;
  }
  return out;
}

/** The world command this entry gives to `target`. */
export function commandFor(def: FaultDef, target: string, options: Readonly<Record<string, number>> = {}, choices: Readonly<Record<string, string>> = {}): Command {
  return { kind: def.kind, target, ...optionValues(def, options), ...choiceValues(def, choices) };
}

/** Give the fault now: the plan with the command added at (`atMs`, after `events` engine events). */
export function perform(plan: RunPlan, def: FaultDef, target: string, at: { atMs: number; events: number }, options?: Readonly<Record<string, number>>): RunPlan {
  return give(plan, commandFor(def, target, options), at.atMs, at.events);
}

/** A fault prepared for a virtual time, as the scenario's `faults:` list holds it. */
export interface ScheduledFault {
  readonly atMs: number;
  readonly command: Command;
  /** The world undoes it after this long. */
  readonly forMs?: number;
}

/** Kinds a full world undoes by itself after `forMs` (see the scenario format's `for`). */
const UNDONE_AFTER_FOR = new Set(['crash', 'hang', 'slow', 'unhealthy', 'drain', 'cordon', 'lose-az', 'cut-link', 'scale']);

/** Whether a scheduled `def` can carry a `for` that the world undoes it after. */
export function takesFor(def: FaultDef): boolean {
  return UNDONE_AFTER_FOR.has(def.kind);
}

/** The fault prepared for virtual time `atMs`, with its options and choices; with `forMs`, the world undoes it that much later (entries it cannot undo ignore it). */
export function scheduled(def: FaultDef, target: string, atMs: number, options?: Readonly<Record<string, number>>, forMs?: number, choices?: Readonly<Record<string, string>>): ScheduledFault {
  const undo = takesFor(def) && forMs !== undefined && forMs > 0;
  return { atMs, command: commandFor(def, target, options, choices), ...(undo ? { forMs } : {}) };
}
