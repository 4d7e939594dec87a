/**
 * The AWS Network Load Balancer: nodes per AZ, TCP listeners, `instance` and
 * `ip` target groups, health checks with the thresholds and defaults of each
 * controller, cross-zone load balancing, fail-open, DNS answers, the flow
 * table and `describe-target-health`.
 *
 * Network-agnostic: health checks go out through the world's `probe`
 * callback and come back later on the engine clock; the world calls
 * `connect` / `packet` / `close` for traffic and `dnsAnswer` for the alias
 * record. Imports only the kernel and xstate.
 *
 * Typical wiring:
 * ```ts
 * const built = createNlb({ name, nodes, listeners, targetGroups });   // plain data, validated
 * const nlb = new NlbRuntime(built.nlb, { engine, trace, rng, probe, resetFlow });
 * nlb.start();                                   // one health machine per target
 * nlb.connect(az, tuple);                        // per new connection → target or reset/drop
 * nlb.dnsAnswer();                               // per DNS query for the NLB name
 * ```
 */

// Data and building
export type {
  Nlb,
  NlbNode,
  Listener,
  TargetGroup,
  Target,
  TargetType,
  TargetHealth,
  TargetHealthState,
  TargetHealthReason,
  HealthyTargetMinimum,
  FlowTuple,
  Ip,
} from './types';
export {
  createNlb,
  instanceTargets,
  ipTargets,
  initialHealth,
  DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
} from './build';
export type { NlbConfig, TargetGroupConfig, TargetSpec, NlbBuild } from './build';
export { readNlbAttributes, LB_ATTRIBUTES_ANNOTATION, TG_ATTRIBUTES_ANNOTATION, LEGACY_CROSS_ZONE_ANNOTATION } from './attributes';
export type { NlbAttributes, AttributesRead } from './attributes';

// Health-check settings
export type { HealthCheckSettings, HealthCheckProtocol, HealthCheckController } from './healthcheck/types';
export {
  AWS_API_DEFAULTS,
  LBC_CLUSTER_DEFAULTS,
  LEGACY_CLUSTER_DEFAULTS,
  lbcLocalDefaults,
  legacyLocalDefaults,
  awsDefaultTimeoutSeconds,
} from './healthcheck/defaults';
export { pickHealthCheckSettings } from './healthcheck/settings';
export type { HealthCheckInput, HealthCheckPick } from './healthcheck/settings';
export { validateHealthCheckSettings, healthCheckProblems } from './healthcheck/validate';
export { modifyHealthCheck } from './healthcheck/modify';
export type { HealthCheckChange, HealthCheckModified } from './healthcheck/modify';
export type { HealthCheckProblem, HealthCheckField } from './healthcheck/validate';
export { HEALTH_CHECK_ANNOTATIONS, readHealthCheckAnnotations } from './healthcheck/annotations';

// Health decisions and the target machine
export { judgeProbe, consensus } from './healthcheck/judge';
export type { ProbeAnswer, ProbeVerdict, RoundResult } from './healthcheck/judge';
export { applyRound, checkLabel, NO_STREAK } from './healthcheck/thresholds';
export type { CheckedState, Streak, HealthStep } from './healthcheck/thresholds';
export { targetHealthMachine, tickId, timeoutId, DRAIN_ID } from './targetHealth.machine';
export type { TargetHealthInput, TargetHealthPort, TargetHealthEvent, TargetHealthContext } from './targetHealth.machine';
export * as reasons from './reasons';

// Traffic, DNS, reporting
export { routeConnection } from './routing';
export type { RouteRequest, RouteDecision } from './routing';
export { crossZoneEnabled, zoneView, belowMinimum, targetGroupsInUse } from './failover';
export type { ZoneView } from './failover';
export { sourceSeenByTarget } from './clientIp';
export type { SeenSource } from './clientIp';
export { FlowTable, flowKey } from './flowTable';
export type { Flow, PacketDecision } from './flowTable';
export { nlbDnsAnswer, NLB_DNS_TTL_SECONDS } from './dns';
export type { NlbDnsAnswer, ZoneHealth } from './dns';
export { describeTargetHealth, formatDescribeJson, formatDescribeText } from './describe';
export type { DescribeTargetHealthOutput, TargetHealthDescription } from './describe';

// Running in a world
export { NlbRuntime } from './runtime';
export type { NlbRuntimeOptions } from './runtime';
export { targetKey } from './world';
export type { NlbWorld, HealthProbe } from './world';
