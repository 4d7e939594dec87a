/**
 * The NLB as plain data: nodes, listeners, target groups and targets.
 *
 * Decision functions (routing, DNS, describe-target-health) read this data and
 * nothing else, so a test can build an NLB in any state by hand. The runtime
 * (`runtime.ts`) is the only writer of `Target.health` while a world runs.
 */
import type { HealthCheckSettings } from './healthcheck/types';

/** A dotted IPv4 address, e.g. `10.0.1.15`. Kept as a string so traces compare byte for byte. */
export type Ip = string;

/** One NLB node: there is exactly one per enabled Availability Zone. */
export interface NlbNode {
  /** The AZ this node serves, e.g. `eu-west-1a`. */
  readonly az: string;
  /** The address DNS hands out for this AZ (public for internet-facing NLBs, EIP if one is attached). */
  readonly ip: Ip;
  /** The node's address inside the subnet: the source of health checks and of non-preserved client traffic. */
  readonly privateIp: Ip;
}

/** A TCP listener forwarding everything to one target group. */
export interface Listener {
  readonly port: number;
  readonly protocol: 'TCP';
  readonly targetGroup: string;
  /** TCP idle timeout; 350 s unless configured (60–6000 s since 2024). */
  readonly idleTimeoutSeconds: number;
}

/** The AWS target health states (`describe-target-health` `TargetHealth.State`). */
export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

/** AWS reason codes this model produces (target-group-health-checks.md, "Health check reason codes"). */
export type TargetHealthReason =
  | 'Elb.RegistrationInProgress'
  | 'Elb.InitialHealthChecking'
  | 'Target.FailedHealthChecks'
  | 'Target.DeregistrationInProgress'
  | 'Target.NotRegistered'
  | 'Target.NotInUse';

/** What `describe-target-health` reports for one target. */
export interface TargetHealth {
  readonly state: TargetHealthState;
  /** Absent when healthy, as in the AWS API. */
  readonly reason?: TargetHealthReason;
  readonly description?: string;
}

/** A registered target: a node's NodePort (`instance`) or a pod's IP and port (`ip`). */
export interface Target {
  /** `Target.Id`: the EC2 instance id for `instance` targets, the IP for `ip` targets. */
  readonly id: string;
  /** Where traffic goes: the node's IP for `instance` targets, the pod's IP for `ip` targets. */
  readonly ip: Ip;
  /** The NodePort (`instance`) or the pod port (`ip`). */
  readonly port: number;
  readonly az: string;
  /** Written by the runtime as the target's health machine changes state. */
  health: TargetHealth;
}

/** `instance`: NodePorts on every node; `ip`: pod IPs directly. */
export type TargetType = 'instance' | 'ip';

/** Thresholds below which the NLB takes a zone out of DNS or routes to unhealthy targets too. */
export interface HealthyTargetMinimum {
  /** Minimum healthy targets (default 1: "healthy as long as it has at least one healthy target"). */
  readonly count: number;
  /** Minimum healthy percentage of the targets the node can reach, 1–100; absent = not used. */
  readonly percentage?: number;
}

export interface TargetGroup {
  readonly name: string;
  readonly targetType: TargetType;
  /** Written by the runtime when the settings are modified while it runs (ModifyTargetGroup). */
  healthCheck: HealthCheckSettings;
  /** `undefined` = use the load balancer's setting (`use_load_balancer_configuration`). */
  readonly crossZone?: boolean;
  /** `deregistration_delay.timeout_seconds`: 300 by default, 0–3600. */
  readonly deregistrationDelaySeconds: number;
  /** `deregistration_delay.connection_termination.enabled`: off by default, so flows outlive draining. */
  readonly terminateConnectionsOnDeregistration: boolean;
  /** `target_health_state.unhealthy.connection_termination.enabled`: on by default (RST on unhealthy). */
  readonly terminateConnectionsOnUnhealthy: boolean;
  /** `preserve_client_ip.enabled`: on for `instance`, off for `ip` TCP targets by default. */
  readonly preserveClientIp: boolean;
  /** `target_group_health.dns_failover.minimum_healthy_targets.*`. */
  readonly dnsFailover: HealthyTargetMinimum;
  /** `target_group_health.unhealthy_state_routing.minimum_healthy_targets.*`. */
  readonly routingFailover: HealthyTargetMinimum;
  /** Registered targets, in registration order (the order routing candidates are listed in). */
  readonly targets: Target[];
}

export interface Nlb {
  readonly name: string;
  /** e.g. `web-1234567890abcdef.elb.eu-west-1.amazonaws.com`. */
  readonly dnsName: string;
  /** One per enabled AZ, in the order the AZs were enabled. */
  readonly nodes: readonly NlbNode[];
  readonly listeners: readonly Listener[];
  readonly targetGroups: readonly TargetGroup[];
  /** `load_balancing.cross_zone.enabled`: **off** by default for NLBs. */
  readonly crossZone: boolean;
}

/** The TCP 5-tuple of a connection as the NLB node sees it. */
export interface FlowTuple {
  readonly protocol: 'tcp';
  readonly srcIp: Ip;
  readonly srcPort: number;
  /** The NLB node's address the client connected to. */
  readonly dstIp: Ip;
  /** The listener port. */
  readonly dstPort: number;
}
