/**
 * One node's kube-proxy: the Service view it has programmed, updated only by
 * its syncs, and the decisions it makes from that view. Between an
 * EndpointSlice change and the next sync, new connections still follow the
 * old rules; that window is what a student sees as "endpoint removed, yet a
 * request still went there".
 */
import { flat, type Engine, type Rng } from '../../../sim';
import type { Cidr } from '../cluster/ipv4';
import type { ClusterNode } from '../cluster/nodes';
import type { ProxyEndpoint } from './categorize';
import { categorize } from './categorize';
import type { HealthzAnswer } from './healthz';
import { healthzAnswer } from './healthz';
import { iptablesSave } from './iptables-save';
import type { NewConnection, ProxyDecision, ProxyNode } from './route';
import { routeConnection } from './route';
import type { ServicePortInfo } from './service-port';
import { portNameOf } from './service-port';
import type { SyncTiming } from './sync-runner';
import { SyncRunner } from './sync-runner';

/** What changed at a sync, per Service port, for the trace. */
export function describeSync(before: readonly ServicePortInfo[], after: readonly ServicePortInfo[]): string[] {
  const key = (i: ServicePortInfo) => `${portNameOf(i)}/${i.protocol}`;
  const show = (i: ServicePortInfo) =>
    i.endpoints.map((e) => `${e.ip}:${e.port}${e.ready ? '' : e.serving && e.terminating ? ' (terminating, serving)' : ' (not ready)'}`).join(', ') || 'none';
  const old = new Map(before.map((i) => [key(i), i]));
  const changes: string[] = [];
  for (const info of after) {
    const prev = old.get(key(info));
    old.delete(key(info));
    const now = show(info);
    if (prev === undefined) changes.push(`${portNameOf(info)} added: endpoints ${now}`);
    else if (show(prev) !== now || prev.nodePort !== info.nodePort) changes.push(`${portNameOf(info)}: endpoints ${show(prev)} → ${now}`);
  }
  for (const info of old.values()) changes.push(`${portNameOf(info)} removed`);
  return changes;
}

export class KubeProxy {
  private programmed: readonly ServicePortInfo[] = [];
  private desired: readonly ServicePortInfo[] = [];
  private readonly runner: SyncRunner;
  /** The node as `routeConnection` reads it, made once rather than per connection. */
  private readonly self: ProxyNode;
  /** The trace component, `kube-proxy:node-1`. */
  readonly component: string;
  /** The trace's name of a forward to each endpoint, made once per endpoint (endpoints are replaced, not changed, at a sync). */
  private readonly forwards = new WeakMap<ProxyEndpoint, string>();

  constructor(
    readonly node: ClusterNode,
    engine: Engine,
    timing: SyncTiming,
    private readonly clusterCidr: Cidr,
    private readonly rng: Rng,
    /** Called when a sync puts new rules in place. */
    onSynced: (changes: string[], waitedMs: number) => void,
  ) {
    this.self = { name: node.name, ip: node.ip };
    this.component = `kube-proxy:${node.name}`;
    this.runner = new SyncRunner(
      engine,
      timing,
      (waitedMs) => {
        const next = this.desired;
        return () => {
          const changes = describeSync(this.programmed, next);
          this.programmed = next;
          if (changes.length > 0) onSynced(changes, waitedMs);
        };
      },
      `kube-proxy ${node.name}`,
    );
  }

  /** The API changed: sync when the runner allows. */
  update(desired: readonly ServicePortInfo[]): void {
    this.desired = desired;
    this.runner.request();
  }

  /** The rules in place now. */
  get services(): readonly ServicePortInfo[] {
    return this.programmed;
  }

  connect(connection: NewConnection): ProxyDecision {
    return routeConnection(this.programmed, this.self, connection, this.clusterCidr, this.rng);
  }

  /** A decision as the trace names it: `→ pod (ip:port)` for a forward, else its kind. */
  summary(decision: ProxyDecision): string {
    if (decision.kind !== 'forward') return decision.kind;
    const endpoint = decision.endpoint;
    let text = this.forwards.get(endpoint);
    if (text === undefined) {
      text = flat(`→ ${endpoint.pod} (${endpoint.ip}:${endpoint.port})`); // a forward goes to its endpoint's address
      this.forwards.set(endpoint, text);
    }
    return text;
  }

  /** The answer on a healthCheckNodePort, or undefined if no Service uses that port. */
  healthz(port: number): HealthzAnswer | undefined {
    const info = this.programmed.find((p) => p.healthCheckNodePort === port);
    if (info === undefined) return undefined;
    return healthzAnswer(info.namespace, info.name, categorize(info.endpoints, this.node.name).localReady, this.node.name);
  }

  iptablesSave(): string {
    return iptablesSave(this.programmed, this.node.name, this.clusterCidr);
  }
}
