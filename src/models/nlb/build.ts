/**
 * Building an NLB from a plain description, with AWS's defaults filled in and
 * every value checked against AWS's limits. Errors name the field by its path
 * (`targetGroups[0].deregistrationDelaySeconds`) and say what was expected,
 * so a scenario author can find the line.
 *
 * Defaults: cross-zone off (NLB), deregistration delay 300 s, TCP idle
 * timeout 350 s, client IP preservation on for `instance` and off for `ip`
 * targets, and "at least one healthy target" for DNS and routing failover
 * (behaviour.md §3; load-balancer-target-groups.md:128,137,164,251).
 */
import { healthCheckProblems } from './healthcheck/validate';
import type { HealthCheckSettings } from './healthcheck/types';
import { AT_LEAST_ONE } from './failover';
import { AZ_NOT_ENABLED, GROUP_NOT_IN_USE, REGISTERING } from './reasons';
import type { HealthyTargetMinimum, Ip, Nlb, TargetGroup, TargetHealth, TargetType } from './types';

export const DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 350;

/** A target to register. */
export interface TargetSpec {
  readonly id: string;
  readonly ip: Ip;
  readonly port: number;
  readonly az: string;
}

export interface TargetGroupConfig {
  readonly name: string;
  readonly targetType: TargetType;
  readonly healthCheck: HealthCheckSettings;
  readonly crossZone?: boolean;
  readonly deregistrationDelaySeconds?: number;
  readonly terminateConnectionsOnDeregistration?: boolean;
  readonly terminateConnectionsOnUnhealthy?: boolean;
  readonly preserveClientIp?: boolean;
  readonly dnsFailover?: HealthyTargetMinimum;
  readonly routingFailover?: HealthyTargetMinimum;
  readonly targets?: readonly TargetSpec[];
}

export interface NlbConfig {
  readonly name: string;
  readonly dnsName?: string;
  readonly nodes: ReadonlyArray<{ readonly az: string; readonly ip: Ip; readonly privateIp?: Ip }>;
  readonly listeners: ReadonlyArray<{ readonly port: number; readonly targetGroup: string; readonly idleTimeoutSeconds?: number }>;
  readonly targetGroups: readonly TargetGroupConfig[];
  readonly crossZone?: boolean;
}

export type NlbBuild = { ok: true; nlb: Nlb } | { ok: false; errors: string[] };

/** Every node of a cluster as an `instance` target on the NodePort, as cloud-provider-aws registers them. */
export function instanceTargets(
  nodes: ReadonlyArray<{ readonly instanceId: string; readonly ip: Ip; readonly az: string }>,
  nodePort: number,
): TargetSpec[] {
  return nodes.map((n) => ({ id: n.instanceId, ip: n.ip, port: nodePort, az: n.az }));
}

/** Pod endpoints as `ip` targets (the AWS Load Balancer Controller's `ip` mode). */
export function ipTargets(pods: ReadonlyArray<{ readonly ip: Ip; readonly port: number; readonly az: string }>): TargetSpec[] {
  return pods.map((p) => ({ id: p.ip, ip: p.ip, port: p.port, az: p.az }));
}

/** The health a target starts with: registering, or unused when it can never receive traffic. */
export function initialHealth(nlb: Pick<Nlb, 'nodes' | 'listeners'>, tgName: string, az: string): TargetHealth {
  if (!nlb.listeners.some((l) => l.targetGroup === tgName)) return GROUP_NOT_IN_USE;
  if (!nlb.nodes.some((n) => n.az === az)) return AZ_NOT_ENABLED;
  return REGISTERING;
}

function intIn(errors: string[], path: string, value: number, lo: number, hi: number, unit: string): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    errors.push(`${path}: expected an integer from ${lo} to ${hi}${unit}, got ${value}`);
  }
}

function checkMinimum(errors: string[], path: string, min: HealthyTargetMinimum): void {
  intIn(errors, `${path}.count`, min.count, 1, 1_000_000, '');
  if (min.percentage !== undefined) intIn(errors, `${path}.percentage`, min.percentage, 1, 100, ' %');
}

function buildGroup(errors: string[], path: string, c: TargetGroupConfig, nlb: Pick<Nlb, 'nodes' | 'listeners'>): TargetGroup {
  for (const p of healthCheckProblems(c.healthCheck)) {
    errors.push(`${path}.healthCheck.${p.field}: ${p.message}`);
  }
  const tg: TargetGroup = {
    name: c.name,
    targetType: c.targetType,
    healthCheck: c.healthCheck,
    crossZone: c.crossZone,
    deregistrationDelaySeconds: c.deregistrationDelaySeconds ?? DEFAULT_DEREGISTRATION_DELAY_SECONDS,
    terminateConnectionsOnDeregistration: c.terminateConnectionsOnDeregistration ?? false,
    terminateConnectionsOnUnhealthy: c.terminateConnectionsOnUnhealthy ?? true,
    preserveClientIp: c.preserveClientIp ?? c.targetType === 'instance',
    dnsFailover: c.dnsFailover ?? AT_LEAST_ONE,
    routingFailover: c.routingFailover ?? AT_LEAST_ONE,
    targets: [],
  };
  if (c.targetType !== 'instance' && c.targetType !== 'ip') {
    errors.push(`${path}.targetType: expected instance or ip, got ${String(c.targetType)}`);
  }
  intIn(errors, `${path}.deregistrationDelaySeconds`, tg.deregistrationDelaySeconds, 0, 3600, ' seconds');
  checkMinimum(errors, `${path}.dnsFailover`, tg.dnsFailover);
  checkMinimum(errors, `${path}.routingFailover`, tg.routingFailover);
  const seen = new Set<string>();
  (c.targets ?? []).forEach((t, i) => {
    intIn(errors, `${path}.targets[${i}].port`, t.port, 1, 65535, '');
    const key = `${t.id}:${t.port}`;
    if (seen.has(key)) errors.push(`${path}.targets[${i}]: expected each target once, got ${key} twice`);
    seen.add(key);
    tg.targets.push({ ...t, health: initialHealth(nlb, c.name, t.az) });
  });
  return tg;
}

/** Build an NLB, or every reason it cannot be built. */
export function createNlb(config: NlbConfig): NlbBuild {
  const errors: string[] = [];
  if (config.nodes.length === 0) errors.push('nodes: expected at least one enabled AZ, got none');
  const azs = new Set<string>();
  const nodes = config.nodes.map((n, i) => {
    if (azs.has(n.az)) errors.push(`nodes[${i}].az: expected one node per AZ, got ${n.az} twice`);
    azs.add(n.az);
    return { az: n.az, ip: n.ip, privateIp: n.privateIp ?? n.ip };
  });
  const groupNames = new Set(config.targetGroups.map((g) => g.name));
  const ports = new Set<number>();
  const listeners = config.listeners.map((l, i) => {
    const path = `listeners[${i}]`;
    intIn(errors, `${path}.port`, l.port, 1, 65535, '');
    if (ports.has(l.port)) errors.push(`${path}.port: expected one listener per port, got ${l.port} twice`);
    ports.add(l.port);
    if (!groupNames.has(l.targetGroup)) {
      errors.push(`${path}.targetGroup: expected one of the target groups (${[...groupNames].join(', ')}), got ${l.targetGroup}`);
    }
    const idleTimeoutSeconds = l.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS;
    intIn(errors, `${path}.idleTimeoutSeconds`, idleTimeoutSeconds, 60, 6000, ' seconds');
    return { port: l.port, protocol: 'TCP' as const, targetGroup: l.targetGroup, idleTimeoutSeconds };
  });
  const shape = { nodes, listeners };
  const targetGroups = config.targetGroups.map((g, i) => buildGroup(errors, `targetGroups[${i}]`, g, shape));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    nlb: {
      name: config.name,
      dnsName: config.dnsName ?? `${config.name}.elb.amazonaws.com`,
      nodes,
      listeners,
      targetGroups,
      crossZone: config.crossZone ?? false,
    },
  };
}
