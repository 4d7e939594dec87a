/**
 * Pods no node could take yet (every node cordoned or NotReady): they exist
 * in the API as Pending, with no node and no IP, count as replicas for their
 * ReplicaSet, and wait for the scheduler to try again.
 */
import type { DefaultedContainer } from '../api/types';
import type { PodRow } from '../pod/kubectl';
import { humanDuration } from '../pod/kubectl';
import type { PodSource } from '../workloads/deployments';
import type { ReplicaPod } from '../workloads/replicas';

/** A Pending pod as readers see it: why no node took it, and what it would run. */
export interface PendingPod {
  readonly name: string;
  readonly namespace: string;
  readonly owner: string;
  readonly why: string;
  readonly createdAt: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly container: DefaultedContainer;
}

/** A pod waiting for a node, with what it is made from. */
export interface UnscheduledPod {
  readonly name: string;
  readonly namespace: string;
  readonly owner: string;
  readonly createdAt: number;
  readonly source: PodSource;
  /** The scheduler's last reason ('' before the first try). */
  why: string;
}

const byAge = (a: UnscheduledPod, b: UnscheduledPod) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class PendingPods {
  private readonly pods = new Map<string, UnscheduledPod>();

  has(key: string): boolean {
    return this.pods.has(key);
  }

  add(pod: UnscheduledPod): void {
    this.pods.set(`${pod.namespace}/${pod.name}`, pod);
  }

  /** Remove and return the pod (`namespace/name`). */
  take(key: string): UnscheduledPod | undefined {
    const pod = this.pods.get(key);
    this.pods.delete(key);
    return pod;
  }

  /** Remove and return them all, oldest first, for the scheduler to try again. */
  takeAll(): UnscheduledPod[] {
    const all = [...this.pods.values()].sort(byAge);
    this.pods.clear();
    return all;
  }

  /** `kubectl get pods` rows. */
  rows(now: number, namespace?: string): PodRow[] {
    return [...this.pods.values()]
      .filter((p) => namespace === undefined || p.namespace === namespace)
      .map((p) => ({ NAME: p.name, READY: '0/1', STATUS: 'Pending', RESTARTS: '0', AGE: humanDuration(now - p.createdAt), IP: '<none>', NODE: '<none>' }));
  }

  /** Oldest first, with the scheduler's reason, labels and container. */
  list(): PendingPod[] {
    return [...this.pods.values()].sort(byAge).map((p) => ({
      name: p.name,
      namespace: p.namespace,
      owner: p.owner,
      why: p.why,
      createdAt: p.createdAt,
      labels: { ...p.source.replicaSet.template.labels, 'pod-template-hash': p.source.replicaSet.hash },
      container: p.source.replicaSet.template.spec.containers[0]!,
    }));
  }

  /** What the ReplicaSet controller reads: not scheduled, not ready, never restarted. */
  replicas(owner: string): ReplicaPod[] {
    return [...this.pods.values()]
      .filter((p) => p.owner === owner)
      .map((p) => ({ name: p.name, hash: p.source.replicaSet.hash, phase: 'Pending', ready: false, restartCount: 0, createdAt: p.createdAt, terminating: false }));
  }
}
