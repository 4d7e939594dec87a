/**
 * The nat table a node's kube-proxy has programmed, printed the way
 * `iptables-save -t nat` shows it: the ClusterIP and NodePort entry rules,
 * each Service chain with its probability rules, each endpoint chain with
 * its DNAT. Trimmed to the rules that decide where a connection goes (the
 * masquerade-mark plumbing and the filter table are left out).
 */
import type { Cidr } from '../cluster/ipv4';
import { formatCidr } from '../cluster/ipv4';
import { categorize } from './categorize';
import { localServiceChain, serviceChain } from './chain-names';
import type { ChainRule } from './rules';
import { chainRules, formatRule } from './rules';
import type { ServicePortInfo } from './service-port';
import { portNameOf } from './service-port';

const q = (text: string) => (/\s/.test(text) ? `"${text}"` : text);

export function iptablesSave(ports: readonly ServicePortInfo[], node: string, clusterCidr: Cidr): string {
  const chains = new Set<string>(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-MARK-MASQ']);
  const lines: string[] = [];
  const seps: { chain: string; rule: ChainRule; protocol: string; spn: string }[] = [];
  for (const info of ports) {
    const spn = portNameOf(info);
    const proto = info.protocol.toLowerCase();
    const svc = serviceChain(spn, info.protocol);
    const cat = categorize(info.endpoints, node);
    if (!cat.hasAnyEndpoints) {
      lines.push(`-A KUBE-SERVICES -m comment --comment ${q(`${spn} has no endpoints`)} -m ${proto} -p ${proto} -d ${info.clusterIP}/32 --dport ${info.port} -j REJECT`);
      continue;
    }
    chains.add(svc);
    lines.push(`-A KUBE-SERVICES -m comment --comment ${q(`${spn} cluster IP`)} -m ${proto} -p ${proto} -d ${info.clusterIP}/32 --dport ${info.port} -j ${svc}`);
    lines.push(`-A ${svc} -m comment --comment ${q(`${spn} cluster IP`)} -m ${proto} -p ${proto} -d ${info.clusterIP}/32 --dport ${info.port} ! -s ${formatCidr(clusterCidr)} -j KUBE-MARK-MASQ`);
    const clusterRules = chainRules(spn, info.protocol, cat.cluster);
    for (const rule of clusterRules) {
      lines.push(formatRule(svc, rule));
      seps.push({ chain: rule.target, rule, protocol: proto, spn });
    }
    if (info.nodePort !== undefined) {
      const local = info.externalTrafficPolicy === 'Local';
      const target = local ? localServiceChain(spn, info.protocol) : svc;
      lines.push(`-A KUBE-NODEPORTS -m comment --comment ${q(spn)} -m ${proto} -p ${proto} --dport ${info.nodePort} -j ${target}`);
      if (!local) continue;
      chains.add(target);
      const localRules = chainRules(spn, info.protocol, cat.local);
      if (localRules.length === 0) lines.push(`-A ${target} -m comment --comment ${q(`${spn} has no local endpoints`)} -j KUBE-MARK-DROP`);
      for (const rule of localRules) {
        lines.push(formatRule(target, rule));
        if (!seps.some((s) => s.chain === rule.target)) seps.push({ chain: rule.target, rule, protocol: proto, spn });
      }
    }
  }
  for (const sep of seps) {
    chains.add(sep.chain);
    const ep = sep.rule.endpoint;
    lines.push(`-A ${sep.chain} -m comment --comment ${q(sep.spn)} -s ${ep.ip}/32 -j KUBE-MARK-MASQ`);
    lines.push(`-A ${sep.chain} -m comment --comment ${q(sep.spn)} -m ${sep.protocol} -p ${sep.protocol} -j DNAT --to-destination ${ep.ip}:${ep.port}`);
  }
  return ['*nat', ...[...chains].map((c) => `:${c} - [0:0]`), ...lines, 'COMMIT'].join('\n');
}
