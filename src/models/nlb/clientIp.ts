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
import { PairTexts } from '../../sim';
import type { FlowTuple, Ip, NlbNode, TargetGroup } from './types';

/** The `why` texts, made once per target type (and node address): every new connection has one. */
const preservedWhy = new PairTexts<string, boolean>((targetType) => `client IP preserved (${targetType} target group, preserve_client_ip on)`);
const rewrittenWhy = new PairTexts<string, Ip>((targetType, privateIp) => `source rewritten to the NLB node's private IP ${privateIp} (${targetType} target group, preserve_client_ip off)`);

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
      why: preservedWhy.get(tg.targetType, true),
    };
  }
  return {
    ip: node.privateIp,
    port: flow.srcPort,
    preserved: false,
    why: rewrittenWhy.get(tg.targetType, node.privateIp),
  };
}
