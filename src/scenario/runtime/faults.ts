/**
 * Faults in a full world, as a table of data (kind → what it does and the
 * sentence the trace records), applied at the world's current virtual time.
 * A fault with `forMs` schedules its own undo. Targets: a machine id,
 * `deployment/index` (the index-th live pod of the Deployment, oldest
 * first), a pod name, a node name or an AZ, by kind. DNS, NLB and link
 * faults are applied by `faults-net.ts`.
 */
import type { Engine, Trace } from '../../sim';
import type { AppFaults } from '../../models/backend';
import { DEFAULT_TOLERATION_SECONDS, NODE_MONITOR_GRACE_PERIOD_MS } from '../../models/k8s';
import type { FaultKind, FaultSettings } from '../types';
import type { ClusterPart } from './cluster-part';
import { podComponent } from './cluster-part';
import type { MachinePart } from './machine-part';
import { isNetFault, type NetFaultDeps, type OtherFaultKind } from './faults-net';
import { applyNetCommand } from './faults-net-apply';
import { applyClusterCommand, checkClusterCommand, clusterWhy } from './faults-cluster';

/** A command for `World.inject`: a fault or its undoing. */
export interface FullCommand extends FaultSettings {
  readonly kind: FaultKind;
  readonly target: string;
  readonly forMs?: number;
  readonly byMs?: number;
}

export interface FaultDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly machines: MachinePart;
  readonly cluster?: ClusterPart;
  readonly lostAzs: Set<string>;
  readonly azs: readonly string[];
  /** DNS, NLB and link faults (`faults-net.ts`). */
  readonly net?: NetFaultDeps;
}

type Target = { kind: 'machine'; id: string } | { kind: 'pod'; component: string; label: string };

/** What `target` names now, or an Error message. */
function resolveTarget(deps: FaultDeps, target: string): Target | string {
  if (deps.machines.process(target) !== undefined) return { kind: 'machine', id: target };
  const cluster = deps.cluster;
  if (cluster === undefined) return `expected the id of a machine, got "${target}"`;
  const indexed = /^(.+)\/(\d+)$/.exec(target);
  if (indexed !== null) {
    const pod = cluster.podsOf(indexed[1] ?? '')[Number(indexed[2])];
    if (pod === undefined) return `expected a live pod at ${target}, found none (the Deployment has ${cluster.podsOf(indexed[1] ?? '').length} live pods)`;
    return { kind: 'pod', component: podComponent(pod.ref), label: pod.name };
  }
  const byName = cluster.cluster.podList().find((p) => p.name === target || podComponent(p.ref) === target);
  if (byName !== undefined) return { kind: 'pod', component: podComponent(byName.ref), label: byName.name };
  return `expected a machine id, deployment/index (auth/0) or a pod name, got "${target}"`;
}

function appFaultFor(kind: FaultKind, byMs: number): Partial<AppFaults> | undefined {
  switch (kind) {
    case 'hang':
      return { hung: true };
    case 'slow':
      return { slowMs: byMs };
    case 'unhealthy':
      return { unhealthy: true };
    case 'heal':
      return { hung: false, slowMs: 0, unhealthy: false };
    default:
      return undefined;
  }
}

const UNDO: Partial<Record<FaultKind, Partial<AppFaults>>> = {
  hang: { hung: false },
  slow: { slowMs: 0 },
  unhealthy: { unhealthy: false },
};

const WHY: Readonly<Record<OtherFaultKind, (t: string, c: FullCommand) => string>> = {
  crash: (t, c) => (c.forMs === undefined ? `kill ${t}'s app process: what it holds is reset` : `${t}'s app crashes now and after every start, for ${c.forMs / 1000} s`),
  recover: (t) => `start ${t}'s app again (and stop any crash loop)`,
  hang: (t) => `${t}'s app hangs: it accepts connections and never answers`,
  slow: (t, c) => `${t}'s app answers ${c.byMs ?? 0} ms slower`,
  unhealthy: (t) => `${t}'s health endpoint fails; real requests are still served`,
  heal: (t) => `${t}'s app is healthy, quick and responsive again`,
  kill: (t) => `delete pod ${t}: it terminates and its Deployment replaces it`,
  drain: (t) => clusterWhy({ kind: 'drain', target: t }) ?? '',
  cordon: (t) => clusterWhy({ kind: 'cordon', target: t }) ?? '',
  uncordon: (t) => clusterWhy({ kind: 'uncordon', target: t }) ?? '',
  scale: (t, c) => clusterWhy({ kind: 'scale', target: t, ...(c.replicas === undefined ? {} : { replicas: c.replicas }) }) ?? '',
  'lose-az': (t) =>
    `lose ${t}: every node, pod and NLB node in it stops answering; Kubernetes marks its nodes NotReady after the ${NODE_MONITOR_GRACE_PERIOD_MS / 1000} s grace period and evicts their pods ${DEFAULT_TOLERATION_SECONDS} s later`,
  'restore-az': (t) => `${t} is back: its kubelets reach the control plane again and its nodes are Ready at their next heartbeat`,
};

/**
 * `drain`, `cordon`, `uncordon` or `scale` now: checked, recorded as a
 * `command` record, applied. The fault menu and the terminal's kubectl both
 * come here, so the trace reads the same whoever asked. Returns the check's
 * message when it cannot apply, else the undo for `forMs` (if any).
 */
export function applyNodeOrScale(trace: Trace, cluster: ClusterPart | undefined, command: FullCommand & { kind: 'drain' | 'cordon' | 'uncordon' | 'scale' }): string | (() => void) | undefined {
  const problem = checkClusterCommand(cluster, command);
  if (problem !== undefined || cluster === undefined) return problem ?? `${command.kind}: no cluster`;
  const why = WHY[command.kind](command.target, command);
  trace.record({ kind: 'command', command: command.kind, target: command.target, why });
  return applyClusterCommand(cluster, command, why);
}

/** Apply a command now; throws an Error saying what was expected when the target is wrong. */
export function applyFullCommand(deps: FaultDeps, command: FullCommand): void {
  if (isNetFault(command.kind)) {
    if (deps.net === undefined) throw new Error(`${command.kind}: this world has no network faults`);
    applyNetCommand(deps.net, { ...command, kind: command.kind });
    return;
  }
  const kind = command.kind as OtherFaultKind;
  if (!Object.hasOwn(WHY, kind)) throw new Error(`unknown command "${String(kind)}": expected one of ${Object.keys(WHY).join(', ')}`);
  const record = (target: string) =>
    deps.trace.record({ kind: 'command', command: kind, target: command.target, why: WHY[kind](target, command) });
  const later = (fn: () => void) => {
    if (command.forMs !== undefined) deps.engine.schedule(command.forMs, fn, `undo ${kind} ${command.target}`);
  };

  if (kind === 'lose-az' || kind === 'restore-az') {
    if (!deps.azs.includes(command.target)) throw new Error(`${kind}: expected an AZ (${deps.azs.join(', ')}), got "${command.target}"`);
    record(command.target);
    if (kind === 'lose-az') {
      deps.lostAzs.add(command.target);
      later(() => applyFullCommand(deps, { kind: 'restore-az', target: command.target }));
    } else deps.lostAzs.delete(command.target);
    deps.cluster?.setAzLost(command.target, kind === 'lose-az', WHY[kind](command.target, command));
    return;
  }
  if (kind === 'drain' || kind === 'cordon' || kind === 'uncordon' || kind === 'scale') {
    const undo = applyNodeOrScale(deps.trace, deps.cluster, { ...command, kind });
    if (typeof undo === 'string') throw new Error(undo);
    if (undo !== undefined) later(undo);
    return;
  }

  const target = resolveTarget(deps, command.target);
  if (typeof target === 'string') throw new Error(`${kind}: ${target}`);
  if (target.kind === 'machine') {
    const app = deps.machines.appOf(target.id);
    if (app === undefined) throw new Error(`${kind}: expected a machine that runs an app, got "${target.id}", which runs nginx`);
    if (kind === 'kill') throw new Error(`kill: expected a pod (deployment/index), got the machine "${target.id}"`);
    record(target.id);
    if (kind === 'crash') {
      app.crash('crash fault: the process was killed');
      later(() => applyFullCommand(deps, { kind: 'recover', target: target.id }));
    } else if (kind === 'recover') {
      if (app.state === 'crashed' || app.state === 'stopped') app.start('recover: the process was started again');
    } else {
      const faults = appFaultFor(kind, command.byMs ?? 1000);
      if (faults !== undefined) app.setFaults(faults, WHY[kind](target.id, command));
      const undo = UNDO[kind];
      if (undo !== undefined) later(() => app.setFaults(undo, `the ${kind} fault ended`));
    }
    return;
  }

  const cluster = deps.cluster;
  if (cluster === undefined) throw new Error(`${kind}: no cluster`);
  const slot = cluster.slot(target.component);
  if (slot === undefined) throw new Error(`${kind}: pod ${target.label} is gone`);
  record(target.label);
  switch (kind) {
    case 'kill':
      cluster.cluster.deletePod(slot.ref.namespace, slot.ref.name, 'kill fault: kubectl delete pod');
      return;
    case 'crash':
      if (command.forMs !== undefined) {
        cluster.setPodFaults(target.component, { crashLoop: true }, WHY.crash(target.label, command));
        later(() => cluster.setPodFaults(target.component, { crashLoop: false }, 'the crash-loop fault ended'));
      }
      cluster.crashPod(target.component, 'crash fault: the app process exited');
      return;
    case 'recover':
      cluster.setPodFaults(target.component, { crashLoop: false, hung: false }, WHY.recover(target.label, command));
      return;
    default: {
      const faults = appFaultFor(kind, command.byMs ?? 1000);
      if (faults !== undefined) cluster.setPodFaults(target.component, faults, WHY[kind](target.label, command));
      const undo = UNDO[kind];
      if (undo !== undefined) later(() => cluster.setPodFaults(target.component, undo, `the ${kind} fault ended`));
    }
  }
}
