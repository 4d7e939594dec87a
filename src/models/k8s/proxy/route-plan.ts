/**
 * The per-connection work of `routeConnection` that depends only on the
 * programmed rules and the node, done once: for a Service port on a node,
 * its categorized endpoints, and per way in (ClusterIP or NodePort) the
 * chain, its rules and the fixed parts of the `why`. A sync replaces the
 * `ServicePortInfo` objects (they are never changed in place), so keying the
 * plans by object identity in a WeakMap drops them with the old rules: the
 * first connection after a sync plans afresh.
 *
 * The cached text is built exactly as the uncached code wrote it, so the
 * trace stays byte for byte the same.
 */
import type { Cidr } from '../cluster/ipv4';
import { cidrContains, parseIpv4 } from '../cluster/ipv4';
import { BoundedCache } from '../../../sim';
import type { Categorized, ProxyEndpoint } from './categorize';
import { categorize } from './categorize';
import { localServiceChain, serviceChain } from './chain-names';
import type { ChainRule } from './rules';
import { chainRules, describeRule } from './rules';
import type { ServicePortInfo } from './service-port';
import { portNameOf } from './service-port';

/** How a connection reaches the Service: its ClusterIP or a NodePort. */
export type Entry = 'clusterIP' | 'nodePort';

/** One way in to one Service port on one node. */
export interface EntryPlan {
  readonly policy: string;
  readonly policyName: string;
  readonly useLocal: boolean;
  readonly endpoints: readonly ProxyEndpoint[];
  /** Empty when there are no endpoints for this policy. */
  readonly chain: string;
  readonly rules: readonly ChainRule[];
  /** The `why` up to the matched rule: `kube-proxy on n: ns/svc:80 via …: 3 ready endpoints`. */
  readonly headline: string;
  /** Per rule (by index): `rule 1 of 3 matched (…) → pod (ip:port on node)`. */
  readonly ruleTexts: readonly string[];
  /**
   * Per rule (by index), the whole `why` of a forward by source address,
   * filled by `routeConnection` on first use: the rest of it follows from
   * the plan, and clients reuse their addresses connection after connection.
   */
  readonly whys: Map<string, string>[];
}

/** One Service port on one node. */
export interface PortPlan {
  readonly who: string;
  readonly spn: string;
  readonly cat: Categorized;
  clusterIP?: EntryPlan;
  nodePort?: EntryPlan;
}

const plans = new WeakMap<ServicePortInfo, Map<string, PortPlan>>();

/** The plan of `info` on the node named `node`, made on first use. */
export function portPlan(info: ServicePortInfo, node: string): PortPlan {
  let byNode = plans.get(info);
  if (byNode === undefined) {
    byNode = new Map();
    plans.set(info, byNode);
  }
  let plan = byNode.get(node);
  if (plan === undefined) {
    plan = { who: `kube-proxy on ${node}`, spn: portNameOf(info), cat: categorize(info.endpoints, node) };
    byNode.set(node, plan);
  }
  return plan;
}

/** The plan for connections entering `info` by `entry`, made on first use. */
export function entryPlan(plan: PortPlan, info: ServicePortInfo, entry: Entry): EntryPlan {
  const known = plan[entry];
  if (known !== undefined) return known;
  const { who, spn, cat } = plan;
  const policy = entry === 'nodePort' ? (info.externalTrafficPolicy ?? 'Cluster') : info.internalTrafficPolicy;
  const policyName = entry === 'nodePort' ? 'externalTrafficPolicy' : 'internalTrafficPolicy';
  const useLocal = policy === 'Local';
  const endpoints = useLocal ? cat.local : cat.cluster;
  let made: EntryPlan;
  if (endpoints.length === 0) {
    made = { policy, policyName, useLocal, endpoints, chain: '', rules: [], headline: '', ruleTexts: [], whys: [] };
  } else {
    const chain = useLocal ? localServiceChain(spn, info.protocol) : serviceChain(spn, info.protocol);
    const rules = chainRules(spn, info.protocol, endpoints);
    const usable = useLocal ? (cat.localUsesTerminating ? 'serving-but-terminating local' : 'ready local') : cat.clusterUsesTerminating ? 'serving-but-terminating' : 'ready';
    const fallback = (useLocal ? cat.localUsesTerminating : cat.clusterUsesTerminating) ? ' (no ready endpoint: falling back to terminating ones that still serve)' : '';
    const headline = `${who}: ${spn} via ${entry === 'nodePort' ? `NodePort ${info.nodePort}` : `ClusterIP ${info.clusterIP}:${info.port}`}, ${policyName} ${policy}: ${endpoints.length} ${usable} endpoint${endpoints.length === 1 ? '' : 's'}${fallback}`;
    const ruleTexts = rules.map((rule) => {
      const ep = rule.endpoint;
      return `${describeRule(rule)} → ${ep.pod} (${ep.ip}:${ep.port}${ep.node !== undefined ? ` on ${ep.node}` : ''})`;
    });
    made = { policy, policyName, useLocal, endpoints, chain, rules, headline, ruleTexts, whys: [] };
  }
  plan[entry] = made;
  return made;
}

/** Whether an address is inside each cluster CIDR, by address. Bounded: a long run with many client addresses must not grow it without end. */
const podSources = new WeakMap<Cidr, BoundedCache<string, boolean>>();

/** Whether `ip` is a pod address (inside the cluster CIDR); remembered per address, as clients reuse theirs. */
export function isPodAddress(clusterCidr: Cidr, ip: string): boolean {
  let known = podSources.get(clusterCidr);
  if (known === undefined) {
    known = new BoundedCache(10_000, (address) => {
      const parsed = parseIpv4(address);
      return parsed !== undefined && cidrContains(clusterCidr, parsed);
    });
    podSources.set(clusterCidr, known);
  }
  return known.get(ip);
}
