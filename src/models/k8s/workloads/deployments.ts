/**
 * Deployments in a running cluster: each owns one ReplicaSet per pod
 * template it has had (`<name>-<pod-template-hash>`). The Deployment
 * controller sets each ReplicaSet's replica count (a scale, or a rolling
 * update step from `rollout.ts`); the ReplicaSet controller then creates or
 * deletes pods to match (`replicas.ts`). Reconciling is folded per engine
 * instant and runs after the event that asked for it, so a pod that is being
 * deleted is already counted as terminating.
 */
import type { Engine, Trace } from '../../../sim';
import type { DefaultedDeployment, DefaultedPodTemplate } from '../api/types';
import type { PodTiming } from '../pod/pod.types';
import { podTemplateHash } from './names';
import type { ReplicaPod } from './replicas';
import { planReplicas } from './replicas';
import { planRecreate, planRollout } from './rollout';

/** One ReplicaSet of a Deployment. */
export interface ReplicaSetState {
  readonly name: string;
  /** `pod-template-hash`. */
  readonly hash: string;
  readonly template: DefaultedPodTemplate;
  replicas: number;
}

/** A Deployment and its ReplicaSets, as the controller keeps them. */
export interface DeploymentState {
  spec: DefaultedDeployment;
  /** `pod-template-hash` of the current template. */
  hash: string;
  /** The current template's ReplicaSet. */
  replicaSet: string;
  timing: PodTiming;
  replicas: number;
  /** Every ReplicaSet, oldest first (the current one included). */
  readonly replicaSets: ReplicaSetState[];
}

/** What a new pod is made from. */
export interface PodSource {
  readonly deployment: DeploymentState;
  readonly replicaSet: ReplicaSetState;
}

/** What the controller needs from the cluster. */
export interface DeploymentHost {
  readonly engine: Engine;
  readonly trace: Trace;
  podsOf(owner: string): readonly ReplicaPod[];
  createPod(source: PodSource, why: string): void;
  deletePod(namespace: string, name: string, why: string): void;
}

/** What an update of a Deployment changed. */
export type DeploymentChange = 'unchanged' | 'scaled' | 'rollout';

/** Most Deployment steps taken at one instant: each step only moves towards the goal, this is a safety net. */
const MAX_STEPS_PER_INSTANT = 50;

/** Keeps every Deployment at its replica count and template. */
export class DeploymentController {
  private readonly byKey = new Map<string, DeploymentState>();
  private readonly pending = new Set<string>();
  private readonly steps = new Map<string, { at: number; count: number }>();

  constructor(private readonly host: DeploymentHost) {}

  get(key: string): DeploymentState | undefined {
    return this.byKey.get(key);
  }

  all(): DeploymentState[] {
    return [...this.byKey.values()];
  }

  add(spec: DefaultedDeployment, timing: PodTiming): DeploymentState {
    const hash = podTemplateHash(spec.template);
    const replicaSet: ReplicaSetState = { name: `${spec.metadata.name}-${hash}`, hash, template: spec.template, replicas: spec.replicas };
    const state: DeploymentState = { spec, hash, replicaSet: replicaSet.name, timing, replicas: spec.replicas, replicaSets: [replicaSet] };
    const key = `${spec.metadata.namespace}/${spec.metadata.name}`;
    this.byKey.set(key, state);
    this.requestReconcile(key);
    return state;
  }

  scale(key: string, replicas: number, why: string): boolean {
    const d = this.byKey.get(key);
    if (d === undefined) return false;
    this.host.trace.record({ kind: 'state', component: `deployment:${key}`, from: `replicas ${d.replicas}`, to: `replicas ${replicas}`, why });
    d.replicas = replicas;
    this.requestReconcile(key);
    return true;
  }

  /** `kubectl apply` of an existing Deployment: a new replica count scales, a new pod template rolls out. */
  update(spec: DefaultedDeployment, why: string): DeploymentChange {
    const key = `${spec.metadata.namespace}/${spec.metadata.name}`;
    const d = this.byKey.get(key);
    if (d === undefined) return 'unchanged';
    const hash = podTemplateHash(spec.template);
    let change: DeploymentChange = 'unchanged';
    if (hash !== d.hash) {
      let rs = d.replicaSets.find((r) => r.hash === hash);
      if (rs === undefined) {
        rs = { name: `${spec.metadata.name}-${hash}`, hash, template: spec.template, replicas: 0 };
        d.replicaSets.push(rs);
      }
      this.host.trace.record({ kind: 'state', component: `deployment:${key}`, from: `template ${d.hash}`, to: `template ${hash}`, why: `${why}: the pod template changed: rolling update from ReplicaSet ${d.replicaSet} to ${rs.name}` });
      d.hash = hash;
      d.replicaSet = rs.name;
      change = 'rollout';
    }
    if (spec.replicas !== d.replicas) {
      this.host.trace.record({ kind: 'state', component: `deployment:${key}`, from: `replicas ${d.replicas}`, to: `replicas ${spec.replicas}`, why });
      d.replicas = spec.replicas;
      if (change === 'unchanged') change = 'scaled';
    }
    d.spec = spec;
    this.requestReconcile(key);
    return change;
  }

  requestReconcile(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.host.engine.schedule(0, () => {
      this.pending.delete(key);
      this.reconcile(key);
    }, `reconcile ${key}`);
  }

  private reconcile(key: string): void {
    const d = this.byKey.get(key);
    if (d === undefined) return;
    const pods = this.host.podsOf(key);
    const podsOf = (rs: ReplicaSetState) => pods.filter((p) => p.hash === rs.hash);
    const view = (rs: ReplicaSetState) => ({ name: rs.name, replicas: rs.replicas, available: podsOf(rs).filter((p) => p.ready && !p.terminating).length });
    const current = d.replicaSets.find((r) => r.hash === d.hash);
    if (current === undefined) return;
    const old = d.replicaSets.filter((r) => r !== current);
    const strategy = d.spec.strategy;
    const step =
      strategy?.type === 'Recreate'
        ? planRecreate(d.replicas, view(current), old.map((rs) => ({ ...view(rs), pods: podsOf(rs).length })))
        : planRollout({ desired: d.replicas, current: view(current), old: old.map(view), ...(strategy === undefined ? {} : { maxSurge: strategy.maxSurge, maxUnavailable: strategy.maxUnavailable }) });
    const changed = Object.keys(step.scale).length > 0;
    if (changed) {
      this.host.trace.record({ kind: 'decision', component: `deployment:${key}`, decision: 'scale replica sets', why: step.why });
      for (const rs of d.replicaSets) rs.replicas = step.scale[rs.name] ?? rs.replicas;
    }
    for (const rs of d.replicaSets) this.reconcileReplicaSet(key, d, rs, podsOf(rs));
    if (changed && this.takeStep(key)) this.requestReconcile(key);
  }

  private reconcileReplicaSet(key: string, d: DeploymentState, rs: ReplicaSetState, pods: readonly ReplicaPod[]): void {
    const plan = planReplicas(`${key} (ReplicaSet ${rs.name})`, rs.replicas, pods);
    if (plan.kind === 'none') return;
    this.host.trace.record({ kind: 'decision', component: `deployment:${key}`, decision: plan.kind === 'create' ? `create ${plan.count}` : `delete ${plan.pods.length}`, why: plan.why });
    if (plan.kind === 'create') for (let i = 0; i < plan.count; i++) this.host.createPod({ deployment: d, replicaSet: rs }, plan.why);
    else for (const name of plan.pods) this.host.deletePod(d.spec.metadata.namespace, name, `scaled down: ${plan.why}`);
  }

  /** Counts a step taken now; false once too many were taken at this instant. */
  private takeStep(key: string): boolean {
    const now = this.host.engine.now;
    const s = this.steps.get(key);
    const count = s !== undefined && s.at === now ? s.count + 1 : 1;
    this.steps.set(key, { at: now, count });
    return count <= MAX_STEPS_PER_INSTANT;
  }
}
