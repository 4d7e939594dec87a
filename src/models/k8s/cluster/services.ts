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
