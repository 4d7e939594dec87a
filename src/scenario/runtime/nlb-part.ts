/**
 * The AWS NLB a LoadBalancer Service gets, in a full world: built when the
 * cluster has allocated the Service's NodePort (as the controller does), one
 * node component per AZ with its public address, every cluster node
 * registered as an `instance` target on the NodePort (or, for `ip` targets,
 * the ready pods' addresses, kept in step by `nlb-ip-targets.ts`: the NLB
 * then connects straight to the pod), health checks carried
 * out as `health` connections from the NLB node's private address, and each
 * new connection routed by the NLB model's flow hash and kept on its flow.
 */
import type { Engine, Random, Trace } from '../../sim';
import {
  createNlb,
  flowKey,
  instanceTargets,
  modifyHealthCheck,
  NlbRuntime,
  pickHealthCheckSettings,
  readNlbAttributes,
  type FlowTuple,
  type HealthCheckChange,
  type HealthCheckModified,
  type HealthProbe,
  type ProbeAnswer,
} from '../../models/nlb';
import type { ClusterNode } from '../../models/k8s/cluster/nodes';
import type { ServiceState } from '../../models/k8s/cluster/services';
import type { LoadBalancerSpec } from '../types';
import type { Hosts } from './hosts';
import type { Tcp } from './tcp';
import type { Host, Relay, Syn, SynVerdict } from './tcp-types';
import { PortCounter } from './net-adapters';
import { runCheck } from './health-probe';
import { syncIpTargets, type EndpointSource } from './nlb-ip-targets';

export interface BuiltNlb {
  readonly service: string;
  readonly runtime: NlbRuntime;
  /** AZ → component id of the NLB node. */
  readonly nodeComponents: ReadonlyMap<string, string>;
}

/** A name as cloud-provider-aws makes it: `a` and 31 hex digits of the Service's UID. */
function legacyName(random: Random, service: string): string {
  const rng = random.stream(`nlb-name:${service}`);
  let hex = '';
  for (let i = 0; i < 31; i++) hex += rng.int(16).toString(16);
  return `a${hex}`;
}

/** The NLB node's private address: the AZ's first node subnet, host .250. */
function privateIpFor(nodes: readonly ClusterNode[], az: string, i: number): string {
  const node = nodes.find((n) => n.az === az);
  if (node === undefined) return `10.0.${200 + i}.250`;
  return node.ip.split('.').slice(0, 3).concat('250').join('.');
}

export class NlbPart {
  private readonly built = new Map<string, BuiltNlb>();
  private readonly resets = new Map<string, (why: string) => void>();
  /** Where `ip` target groups read the Services' endpoints (the cluster, once the world has one). */
  private endpoints: EndpointSource | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly trace: Trace,
    private readonly random: Random,
    private readonly hosts: Hosts,
    private readonly tcp: () => Tcp,
    private readonly region: string,
    private readonly specs: readonly LoadBalancerSpec[],
  ) {}

  /** The DNS name the alias points at (known once built; the planned name before). */
  dnsName(service: string): string {
    return this.built.get(service)?.runtime.nlb.dnsName ?? `${this.nameFor(service)}.elb.${this.region}.amazonaws.com`;
  }

  /** The NLB's DNS answer now: one address per healthy AZ (all when none is). */
  addresses(service: string): string[] {
    return this.built.get(service)?.runtime.dnsAnswer().addresses ?? [];
  }

  all(): BuiltNlb[] {
    return [...this.built.values()];
  }

  /** Read endpoints for `ip` target groups from here (the cluster model). */
  watchEndpoints(source: EndpointSource): void {
    this.endpoints = source;
  }

  /** ModifyTargetGroup on every target group of the Service's NLB (`ns/name`); refused with the reason when out of AWS's range. */
  modifyHealthCheck(service: string, change: HealthCheckChange): HealthCheckModified {
    const built = this.built.get(service);
    if (built === undefined) return { ok: false, why: `expected a LoadBalancer Service with an NLB (${[...this.built.keys()].join(', ') || 'none built yet'}), got ${service}` };
    const groups = built.runtime.nlb.targetGroups;
    // All or nothing: check every group before changing any.
    const refused = groups.map((tg) => modifyHealthCheck(tg.healthCheck, change)).find((m) => !m.ok);
    if (refused !== undefined) return refused;
    let last: HealthCheckModified = { ok: false, why: `${service}'s NLB has no target group` };
    for (const tg of groups) last = built.runtime.modifyHealthCheck(tg.name, change);
    return last;
  }

  private nameFor(service: string): string {
    return this.specs.find((s) => s.service === service)?.name ?? legacyName(this.random, service);
  }

  /** Build the NLB of a LoadBalancer Service once its NodePorts exist; returns what went wrong, if anything. */
  build(service: ServiceState, nodes: readonly ClusterNode[]): string | undefined {
    const ref = `${service.spec.metadata.namespace}/${service.spec.metadata.name}`;
    const plan = service.loadBalancer;
    if (this.built.has(ref) || plan.kind !== 'nlb') return undefined;
    const targetType = plan.targetType;
    const endpoints = this.endpoints;
    if (targetType === 'ip' && endpoints === undefined) return `${ref}: ip targets need the cluster's endpoints, and this world has none`;
    const spec = this.specs.find((s) => s.service === ref);
    const name = this.nameFor(ref);
    const azs = [...new Set(nodes.map((n) => n.az))];
    const annotations = service.spec.metadata.annotations;
    const health = pickHealthCheckSettings({
      controller: plan.controller,
      externalTrafficPolicy: service.spec.externalTrafficPolicy ?? 'Cluster',
      targetType,
      ...(service.healthCheckNodePort === undefined ? {} : { healthCheckNodePort: service.healthCheckNodePort }),
      annotations,
    });
    if (!health.ok) return `${ref}: ${health.errors.join('; ')}`;
    const attrs = readNlbAttributes(plan.controller, annotations);
    if (attrs.errors.length > 0) return `${ref}: ${attrs.errors.join('; ')}`;
    const a = attrs.attributes;
    // ip targets need no NodePort: the NLB sends to the pod's own port.
    const ports = targetType === 'ip' ? service.ports : service.ports.filter((p) => p.nodePort !== undefined);
    const tgName = (port: number) => `tg-${service.spec.metadata.name}-${port}`.slice(0, 32);
    const hash = legacyName(this.random, `${ref}:dns`).slice(1, 17);
    const built = createNlb({
      name,
      dnsName: `${name}-${hash}.elb.${this.region}.amazonaws.com`,
      nodes: azs.map((az, i) => ({ az, ip: spec?.addresses[az] ?? `52.${16 + i}.${10 + i}.${100 + i}`, privateIp: privateIpFor(nodes, az, i) })),
      listeners: ports.map((p) => ({ port: p.port, targetGroup: tgName(p.port) })),
      targetGroups: ports.map((p) => ({
        name: tgName(p.port),
        targetType,
        healthCheck: health.settings,
        ...(a.targetGroupCrossZone === undefined ? {} : { crossZone: a.targetGroupCrossZone }),
        ...(a.deregistrationDelaySeconds === undefined ? {} : { deregistrationDelaySeconds: a.deregistrationDelaySeconds }),
        ...(a.terminateConnectionsOnDeregistration === undefined ? {} : { terminateConnectionsOnDeregistration: a.terminateConnectionsOnDeregistration }),
        ...(a.terminateConnectionsOnUnhealthy === undefined ? {} : { terminateConnectionsOnUnhealthy: a.terminateConnectionsOnUnhealthy }),
        ...(a.preserveClientIp === undefined ? {} : { preserveClientIp: a.preserveClientIp }),
        targets: targetType === 'ip' ? [] : instanceTargets(nodes.map((n) => ({ instanceId: n.instanceId, ip: n.ip, az: n.az })), p.nodePort ?? 0),
      })),
      ...(a.crossZone === undefined ? {} : { crossZone: a.crossZone }),
    });
    if (!built.ok) return `${ref}: ${built.errors.join('; ')}`;
    const nlb = built.nlb;
    const components = new Map<string, string>();
    const runtime = new NlbRuntime(nlb, {
      engine: this.engine,
      trace: this.trace,
      rng: this.random.stream(`nlb:${name}:flow-hash`),
      probe: (probe, answer) => this.probe(components, probe, answer),
      resetFlow: (flow, why) => this.resets.get(flow.key)?.(why),
    });
    for (const node of nlb.nodes) {
      const id = `nlb-${node.az}`;
      components.set(node.az, id);
      this.hosts.add(
        {
          id,
          kind: 'nlb-node',
          label: `NLB ${node.az}`,
          address: node.ip,
          host: this.nodeHost(id, node.az, node.ip, runtime),
          state: () => (runtime.dnsAnswer().addresses.includes(node.ip) ? 'in DNS' : 'out of DNS'),
          counters: () => ({ flows: runtime.flows.size }),
          details: () => ({ az: node.az, privateIp: node.privateIp, dnsName: nlb.dnsName, service: ref, targetType }),
        },
        { kind: 'vpc', az: node.az, edgeMs: spec?.linkMs ?? 1 },
        [node.ip, node.privateIp],
      );
    }
    this.built.set(ref, { service: ref, runtime, nodeComponents: components });
    runtime.start();
    if (targetType === 'ip' && endpoints !== undefined) {
      const { namespace, name: svcName } = service.spec.metadata;
      syncIpTargets({ engine: this.engine, trace: this.trace, runtime, endpoints }, { namespace, name: svcName }, ports.map((p) => ({ targetGroup: tgName(p.port), portName: p.name })));
    }
    this.trace.record({ kind: 'decision', component: `nlb:${name}`, decision: 'create', why: `${plan.why}; health checks: ${health.settings.source}` });
    return undefined;
  }

  private nodeHost(id: string, az: string, ip: string, runtime: NlbRuntime): Host {
    return new NlbNodeHost(id, az, ip, runtime, this.hosts, this.resets);
  }

  private readonly probePorts = new PortCounter();

  /** One health check: a `health` connection from the NLB node's private address to the target. */
  private probe(components: ReadonlyMap<string, string>, probe: HealthProbe, answer: (a: ProbeAnswer) => void): void {
    const from = components.get(probe.node.az);
    if (from === undefined) return;
    runCheck(
      this.tcp(),
      this.engine,
      {
        from,
        srcIp: probe.node.privateIp,
        srcPort: this.probePorts.take(),
        dstIp: probe.ip,
        dstPort: probe.port,
        ...(probe.protocol === 'TCP' ? {} : { http: { id: `health:${probe.targetGroup}/${probe.target.id}`, path: probe.path, userAgent: 'ELB-HealthChecker/2.0' } }),
        timeoutMs: probe.timeoutMs,
      },
      (result) => answer(result.kind === 'http' ? { outcome: 'response', status: result.status } : { outcome: result.kind }),
    );
  }
}

/**
 * One NLB node as a host: a SYN to its public address is routed by the
 * NLB and kept on its flow. A class with a relay object per connection,
 * rather than closures, because this runs for every connection.
 */
class NlbNodeHost implements Host {
  constructor(
    readonly id: string,
    private readonly az: string,
    private readonly ip: string,
    private readonly runtime: NlbRuntime,
    private readonly hosts: Hosts,
    private readonly resets: Map<string, (why: string) => void>,
  ) {}

  syn(syn: Syn): SynVerdict {
    if (syn.dstIp !== this.ip) return { kind: 'drop', why: `${this.id} only takes connections to ${this.ip}` };
    const tuple: FlowTuple = { protocol: 'tcp', srcIp: syn.srcIp, srcPort: syn.srcPort, dstIp: syn.dstIp, dstPort: syn.dstPort };
    const key = flowKey(tuple);
    const decision = this.runtime.connect(this.az, tuple, key);
    if (decision.kind !== 'forward') return decision;
    const next = this.hosts.owner(decision.target.ip);
    if (next === undefined) return { kind: 'drop', why: `no host at target ${decision.target.ip}` };
    return {
      kind: 'forward',
      next,
      dstIp: decision.target.ip,
      dstPort: decision.target.port,
      srcIp: decision.source.ip,
      relay: new FlowRelay(this.runtime, tuple, key, this.resets),
    };
  }
}

/** The NLB on the path of one connection: later packets follow its flow; the flow's end is forgotten. */
class FlowRelay implements Relay {
  constructor(
    private readonly runtime: NlbRuntime,
    private readonly tuple: FlowTuple,
    private readonly key: string,
    private readonly resets: Map<string, (why: string) => void>,
  ) {}

  check(): string | undefined {
    const d = this.runtime.packet(this.tuple, this.key);
    return d.kind === 'reset' ? d.why : undefined;
  }

  closed(): void {
    this.runtime.close(this.tuple, this.key);
    this.resets.delete(this.key);
  }

  bind(reset: (why: string) => void): void {
    this.resets.set(this.key, reset);
  }
}
