/**
 * Terminal hooks from the NLB model: target groups with made-up but
 * well-formed ARNs, and `describe-target-health` in the AWS CLI's JSON and
 * text, from the model's own describe functions.
 */
import { describeTargetHealth, formatDescribeJson, formatDescribeText, type HealthCheckSettings, type Nlb } from '../../../models/nlb';
import type { TargetGroupHealthCheck, TargetGroupInfo } from '../../../models/shell/host/host';

export interface NlbAccount {
  readonly region: string;
  readonly accountId: string;
}

/** A stable 16-hex-digit id from a name, as AWS puts at the end of an ARN. */
function hexOf(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 16; round++) {
    for (const c of `${round}:${name}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 16);
}

export function loadBalancerArn(nlb: Nlb, account: NlbAccount): string {
  return `arn:aws:elasticloadbalancing:${account.region}:${account.accountId}:loadbalancer/net/${nlb.name}/${hexOf(nlb.name)}`;
}

export function targetGroupArn(name: string, account: NlbAccount): string {
  return `arn:aws:elasticloadbalancing:${account.region}:${account.accountId}:targetgroup/${name}/${hexOf(name)}`;
}

/** A target group's health-check settings as the API names them; read each time, so a ModifyTargetGroup shows. */
function healthCheckOf(hc: HealthCheckSettings): TargetGroupHealthCheck {
  const http = hc.protocol !== 'TCP';
  return {
    protocol: hc.protocol,
    port: String(hc.port),
    enabled: true,
    intervalSeconds: hc.intervalSeconds,
    timeoutSeconds: hc.timeoutSeconds,
    healthyThreshold: hc.healthyThreshold,
    unhealthyThreshold: hc.unhealthyThreshold,
    ...(http ? { path: hc.path, matcher: hc.matcher } : {}),
  };
}

/** The NLB's target groups as `aws elbv2 describe-target-groups` lists them, with their health checks as they are now. */
export function targetGroupsOf(nlb: Nlb, account: NlbAccount): TargetGroupInfo[] {
  return nlb.targetGroups.map((tg) => ({
    name: tg.name,
    arn: targetGroupArn(tg.name, account),
    protocol: 'TCP',
    port: nlb.listeners.find((l) => l.targetGroup === tg.name)?.port ?? tg.targets[0]?.port ?? 80,
    targetType: tg.targetType,
    loadBalancerArns: [loadBalancerArn(nlb, account)],
    healthCheck: healthCheckOf(tg.healthCheck),
  }));
}

/** `describe-target-health` for a target group ARN, or undefined when the NLB has no such group. */
export function describeTargetHealthText(nlb: Nlb, account: NlbAccount, arn: string, output: 'json' | 'text'): string | undefined {
  const tg = nlb.targetGroups.find((g) => targetGroupArn(g.name, account) === arn);
  if (tg === undefined) return undefined;
  const described = describeTargetHealth(tg);
  return output === 'json' ? formatDescribeJson(described) : formatDescribeText(described);
}
