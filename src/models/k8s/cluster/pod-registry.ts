/**
 * The cluster's pods: creating one for a Deployment (name, node, IP),
 * turning its reports into trace records and world hooks, deleting it, and
 * the views the controllers read (EndpointSlice, ReplicaSet).
 */
import type { Engine, Random, Trace } from '../../../sim';
import type { PodForEndpoints } from '../endpoints/slice';
import type { PodHooks, PodRef } from '../pod/pod';
import { PodRuntime } from '../pod/pod';
import type { ProbeAnswer, ProbeRequest } from '../pod/probe-judge';
import type { DeploymentState } from '../workloads/deployments';
import { randomSuffix } from '../workloads/names';
import type { ReplicaPod } from '../workloads/replicas';
import type { ClusterWorld } from './cluster-world';
import type { ClusterNode } from './nodes';
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
}

export class PodRegistry {
  private readonly pods = new Map<string, PodRuntime>();
  private readonly terminating = new Set<string>();
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

  create(d: DeploymentState): void {
    const { engine, trace, random, nodes } = this.host;
    const { namespace, name: dName } = d.spec.metadata;
    const owner = `${namespace}/${dName}`;
    const rng = random.stream(`k8s:pod-names:${owner}`);
    let name = `${d.replicaSet}-${randomSuffix(rng)}`;
    while (this.pods.has(`${namespace}/${name}`)) name = `${d.replicaSet}-${randomSuffix(rng)}`;
    // Like kube-scheduler's topology spreading, terminating pods do not count.
    const placed = [...this.pods.values()].filter((p) => !this.isTerminating(p)).map((p) => ({ node: p.ref.node, owner: p.ref.owner }));
    const placement = schedule(nodes, placed, owner);
    const ip = placement.node === undefined ? undefined : this.ipam.allocate(placement.node);
    if (placement.node === undefined || ip === undefined) {
      const why = placement.node === undefined ? placement.why : `${placement.node.name} has no free pod IP`;
      trace.record({ kind: 'decision', component: 'scheduler', decision: `cannot place ${name}`, why });
      return;
    }
    const container = d.spec.template.spec.containers[0]!;
    const labels = { ...d.spec.template.labels, 'pod-template-hash': d.hash };
    const ref: PodRef = { name, namespace, owner, labels, node: placement.node.name, ip, container };
    const init = { ref, terminationGracePeriodSeconds: d.spec.template.spec.terminationGracePeriodSeconds, timing: d.timing };
    const pod = new PodRuntime(init, engine, this.hooksFor(ref));
    this.pods.set(`${namespace}/${name}`, pod);
    trace.record({ kind: 'decision', component: 'scheduler', decision: `${name} → ${placement.node.name}`, why: `${placement.why}; pod IP ${ip}` });
    trace.record({
      kind: 'log',
      component: `pod:${namespace}/${name}`,
      stream: 'events',
      line: `Normal Scheduled pod/${name}: Successfully assigned ${namespace}/${name} to ${placement.node.name}`,
    });
    pod.start();
  }

  /** `kubectl delete pod`: SIGTERM now, replaced by its owner at once. */
  delete(namespace: string, name: string, why: string): boolean {
    const key = `${namespace}/${name}`;
    const pod = this.pods.get(key);
    if (pod === undefined || this.terminating.has(key)) return false;
    this.terminating.add(key);
    pod.send({ type: 'DELETE', why });
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
      },
      started: (_p, generation) => world.containerStarted?.(ref, generation),
      stopping: (_p, _g, why) => world.containerStopping?.(ref, why),
      exited: (_p, _g, exitCode, why) => world.containerExited?.(ref, exitCode, why),
      gone: (_p, why) => {
        const key = `${ref.namespace}/${ref.name}`;
        this.pods.delete(key);
        this.terminating.delete(key);
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
        ready: v.ready,
        terminating: this.isTerminating(p),
        container: p.ref.container,
      };
    });
  }

  /** What the ReplicaSet controller reads for one owner. */
  replicas(owner: string): ReplicaPod[] {
    return [...this.pods.values()]
      .filter((p) => p.ref.owner === owner)
      .map((p) => {
        const v = p.view();
        return {
          name: p.name,
          node: p.ref.node,
          phase: v.phase,
          ready: v.ready,
          ...(p.readySince !== undefined ? { readySince: p.readySince } : {}),
          restartCount: v.restartCount,
          createdAt: p.createdAt,
          terminating: this.isTerminating(p),
        };
      });
  }
}
