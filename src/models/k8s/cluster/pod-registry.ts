/**
 * The cluster's pods: creating one for a ReplicaSet (name, node, IP; a pod no
 * node can take waits Pending with the scheduler's reason), turning its
 * reports into trace records and world hooks, deleting it (only marked while
 * its kubelet is cut off), and the views the controllers read (EndpointSlice,
 * ReplicaSet), where a pod on a NotReady node is not Ready.
 */
import type { Engine, Random, Trace } from '../../../sim';
import type { PodForEndpoints } from '../endpoints/slice';
import type { PodHooks, PodRef } from '../pod/pod';
import { PodRuntime } from '../pod/pod';
import type { ProbeAnswer, ProbeRequest } from '../pod/probe-judge';
import type { PodRow } from '../pod/kubectl';
import type { PodSource } from '../workloads/deployments';
import { randomSuffix } from '../workloads/names';
import type { ReplicaPod } from '../workloads/replicas';
import type { ClusterWorld } from './cluster-world';
import type { ClusterNode } from './nodes';
import { PendingPods, type PendingPod, type UnscheduledPod } from './pending-pods';
import { PodIpam } from './pod-ipam';
import { schedule } from './scheduler';

export interface PodRegistryHost {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly world: ClusterWorld;
  readonly nodes: readonly ClusterNode[];
  /** Endpoints may have changed because of this pod. */
  endpointsChanged(why: string, pod: string): void;
  /** The owner's replica count may be off. */
  ownerChanged(owner: string): void;
  /** Why the scheduler cannot use the node now (cordoned, NotReady), or undefined. */
  unfit(node: ClusterNode): string | undefined;
  /** The node's Ready condition is True (else its pods' Ready conditions are False). */
  nodeReady(node: string): boolean;
  /** The node's kubelet hears the API server (else a deletion waits for it). */
  kubeletReachable(node: string): boolean;
}

export class PodRegistry {
  private readonly pods = new Map<string, PodRuntime>();
  private readonly terminating = new Set<string>();
  /** Deleted while their kubelet was cut off: it acts on the deletion when it is back. */
  private readonly unheard = new Set<string>();
  private readonly unscheduled = new PendingPods();
  private readonly ipam = new PodIpam();

  constructor(private readonly host: PodRegistryHost) {}

  get(namespace: string, name: string): PodRuntime | undefined {
    return this.pods.get(`${namespace}/${name}`);
  }

  /** Live pods (terminating included), in name order. */
  list(namespace?: string): PodRuntime[] {
    return [...this.pods.values()]
      .filter((p) => namespace === undefined || p.ref.namespace === namespace)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  isTerminating(pod: PodRuntime): boolean {
    return this.terminating.has(`${pod.ref.namespace}/${pod.name}`);
  }

  /** A new pod for a ReplicaSet: placed on a node now, or Pending until one can take it. */
  create(source: PodSource): void {
    const { random } = this.host;
    const { namespace, name: dName } = source.deployment.spec.metadata;
    const owner = `${namespace}/${dName}`;
    const rng = random.stream(`k8s:pod-names:${owner}`);
    let name = `${source.replicaSet.name}-${randomSuffix(rng)}`;
    while (this.pods.has(`${namespace}/${name}`) || this.unscheduled.has(`${namespace}/${name}`)) name = `${source.replicaSet.name}-${randomSuffix(rng)}`;
    this.place({ name, namespace, owner, createdAt: this.host.engine.now, source, why: '' });
  }

  /** Try the Pending pods again, oldest first (a node was uncordoned or became Ready). */
  retryPending(): void {
    for (const pod of this.unscheduled.takeAll()) this.place(pod);
  }

  private place(pod: UnscheduledPod): void {
    const { engine, trace, nodes } = this.host;
    const { name, namespace, owner, source } = pod;
    const key = `${namespace}/${name}`;
    // Like kube-scheduler's topology spreading, terminating pods do not count.
    const placed = [...this.pods.values()].filter((p) => !this.isTerminating(p)).map((p) => ({ node: p.ref.node, owner: p.ref.owner }));
    const placement = schedule(nodes, placed, owner, (n) => this.host.unfit(n));
    const ip = placement.node === undefined ? undefined : this.ipam.allocate(placement.node);
    if (placement.node === undefined || ip === undefined) {
      const why = placement.node === undefined ? placement.why : `${placement.node.name} has no free pod IP`;
      const first = pod.why === '';
      pod.why = why;
      this.unscheduled.add(pod);
      if (first) {
        trace.record({ kind: 'decision', component: 'scheduler', decision: `cannot place ${name}`, why: `${why} The pod stays Pending.` });
        trace.record({ kind: 'log', component: `pod:${key}`, stream: 'events', line: `Warning FailedScheduling pod/${name}: ${why}` });
      }
      return;
    }
    const template = source.replicaSet.template;
    const container = template.spec.containers[0]!;
    const labels = { ...template.labels, 'pod-template-hash': source.replicaSet.hash };
    const ref: PodRef = { name, namespace, owner, labels, node: placement.node.name, ip, container };
    const init = { ref, terminationGracePeriodSeconds: template.spec.terminationGracePeriodSeconds, timing: source.deployment.timing, createdAt: pod.createdAt };
    const runtime = new PodRuntime(init, engine, this.hooksFor(ref));
    this.pods.set(key, runtime);
    trace.record({ kind: 'decision', component: 'scheduler', decision: `${name} → ${placement.node.name}`, why: `${placement.why}; pod IP ${ip}` });
    trace.record({
      kind: 'log',
      component: `pod:${key}`,
      stream: 'events',
      line: `Normal Scheduled pod/${name}: Successfully assigned ${key} to ${placement.node.name}`,
    });
    runtime.start();
  }

  /** `kubectl get pods` rows of the Pending pods no node took. */
  unscheduledRows(namespace?: string): PodRow[] {
    return this.unscheduled.rows(this.host.engine.now, namespace);
  }

  /** Pending pods with the scheduler's reason, their labels and their container, oldest first. */
  pendingPods(): PendingPod[] {
    return this.unscheduled.list();
  }

  /** Evict every pod on `node`: a drain (through the Eviction API), or the taint manager, which says so in an event. */
  evictAll(node: string, why: string, taintManager: boolean): string[] {
    const evicted: string[] = [];
    for (const pod of this.list()) {
      if (pod.ref.node !== node || this.isTerminating(pod)) continue;
      const line = `Normal TaintManagerEviction pod/${pod.name}: Marking for deletion Pod ${pod.ref.namespace}/${pod.name}`;
      if (taintManager) this.host.trace.record({ kind: 'log', component: `pod:${pod.ref.namespace}/${pod.name}`, stream: 'events', line });
      if (this.delete(pod.ref.namespace, pod.name, why)) evicted.push(pod.name);
    }
    return evicted;
  }

  /** The kubelet on `node` hears the API server again: deletions it missed reach the pods now. */
  kubeletBack(node: string): void {
    for (const key of [...this.unheard]) {
      const pod = this.pods.get(key);
      if (pod === undefined) this.unheard.delete(key);
      else if (pod.ref.node === node) {
        this.unheard.delete(key);
        pod.send({ type: 'DELETE', why: `the kubelet on ${node} saw the deletion when it reconnected` });
      }
    }
  }

  /** Pods on `node` changed readiness together (the node's Ready condition). */
  nodeReadinessChanged(node: string, ready: boolean, why: string): void {
    const owners = new Set<string>();
    for (const pod of this.list()) {
      if (pod.ref.node !== node) continue;
      owners.add(pod.ref.owner);
      if (!pod.view().ready) continue;
      const component = `pod:${pod.ref.namespace}/${pod.name}`;
      this.host.trace.record({ kind: 'state', component, from: ready ? 'NotReady' : 'Ready', to: ready ? 'Ready' : 'NotReady', why: ready ? `${why}: the pod's Ready condition follows its container again` : `${why}: the node lifecycle controller sets the pod's Ready condition to False` });
    }
    this.host.endpointsChanged(why, node);
    for (const owner of owners) this.host.ownerChanged(owner);
  }

  /** `kubectl delete pod`: SIGTERM now, replaced by its owner at once. */
  delete(namespace: string, name: string, why: string): boolean {
    const key = `${namespace}/${name}`;
    const waiting = this.unscheduled.take(key);
    if (waiting !== undefined) {
      this.host.trace.record({ kind: 'state', component: `pod:${key}`, from: 'Pending', to: 'Gone', why: `${why} (it was never scheduled)` });
      this.host.ownerChanged(waiting.owner);
      return true;
    }
    const pod = this.pods.get(key);
    if (pod === undefined || this.terminating.has(key)) return false;
    this.terminating.add(key);
    if (this.host.kubeletReachable(pod.ref.node)) pod.send({ type: 'DELETE', why });
    else {
      const before = pod.row().STATUS;
      pod.markDeleted();
      this.unheard.add(key);
      const stays = `its kubelet on ${pod.ref.node} cannot be reached, so the container runs on and the pod stays Terminating`;
      this.host.trace.record({ kind: 'state', component: `pod:${key}`, from: before, to: 'Terminating', why: `${why}; ${stays}` });
    }
    this.host.endpointsChanged(`pod ${key} deleted (${why})`, name);
    this.host.ownerChanged(pod.ref.owner);
    return true;
  }

  private hooksFor(ref: PodRef): PodHooks {
    const { trace, world } = this.host;
    const component = `pod:${ref.namespace}/${ref.name}`;
    return {
      ask: (request: ProbeRequest, answer: (a: ProbeAnswer) => void) => world.probe(ref, request, answer),
      lifecycle: (_p, from, to, why) => {
        trace.record({ kind: 'state', component, from, to, why });
        this.host.endpointsChanged(`pod ${to}: ${why}`, ref.name);
      },
      event: (_p, type, reason, message) =>
        trace.record({ kind: 'log', component, stream: 'events', line: `${type} ${reason} pod/${ref.name}: ${message}` }),
      readiness: (_p, ready, why) => {
        trace.record({ kind: 'state', component, from: ready ? 'NotReady' : 'Ready', to: ready ? 'Ready' : 'NotReady', why });
        this.host.endpointsChanged(why, ref.name);
        // A rolling update waits for new pods to become available.
        this.host.ownerChanged(ref.owner);
      },
      started: (_p, generation) => world.containerStarted?.(ref, generation),
      stopping: (_p, _g, why) => world.containerStopping?.(ref, why),
      exited: (_p, _g, exitCode, why) => world.containerExited?.(ref, exitCode, why),
      gone: (_p, why) => {
        const key = `${ref.namespace}/${ref.name}`;
        this.pods.delete(key);
        this.terminating.delete(key);
        this.unheard.delete(key);
        this.ipam.release(ref.ip);
        this.host.endpointsChanged(`pod ${key} removed`, ref.name);
        this.host.ownerChanged(ref.owner);
        world.podRemoved?.(ref, why);
      },
    };
  }

  /** What the EndpointSlice controller reads. */
  forEndpoints(): PodForEndpoints[] {
    return [...this.pods.values()].map((p) => {
      const v = p.view();
      const node = this.host.nodes.find((n) => n.name === p.ref.node);
      return {
        name: p.name,
        namespace: p.ref.namespace,
        labels: p.ref.labels,
        ...(v.ip !== undefined ? { ip: v.ip } : {}),
        node: p.ref.node,
        ...(node !== undefined ? { zone: node.az } : {}),
        ready: v.ready && this.host.nodeReady(p.ref.node),
        terminating: this.isTerminating(p),
        container: p.ref.container,
      };
    });
  }

  /** What the ReplicaSet controller reads for one owner. */
  replicas(owner: string): ReplicaPod[] {
    const waiting = this.unscheduled.replicas(owner);
    return [...this.pods.values()]
      .filter((p) => p.ref.owner === owner)
      .map((p): ReplicaPod => {
        const v = p.view();
        const hash = p.ref.labels['pod-template-hash'];
        return {
          name: p.name,
          ...(hash === undefined ? {} : { hash }),
          node: p.ref.node,
          phase: v.phase,
          ready: v.ready && this.host.nodeReady(p.ref.node),
          ...(p.readySince !== undefined ? { readySince: p.readySince } : {}),
          restartCount: v.restartCount,
          createdAt: p.createdAt,
          terminating: this.isTerminating(p),
        };
      })
      .concat(waiting);
  }
}
