/** A three-AZ NLB used across the NLB tests (not a test file itself). */
import { createNlb, instanceTargets, ipTargets } from '../../../src/models/nlb/build';
import type { NlbConfig, TargetGroupConfig } from '../../../src/models/nlb/build';
import { LBC_CLUSTER_DEFAULTS } from '../../../src/models/nlb/healthcheck/defaults';
import { HEALTHY, UNHEALTHY } from '../../../src/models/nlb/reasons';
import type { Nlb, Target, TargetHealth } from '../../../src/models/nlb/types';

export const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] as const;

export const NODES = [
  { az: 'eu-west-1a', ip: '198.51.100.1', privateIp: '10.0.1.5' },
  { az: 'eu-west-1b', ip: '198.51.100.2', privateIp: '10.0.2.5' },
  { az: 'eu-west-1c', ip: '198.51.100.3', privateIp: '10.0.3.5' },
];

/** Two Kubernetes nodes per AZ, registered as instance targets on NodePort 31080. */
export const K8S_NODES = [
  { instanceId: 'i-0a1', ip: '10.0.1.11', az: 'eu-west-1a' },
  { instanceId: 'i-0a2', ip: '10.0.1.12', az: 'eu-west-1a' },
  { instanceId: 'i-0b1', ip: '10.0.2.11', az: 'eu-west-1b' },
  { instanceId: 'i-0b2', ip: '10.0.2.12', az: 'eu-west-1b' },
  { instanceId: 'i-0c1', ip: '10.0.3.11', az: 'eu-west-1c' },
  { instanceId: 'i-0c2', ip: '10.0.3.12', az: 'eu-west-1c' },
];

export function webGroup(overrides: Partial<TargetGroupConfig> = {}): TargetGroupConfig {
  return {
    name: 'web',
    targetType: 'instance',
    healthCheck: LBC_CLUSTER_DEFAULTS,
    targets: instanceTargets(K8S_NODES, 31080),
    ...overrides,
  };
}

export function podGroup(overrides: Partial<TargetGroupConfig> = {}): TargetGroupConfig {
  return {
    name: 'pods',
    targetType: 'ip',
    healthCheck: LBC_CLUSTER_DEFAULTS,
    targets: ipTargets([
      { ip: '10.0.1.101', port: 8080, az: 'eu-west-1a' },
      { ip: '10.0.2.101', port: 8080, az: 'eu-west-1b' },
      { ip: '10.0.3.101', port: 8080, az: 'eu-west-1c' },
    ]),
    ...overrides,
  };
}

/** An NLB with a listener on 80 forwarding to `group`. */
export function makeNlb(group: TargetGroupConfig = webGroup(), config: Partial<NlbConfig> = {}): Nlb {
  const built = createNlb({
    name: 'web',
    dnsName: 'web-0123456789abcdef.elb.eu-west-1.amazonaws.com',
    nodes: NODES,
    listeners: [{ port: 80, targetGroup: group.name }],
    targetGroups: [group],
    ...config,
  });
  if (!built.ok) throw new Error(built.errors.join('\n'));
  return built.nlb;
}

/** Set the health of the targets matching `which` (all when omitted). */
export function setHealth(nlb: Nlb, health: TargetHealth, which: (t: Target) => boolean = () => true): void {
  for (const tg of nlb.targetGroups) for (const t of tg.targets) if (which(t)) t.health = health;
}

export const allHealthy = (nlb: Nlb) => setHealth(nlb, HEALTHY);
export const inAz = (az: string) => (t: Target) => t.az === az;
export { HEALTHY, UNHEALTHY };
