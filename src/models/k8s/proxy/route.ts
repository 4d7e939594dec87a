/**
 * kube-proxy's decision for one new connection arriving at a node, as its
 * iptables rules would make it (behaviour.md §4).
 *
 * - To a ClusterIP: internalTrafficPolicy decides the endpoint set (Cluster:
 *   all usable endpoints; Local: this node's). The source is kept, except
 *   when it is outside the pod CIDR or the pod reaches itself (hairpin): then
 *   it is masqueraded to the node.
 * - To a NodePort on this node: externalTrafficPolicy Cluster uses every
 *   usable endpoint and SNATs to the node IP, so the pod sees the node; the
 *   endpoint may be on another node (an extra hop). Local uses only this
 *   node's endpoints and keeps the client IP; a node with none drops the
 *   packet.
 * - To the healthCheckNodePort: kube-proxy answers itself (`healthz.ts`).
 * - A Service with no usable endpoint anywhere has a REJECT rule: the client
 *   gets "connection refused". A port nothing listens on gets a RST.
 *
 * Conntrack keeps a connection on its endpoint afterwards, so the world
 * calls this once per connection, not per packet.
 */
import { flat, type Rng } from '../../../sim';
import type { Protocol } from '../api/types';
import type { Cidr } from '../cluster/ipv4';
import type { ProxyEndpoint } from './categorize';
import { categorize } from './categorize';
import type { HealthzAnswer } from './healthz';
import { healthzAnswer } from './healthz';
import type { Entry } from './route-plan';
import { entryPlan, isPodAddress, portPlan } from './route-plan';
import type { ChainRule } from './rules';
import { matchRule } from './rules';
import type { ServicePortInfo } from './service-port';
import { portNameOf } from './service-port';

export interface NewConnection {
  readonly dstIp: string;
  readonly dstPort: number;
  readonly protocol?: Protocol;
  readonly srcIp: string;
  readonly srcPort?: number;
}

export interface ProxyNode {
  readonly name: string;
  readonly ip: string;
}

export type ProxyDecision =
  | {
      readonly kind: 'forward';
      /** `ns/svc:port` */
      readonly service: string;
      readonly endpoint: ProxyEndpoint;
      /** The address the packet now goes to (DNAT). */
      readonly to: { readonly ip: string; readonly port: number };
      /** The source the pod sees. */
      readonly source: { readonly ip: string; readonly port?: number };
      readonly snat: boolean;
      /** The endpoint runs on another node: one more hop across the cluster network. */
      readonly crossNode: boolean;
      readonly chain: string;
      readonly rule: ChainRule;
      readonly why: string;
    }
  | { readonly kind: 'healthz'; readonly service: string; readonly answer: HealthzAnswer; readonly why: string }
  | { readonly kind: 'refused' | 'dropped'; readonly why: string };

function find(ports: readonly ServicePortInfo[], node: ProxyNode, c: NewConnection): { info: ServicePortInfo; entry: Entry } | undefined {
  const protocol = c.protocol ?? 'TCP';
  for (const info of ports) {
    if (info.protocol !== protocol) continue;
    if (c.dstIp === info.clusterIP && c.dstPort === info.port) return { info, entry: 'clusterIP' };
    if (c.dstIp === node.ip && info.nodePort !== undefined && c.dstPort === info.nodePort) return { info, entry: 'nodePort' };
  }
  return undefined;
}

function healthCheckPort(ports: readonly ServicePortInfo[], port: number): ServicePortInfo | undefined {
  for (const p of ports) if (p.healthCheckNodePort === port) return p;
  return undefined;
}

/**
 * Where a new connection goes. What depends only on the rules and the node
 * (endpoints, chains, most of the `why`) comes from `route-plan.ts`, worked
 * out once per sync; only the rule match, NAT and the source are per connection.
 */
export function routeConnection(
  ports: readonly ServicePortInfo[],
  node: ProxyNode,
  c: NewConnection,
  clusterCidr: Cidr,
  rng: Rng,
): ProxyDecision {
  if (c.dstIp === node.ip) {
    const hc = healthCheckPort(ports, c.dstPort);
    if (hc !== undefined) {
      const local = categorize(hc.endpoints, node.name).localReady;
      const answer = healthzAnswer(hc.namespace, hc.name, local, node.name);
      return { kind: 'healthz', service: portNameOf(hc), answer, why: `kube-proxy on ${node.name}: ${answer.why}` };
    }
  }
  const found = find(ports, node, c);
  if (found === undefined) {
    const who = `kube-proxy on ${node.name}`;
    if (c.dstIp === node.ip) return { kind: 'refused', why: `${who}: no Service has NodePort ${c.dstPort}; nothing listens on ${node.ip}:${c.dstPort}, so the node answers with a RST` };
    const isClusterIp = ports.some((p) => p.clusterIP === c.dstIp);
    return {
      kind: 'dropped',
      why: isClusterIp
        ? `${who}: ${c.dstIp} is a ClusterIP but no Service port ${c.dstPort}/${c.protocol ?? 'TCP'} is on it; nothing answers`
        : `${who}: no Service has the address ${c.dstIp}:${c.dstPort}`,
    };
  }
  const { info, entry } = found;
  const plan = portPlan(info, node.name);
  const { who, spn } = plan;
  if (!plan.cat.hasAnyEndpoints) {
    return {
      kind: 'refused',
      why: `${who}: ${spn} has no endpoints (no ready or serving pod), so its REJECT rule answers: connection refused`,
    };
  }
  const route = entryPlan(plan, info, entry);
  if (route.endpoints.length === 0) {
    return {
      kind: 'dropped',
      why: `${who}: ${spn} has no endpoint on ${node.name} and ${route.policyName} is Local, so the packet is dropped ("has no local endpoints")`,
    };
  }
  const rule = matchRule(route.rules, rng)!;
  const ep = rule.endpoint;
  const hairpin = c.srcIp === ep.ip;
  const snat = entry === 'nodePort' ? !route.useLocal : !isPodAddress(clusterCidr, c.srcIp) || hairpin;
  const source = snat ? { ip: node.ip } : c.srcPort !== undefined ? { ip: c.srcIp, port: c.srcPort } : { ip: c.srcIp };
  const crossNode = ep.node !== undefined && ep.node !== node.name;
  // Everything in the text follows from the plan (its node, entry and rule) and the source address: made once per pair.
  let bySource = route.whys[rule.index];
  if (bySource === undefined) {
    bySource = new Map();
    route.whys[rule.index] = bySource;
  }
  let why = bySource.get(c.srcIp);
  if (why === undefined) {
    why = `${route.headline}; ${route.ruleTexts[rule.index]}; `;
    if (snat) why += hairpin && entry === 'clusterIP' ? `source masqueraded to ${node.ip} (the pod reaches itself)` : `source NATed to the node IP ${node.ip}, so the pod sees the node, not ${c.srcIp}`;
    else why += `client IP ${c.srcIp} preserved`;
    if (crossNode) why += `; extra hop ${node.name} → ${ep.node}`;
    why = flat(why);
    // Bounded: a long run with many client addresses must not grow this without end.
    if (bySource.size >= 10_000) bySource.clear();
    bySource.set(c.srcIp, why);
  }
  return {
    kind: 'forward',
    service: spn,
    endpoint: ep,
    to: { ip: ep.ip, port: ep.port },
    source,
    snat,
    crossNode,
    chain: route.chain,
    rule,
    why,
  };
}
