/**
 * Deployments in a running cluster: each keeps its replica count through
 * one ReplicaSet (`<name>-<pod-template-hash>`). Reconciling is folded per
 * engine instant and runs after the event that asked for it, so a pod that
 * is being deleted is already counted as terminating.
 */
import type { Engine, Trace } from '../../../sim';
import type { DefaultedDeployment } from '../api/types';
import type { PodTiming } from '../pod/pod.types';
import { podTemplateHash } from './names';
import type { ReplicaPod } from './replicas';
import { planReplicas } from './replicas';

/** A Deployment and its one ReplicaSet, as the controller keeps them. */
export interface DeploymentState {
  readonly spec: DefaultedDeployment;
  /** `pod-template-hash`. */
  readonly hash: string;
  readonly replicaSet: string;
  readonly timing: PodTiming;
  replicas: number;
}

/** What the controller needs from the cluster. */
export interface DeploymentHost {
  readonly engine: Engine;
  readonly trace: Trace;
  podsOf(owner: string): readonly ReplicaPod[];
  createPod(deployment: DeploymentState, why: string): void;
  deletePod(namespace: string, name: string, why: string): void;
}

/** Keeps every Deployment at its replica count. */
export class DeploymentController {
  private readonly byKey = new Map<string, DeploymentState>();
  private readonly pending = new Set<string>();

  constructor(private readonly host: DeploymentHost) {}

  get(key: string): DeploymentState | undefined {
    return this.byKey.get(key);
  }

  all(): DeploymentState[] {
    return [...this.byKey.values()];
  }

  add(spec: DefaultedDeployment, timing: PodTiming): DeploymentState {
    const hash = podTemplateHash(spec.template);
    const state: DeploymentState = { spec, hash, replicaSet: `${spec.metadata.name}-${hash}`, timing, replicas: spec.replicas };
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
    const plan = planReplicas(`${key} (ReplicaSet ${d.replicaSet})`, d.replicas, this.host.podsOf(key));
    if (plan.kind === 'none') return;
    this.host.trace.record({ kind: 'decision', component: `deployment:${key}`, decision: plan.kind === 'create' ? `create ${plan.count}` : `delete ${plan.pods.length}`, why: plan.why });
    if (plan.kind === 'create') for (let i = 0; i < plan.count; i++) this.host.createPod(d, plan.why);
    else for (const name of plan.pods) this.host.deletePod(d.spec.metadata.namespace, name, `scaled down: ${plan.why}`);
  }
}
