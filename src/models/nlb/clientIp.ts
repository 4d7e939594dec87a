/**
 * The source address a target sees.
 *
 * With client IP preservation on (the default for `instance` targets) the
 * packet keeps the client's address. With it off (the default for `ip`
 * targets over TCP) the NLB node rewrites the source to its own private IP
 * (load-balancer-target-groups.md:137,164), which is why a pod behind an
 * `ip` target group logs the NLB's address unless proxy protocol is used.
 *
 * Simplified: when the NLB rewrites the source, the client's source port is
 * kept; the real NLB picks its own port.
 */
import type { FlowTuple, Ip, NlbNode, TargetGroup } from './types';

export interface SeenSource {
  readonly ip: Ip;
  readonly port: number;
  readonly preserved: boolean;
  readonly why: string;
}

export function sourceSeenByTarget(tg: TargetGroup, node: NlbNode, flow: FlowTuple): SeenSource {
  if (tg.preserveClientIp) {
    return {
      ip: flow.srcIp,
      port: flow.srcPort,
      preserved: true,
      why: `client IP preserved (${tg.targetType} target group, preserve_client_ip on)`,
    };
  }
  return {
    ip: node.privateIp,
    port: flow.srcPort,
    preserved: false,
    why: `source rewritten to the NLB node's private IP ${node.privateIp} (${tg.targetType} target group, preserve_client_ip off)`,
  };
}
