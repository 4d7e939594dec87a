/**
 * The load-balancing rules of one service chain, as kube-proxy writes them
 * (`writeServiceToEndpointRules`): one rule per endpoint, each with its
 * probability except the last, and the matching walk the kernel does for a
 * new connection. The same rule list feeds `iptables-save` output.
 */
import type { Rng } from '../../../sim';
import type { ProxyEndpoint } from './categorize';
import { endpointChain } from './chain-names';
import { ruleProbability, statisticMatches } from './probability';

export interface ChainRule {
  /** 0-based position in the chain. */
  readonly index: number;
  readonly count: number;
  /** `--probability` value, absent on the last rule. */
  readonly probability?: string;
  readonly endpoint: ProxyEndpoint;
  readonly target: string;
  /** `ns/svc:port -> 10.244.1.5:80` */
  readonly comment: string;
}

export function chainRules(spn: string, protocol: string, endpoints: readonly ProxyEndpoint[]): ChainRule[] {
  return endpoints.map((endpoint, index) => {
    const address = `${endpoint.ip}:${endpoint.port}`;
    const probability = ruleProbability(index, endpoints.length);
    return {
      index,
      count: endpoints.length,
      ...(probability !== undefined ? { probability } : {}),
      endpoint,
      target: endpointChain(spn, protocol, address),
      comment: `${spn} -> ${address}`,
    };
  });
}

/** Walk the chain as the kernel does: each conditional rule draws its own random number. */
export function matchRule(rules: readonly ChainRule[], rng: Rng): ChainRule | undefined {
  for (const rule of rules) {
    if (rule.probability === undefined) return rule;
    if (statisticMatches(rule.probability, rng.nextUint32())) return rule;
  }
  return undefined;
}

/** How a matched rule reads in a `why`: `rule 2 of 3 matched (probability 0.5000000000)`. */
export function describeRule(rule: ChainRule): string {
  const position = `rule ${rule.index + 1} of ${rule.count}`;
  if (rule.probability !== undefined) return `${position} matched (probability ${rule.probability})`;
  return rule.count === 1 ? `${position} (the only endpoint)` : `${position} (the last rule has no condition and takes the rest)`;
}

/** One rule as `iptables-save` prints it. */
export function formatRule(chain: string, rule: ChainRule): string {
  const stat = rule.probability === undefined ? '' : ` -m statistic --mode random --probability ${rule.probability}`;
  return `-A ${chain} -m comment --comment "${rule.comment}"${stat} -j ${rule.target}`;
}
