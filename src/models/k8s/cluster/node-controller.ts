/**
 * Nodes over time: cordoning, and the node lifecycle controller with its
 * taint manager. When a node's kubelet is cut off from the control plane,
 * the controller notices after the grace period (Ready=Unknown, the pods'
 * Ready condition False), and the taint manager evicts the pods once their
 * toleration runs out; when the kubelet talks again, the node is Ready at its
 * next heartbeat. The times come from `node-lifecycle.ts`; this class puts
 * them on the engine and tells the cluster what changed.
 */
import type { Engine, Trace } from '../../../sim';
import type { NodeCondition } from './node-lifecycle';
import { evictAt, nodeStatus, notReadyAt, readyAgainAt, unfitReason } from './node-lifecycle';
import type { ClusterNode } from './nodes';

/** What the controller asks of the cluster. */
export interface NodeControllerHost {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly nodes: readonly ClusterNode[];
  /** The node's Ready condition changed: its pods' Ready conditions follow. */
  readinessChanged(node: string, ready: boolean, why: string): void;
  /** The taint manager (`taintManager` true) or a drain evicts every pod on the node. */
  evictAll(node: string, why: string, taintManager: boolean): void;
  /** A node may take pods again: try the Pending ones. */
  schedulable(why: string): void;
  /** The kubelet on `node` can reach the API server again: it acts on deletions it missed. */
  kubeletBack(node: string): void;
}

interface NodeState {
  ready: 'True' | 'Unknown';
  unschedulable: boolean;
  /** The kubelet cannot reach the API server. */
  cut: boolean;
  /** Bumped on every cut and reconnect, so timers of an earlier one do nothing. */
  generation: number;
}

export class NodeController {
  private readonly states = new Map<string, NodeState>();

  constructor(private readonly host: NodeControllerHost) {
    for (const n of host.nodes) this.states.set(n.name, { ready: 'True', unschedulable: false, cut: false, generation: 0 });
  }

  has(node: string): boolean {
    return this.states.has(node);
  }

  condition(node: string): NodeCondition {
    const s = this.states.get(node);
    return { name: node, ready: s?.ready ?? 'Unknown', unschedulable: s?.unschedulable ?? true };
  }

  /** `kubectl get nodes` STATUS. */
  status(node: string): string {
    return nodeStatus(this.condition(node));
  }

  /** Why the scheduler cannot place a pod on the node, or undefined. */
  unfit(node: string): string | undefined {
    return unfitReason(this.condition(node));
  }

  isReady(node: string): boolean {
    return this.states.get(node)?.ready === 'True';
  }

  kubeletReachable(node: string): boolean {
    return this.states.get(node)?.cut !== true;
  }

  /** `kubectl cordon`: false when already cordoned. */
  cordon(node: string, why: string): boolean {
    const s = this.states.get(node);
    if (s === undefined || s.unschedulable) return false;
    const from = this.status(node);
    s.unschedulable = true;
    this.record(node, from, why, 'NodeNotSchedulable');
    return true;
  }

  /** `kubectl uncordon`: false when it was not cordoned. */
  uncordon(node: string, why: string): boolean {
    const s = this.states.get(node);
    if (s === undefined || !s.unschedulable) return false;
    const from = this.status(node);
    s.unschedulable = false;
    this.record(node, from, why, 'NodeSchedulable');
    this.host.schedulable(`${node} uncordoned`);
    return true;
  }

  /** `kubectl drain`: cordon, then evict every pod on the node. */
  drain(node: string, why: string): void {
    this.cordon(node, `${why}: cordoned`);
    this.host.evictAll(node, `evicted: node ${node} is being drained`, false);
  }

  /** The kubelet on `node` can no longer reach the control plane (its AZ is lost). */
  cut(node: string, why: string): void {
    const s = this.states.get(node);
    if (s === undefined || s.cut) return;
    s.cut = true;
    const generation = ++s.generation;
    const { engine, trace } = this.host;
    trace.record({ kind: 'decision', component: node, decision: 'kubelet cut off', why: `${why}: the kubelet's heartbeats stop reaching the API server` });
    const notice = notReadyAt(engine.now);
    engine.scheduleAt(notice.atMs, () => {
      if (s.generation !== generation || s.ready !== 'True') return;
      const from = this.status(node);
      s.ready = 'Unknown';
      this.record(node, from, notice.why, 'NodeNotReady');
      this.host.readinessChanged(node, false, `node ${node} NotReady: ${notice.why}`);
      const eviction = evictAt(engine.now);
      engine.scheduleAt(eviction.atMs, () => {
        if (s.generation !== generation) return;
        this.host.evictAll(node, eviction.why, true);
      }, `taint manager ${node}`);
    }, `node monitor ${node}`);
  }

  /** The kubelet on `node` reaches the control plane again. */
  reconnect(node: string, why: string): void {
    const s = this.states.get(node);
    if (s === undefined || !s.cut) return;
    s.cut = false;
    const generation = ++s.generation;
    const { engine, trace } = this.host;
    trace.record({ kind: 'decision', component: node, decision: 'kubelet reconnected', why });
    this.host.kubeletBack(node);
    if (s.ready === 'True') return;
    const back = readyAgainAt(engine.now);
    engine.scheduleAt(back.atMs, () => {
      if (s.generation !== generation) return;
      const from = this.status(node);
      s.ready = 'True';
      this.record(node, from, back.why, 'NodeReady');
      this.host.readinessChanged(node, true, `node ${node} Ready: ${back.why}`);
      this.host.schedulable(`${node} is Ready`);
    }, `node status ${node}`);
  }

  private record(node: string, from: string, why: string, reason: string): void {
    this.host.trace.record({ kind: 'state', component: node, from, to: this.status(node), why });
    this.host.trace.record({ kind: 'log', component: node, stream: 'events', line: `Normal ${reason} node/${node}: Node ${node} status is now: ${reason}` });
  }
}
