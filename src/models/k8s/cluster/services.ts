/**
 * Services in a running cluster: what the API server allocates for each
 * (ClusterIP, a NodePort per port unless `allocateLoadBalancerNodePorts` is
 * false, a `healthCheckNodePort` for LoadBalancer + Local), who builds its
 * load balancer, and the `status.loadBalancer.ingress` the controller writes.
 */
import type { Rng } from '../../../sim';
import type { LoadBalancerPlan } from '../api/load-balancer-class';
import { loadBalancerPlan } from '../api/load-balancer-class';
import type { Problem } from '../api/problems';
import { Findings } from '../api/problems';
import type { DefaultedService, IntOrString, Protocol } from '../api/types';
import type { ServiceRecord } from '../dns/cluster-dns';
import { ClusterIpAllocator, NodePortAllocator } from './service-ips';

export interface AllocatedPort {
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly targetPort: IntOrString;
  readonly nodePort?: number;
}

/** A Service as `kubectl get service -o yaml` would show it after creation. */
export interface ServiceState {
  readonly spec: DefaultedService;
  readonly clusterIP: string;
  readonly ports: readonly AllocatedPort[];
  readonly healthCheckNodePort?: number;
  readonly loadBalancer: LoadBalancerPlan;
  /** `status.loadBalancer.ingress[].hostname`, written by the load balancer controller. */
  readonly ingress: readonly { readonly hostname: string }[];
}

export type Created = { readonly ok: true; readonly service: ServiceState; readonly why: string } | { readonly ok: false; readonly problems: readonly Problem[] };

export class ServiceRegistry {
  private readonly byKey = new Map<string, ServiceState>();
  readonly clusterIps: ClusterIpAllocator;
  readonly nodePorts: NodePortAllocator;

  constructor(
    serviceCidr: string,
    nodePortRange: readonly [number, number],
    rng: Rng,
    private readonly options: { lbcWebhook?: boolean },
  ) {
    this.clusterIps = new ClusterIpAllocator(serviceCidr, rng);
    this.nodePorts = new NodePortAllocator(nodePortRange, rng);
  }

  get(namespace: string, name: string): ServiceState | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }

  all(): ServiceState[] {
    return [...this.byKey.values()];
  }

  records(): ServiceRecord[] {
    return this.all().map((s) => ({ name: s.spec.metadata.name, namespace: s.spec.metadata.namespace, clusterIP: s.clusterIP }));
  }

  /** Allocate and store; on any problem nothing stays allocated. */
  create(spec: DefaultedService): Created {
    const { name, namespace } = spec.metadata;
    const f = new Findings();
    if (this.byKey.has(`${namespace}/${name}`)) {
      f.error(['metadata', 'name'], 'a name no other Service in the namespace has', `Duplicate value: services "${name}" already exists`);
      return { ok: false, problems: f.problems };
    }
    const taken: { ip?: string; ports: number[] } = { ports: [] };
    const undo = () => {
      if (taken.ip !== undefined) this.clusterIps.release(taken.ip);
      for (const p of taken.ports) this.nodePorts.release(p);
    };
    const ip = this.clusterIps.allocate(spec.clusterIP);
    if (!ip.ok) f.error(['spec', 'clusterIP'], 'an unused address in the service CIDR', ip.why);
    else taken.ip = ip.value;
    const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const ports: AllocatedPort[] = spec.ports.map((p, i) => {
      const base = { name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort };
      if (!wantsNodePorts && p.nodePort === undefined) return base;
      const np = this.nodePorts.allocate(p.nodePort);
      if (!np.ok) {
        f.error(['spec', 'ports', i, 'nodePort'], `a free port in ${this.nodePorts.range[0]}-${this.nodePorts.range[1]}`, np.why);
        return base;
      }
      taken.ports.push(np.value);
      return { ...base, nodePort: np.value };
    });
    let healthCheckNodePort: number | undefined;
    if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
      const hc = this.nodePorts.allocate(spec.healthCheckNodePort);
      if (!hc.ok) f.error(['spec', 'healthCheckNodePort'], `a free port in ${this.nodePorts.range[0]}-${this.nodePorts.range[1]}`, hc.why);
      else {
        taken.ports.push(hc.value);
        healthCheckNodePort = hc.value;
      }
    }
    if (f.problems.length > 0 || !ip.ok) {
      undo();
      return { ok: false, problems: f.problems };
    }
    const service: ServiceState = {
      spec,
      clusterIP: ip.value,
      ports,
      ...(healthCheckNodePort !== undefined ? { healthCheckNodePort } : {}),
      loadBalancer: loadBalancerPlan(spec, this.options),
      ingress: [],
    };
    this.byKey.set(`${namespace}/${name}`, service);
    const nodePorts = ports.flatMap((p) => (p.nodePort !== undefined ? [`${p.port}:${p.nodePort}/${p.protocol}`] : []));
    const parts = [`${namespace}/${name} (${spec.type}) got ClusterIP ${ip.value}`];
    if (nodePorts.length > 0) parts.push(`NodePort ${nodePorts.join(', ')}`);
    if (healthCheckNodePort !== undefined) parts.push(`healthCheckNodePort ${healthCheckNodePort} (externalTrafficPolicy Local)`);
    if (spec.type === 'LoadBalancer') parts.push(service.loadBalancer.why);
    return { ok: true, service, why: parts.join('; ') };
  }

  /**
   * What `update` would refuse for this manifest, without changing anything:
   * an immutable ClusterIP, and changes that would need the load balancer
   * rebuilt (type, ports or externalTrafficPolicy of a LoadBalancer Service),
   * which are out of the simulation's reach at run time.
   */
  updateProblems(spec: DefaultedService): readonly Problem[] {
    const old = this.byKey.get(`${spec.metadata.namespace}/${spec.metadata.name}`);
    const f = new Findings();
    if (old === undefined) return [];
    if (spec.clusterIP !== undefined && spec.clusterIP !== old.clusterIP) {
      f.invalid(['spec', 'clusterIP'], spec.clusterIP, `the Service's ClusterIP ${old.clusterIP}`, 'field is immutable');
    }
    const lb = old.spec.type === 'LoadBalancer' || spec.type === 'LoadBalancer';
    if (lb && spec.type !== old.spec.type) {
      f.error(['spec', 'type'], `type ${old.spec.type}`, `changing type between ${old.spec.type} and ${spec.type} would create or delete a load balancer, which the simulation does not do at run time: edit the scenario instead`);
    }
    const portsOf = (s: DefaultedService) => JSON.stringify(s.ports.map((p) => [p.name, p.protocol, p.port, p.nodePort ?? null]));
    if (lb && spec.type === old.spec.type && portsOf(spec) !== portsOf(old.spec)) {
      f.error(['spec', 'ports'], `the same ports as now (${old.spec.ports.map((p) => p.port).join(', ')})`, 'changing the ports of a LoadBalancer Service would change its NLB listeners, which the simulation does not do at run time: edit the scenario instead');
    }
    if (lb && spec.type === old.spec.type && (spec.externalTrafficPolicy ?? 'Cluster') !== (old.spec.externalTrafficPolicy ?? 'Cluster')) {
      f.error(['spec', 'externalTrafficPolicy'], `externalTrafficPolicy ${old.spec.externalTrafficPolicy ?? 'Cluster'}`, "changing externalTrafficPolicy of a LoadBalancer Service would change its NLB target group's health check, which the simulation does not do at run time: edit the scenario instead");
    }
    return f.problems;
  }

  /** `kubectl apply` of a Service: created when new; else the ClusterIP stays and a port keeps its NodePort unless the manifest names another. */
  update(spec: DefaultedService): Created {
    const { name, namespace } = spec.metadata;
    const key = `${namespace}/${name}`;
    const old = this.byKey.get(key);
    if (old === undefined) return this.create(spec);
    const refused = this.updateProblems(spec);
    if (refused.length > 0) return { ok: false, problems: refused };
    const f = new Findings();
    const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const taken: number[] = [];
    const ports: AllocatedPort[] = spec.ports.map((p, i) => {
      const base = { name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort };
      const before = old.ports.find((o) => o.port === p.port && o.protocol === p.protocol)?.nodePort;
      if (!wantsNodePorts && p.nodePort === undefined) return base;
      if (before !== undefined && (p.nodePort === undefined || p.nodePort === before)) return { ...base, nodePort: before };
      const np = this.nodePorts.allocate(p.nodePort);
      if (!np.ok) {
        f.error(['spec', 'ports', i, 'nodePort'], `a free port in ${this.nodePorts.range[0]}-${this.nodePorts.range[1]}`, np.why);
        return base;
      }
      taken.push(np.value);
      return { ...base, nodePort: np.value };
    });
    if (f.problems.length > 0) {
      for (const port of taken) this.nodePorts.release(port);
      return { ok: false, problems: f.problems };
    }
    const kept = new Set(ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])));
    for (const p of old.ports) if (p.nodePort !== undefined && !kept.has(p.nodePort)) this.nodePorts.release(p.nodePort);
    const service: ServiceState = { ...old, spec, ports, loadBalancer: loadBalancerPlan(spec, this.options) };
    this.byKey.set(key, service);
    const changed: string[] = [];
    if (JSON.stringify(spec.selector) !== JSON.stringify(old.spec.selector)) changed.push(`selector ${Object.entries(spec.selector).map(([k, v]) => `${k}=${v}`).join(',')}`);
    if (JSON.stringify(spec.ports) !== JSON.stringify(old.spec.ports)) changed.push(`ports ${ports.map((p) => `${p.port}${p.nodePort === undefined ? '' : `:${p.nodePort}`}/${p.protocol}`).join(', ')}`);
    if (spec.externalTrafficPolicy !== old.spec.externalTrafficPolicy) changed.push(`externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}`);
    return { ok: true, service, why: `${key} updated${changed.length === 0 ? ' (no change kube-proxy sees)' : `: ${changed.join('; ')}`}; ClusterIP ${old.clusterIP} kept` };
  }

  /** The load balancer controller wrote the load balancer's DNS name. */
  setIngress(namespace: string, name: string, hostname: string): ServiceState | undefined {
    const key = `${namespace}/${name}`;
    const s = this.byKey.get(key);
    if (s === undefined) return undefined;
    const next = { ...s, ingress: [{ hostname }] };
    this.byKey.set(key, next);
    return next;
  }
}
