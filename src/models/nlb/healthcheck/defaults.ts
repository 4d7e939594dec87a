/**
 * Health-check defaults, one table per creator of the target group.
 *
 * They differ a lot (30 s × 2 failures against 10 s × 3), which is why the
 * same pod failure takes a different time to leave the NLB depending on who
 * built it. Sources are cited on each table; behaviour.md section 3 quotes them.
 */
import type { HealthCheckProtocol, HealthCheckSettings } from './types';

/** AWS API timeout default depends on the protocol: 6 s for HTTP, 10 s for TCP and HTTPS. */
export function awsDefaultTimeoutSeconds(protocol: HealthCheckProtocol): number {
  return protocol === 'HTTP' ? 6 : 10;
}

/**
 * AWS API defaults for an NLB target group
 * (elb-network-load-balancers-user-guide, target-group-health-checks.md:28-37).
 */
export const AWS_API_DEFAULTS: HealthCheckSettings = {
  protocol: 'TCP',
  port: 'traffic-port',
  path: '/',
  intervalSeconds: 30,
  timeoutSeconds: 10,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  matcher: '200-399',
  source: 'AWS API defaults (target-group-health-checks.md)',
};

/**
 * AWS Load Balancer Controller, externalTrafficPolicy Cluster (and every `ip` target group):
 * TCP on the traffic port, 10 s, 3/3 (`pkg/service/model_builder.go`, defaultHealthCheck*).
 */
export const LBC_CLUSTER_DEFAULTS: HealthCheckSettings = {
  protocol: 'TCP',
  port: 'traffic-port',
  path: '/',
  intervalSeconds: 10,
  timeoutSeconds: 10,
  healthyThreshold: 3,
  unhealthyThreshold: 3,
  matcher: '200-399',
  source: 'AWS Load Balancer Controller defaults (TCP traffic-port, model_builder.go)',
};

/**
 * AWS Load Balancer Controller, `instance` targets with externalTrafficPolicy Local:
 * HTTP `/healthz` on the Service's healthCheckNodePort, 10 s, timeout 6 s, 2/2
 * (`model_builder.go`, defaultHealthCheck*ForInstanceModeLocal).
 */
export function lbcLocalDefaults(healthCheckNodePort: number): HealthCheckSettings {
  return {
    protocol: 'HTTP',
    port: healthCheckNodePort,
    path: '/healthz',
    intervalSeconds: 10,
    timeoutSeconds: 6,
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    matcher: '200-399',
    source: 'AWS Load Balancer Controller defaults for externalTrafficPolicy Local (HTTP /healthz on healthCheckNodePort)',
  };
}

/**
 * Legacy cloud-provider-aws `nlb`, externalTrafficPolicy Cluster: TCP, 30 s, 10 s, 3/3
 * (`aws_loadbalancer.go:70-77`, defaultNlbHealthCheck*).
 */
export const LEGACY_CLUSTER_DEFAULTS: HealthCheckSettings = {
  protocol: 'TCP',
  port: 'traffic-port',
  path: '/',
  intervalSeconds: 30,
  timeoutSeconds: 10,
  healthyThreshold: 3,
  unhealthyThreshold: 3,
  matcher: '200-399',
  source: 'cloud-provider-aws nlb defaults (TCP traffic-port, aws_loadbalancer.go)',
};

/**
 * Legacy cloud-provider-aws `nlb`, externalTrafficPolicy Local: HTTP `/healthz` on the
 * healthCheckNodePort, 10 s, 10 s, 2/2 (`aws_loadbalancer.go`, buildNLBHealthCheckConfiguration).
 */
export function legacyLocalDefaults(healthCheckNodePort: number): HealthCheckSettings {
  return {
    protocol: 'HTTP',
    port: healthCheckNodePort,
    path: '/healthz',
    intervalSeconds: 10,
    timeoutSeconds: 10,
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    matcher: '200-399',
    source: 'cloud-provider-aws nlb defaults for externalTrafficPolicy Local (HTTP /healthz on healthCheckNodePort)',
  };
}
