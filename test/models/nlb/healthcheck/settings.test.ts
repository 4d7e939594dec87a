import { describe, expect, it } from 'vitest';
import { pickHealthCheckSettings } from '../../../../src/models/nlb/healthcheck/settings';
import type { HealthCheckInput } from '../../../../src/models/nlb/healthcheck/settings';
import type { HealthCheckSettings } from '../../../../src/models/nlb/healthcheck/types';

function pick(input: HealthCheckInput): HealthCheckSettings {
  const result = pickHealthCheckSettings(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

/** The fields a table row states, without `source`. */
function row(s: HealthCheckSettings) {
  return {
    protocol: s.protocol,
    port: s.port,
    path: s.protocol === 'TCP' ? undefined : s.path,
    interval: s.intervalSeconds,
    timeout: s.timeoutSeconds,
    thresholds: `${s.healthyThreshold}/${s.unhealthyThreshold}`,
    matcher: s.matcher,
  };
}

const A = 'service.beta.kubernetes.io/aws-load-balancer-';

describe('health-check defaults (behaviour.md §3 tables)', () => {
  it('uses the AWS API defaults for a hand-made target group: TCP, 30 s, 10 s, 5/2, / and 200-399', () => {
    // elb-network-load-balancers-user-guide target-group-health-checks.md:28-37.
    expect(row(pick({ controller: 'aws-api' }))).toEqual({
      protocol: 'TCP',
      port: 'traffic-port',
      path: undefined,
      interval: 30,
      timeout: 10,
      thresholds: '5/2',
      matcher: '200-399',
    });
  });

  it('uses TCP on the traffic port, 10 s, 10 s, 3/3 for the AWS Load Balancer Controller with policy Cluster', () => {
    // aws-load-balancer-controller pkg/service/model_builder.go:147-166 (defaultHealthCheck*).
    expect(row(pick({ controller: 'aws-load-balancer-controller', externalTrafficPolicy: 'Cluster' }))).toMatchObject({
      protocol: 'TCP',
      port: 'traffic-port',
      interval: 10,
      timeout: 10,
      thresholds: '3/3',
    });
  });

  it('uses HTTP /healthz on the healthCheckNodePort, 10 s, 6 s, 2/2 for the LBC with policy Local', () => {
    // model_builder.go: defaultHealthCheck*ForInstanceModeLocal.
    expect(
      row(pick({ controller: 'aws-load-balancer-controller', externalTrafficPolicy: 'Local', healthCheckNodePort: 31999 })),
    ).toEqual({
      protocol: 'HTTP',
      port: 31999,
      path: '/healthz',
      interval: 10,
      timeout: 6,
      thresholds: '2/2',
      matcher: '200-399',
    });
  });

  it('keeps the TCP default for LBC ip targets even with policy Local, since the check goes to the pod', () => {
    // model_build_target_group.go buildTargetGroupHealthCheckConfig: Local defaults only for TargetTypeInstance.
    expect(
      row(pick({ controller: 'aws-load-balancer-controller', externalTrafficPolicy: 'Local', targetType: 'ip', healthCheckNodePort: 31999 })),
    ).toMatchObject({ protocol: 'TCP', port: 'traffic-port', interval: 10, thresholds: '3/3' });
  });

  it('uses TCP, 30 s, 10 s, 3/3 for the legacy cloud-provider-aws nlb with policy Cluster', () => {
    // cloud-provider-aws aws_loadbalancer.go:70-77 (defaultNlbHealthCheckInterval/Timeout/Threshold).
    expect(row(pick({ controller: 'cloud-provider-aws' }))).toMatchObject({
      protocol: 'TCP',
      port: 'traffic-port',
      interval: 30,
      timeout: 10,
      thresholds: '3/3',
    });
  });

  it('uses HTTP /healthz on the healthCheckNodePort, 10 s, 10 s, 2/2 for the legacy provider with policy Local', () => {
    // cloud-provider-aws aws.go:2175-2195 (buildNLBHealthCheckConfiguration, Local branch).
    expect(row(pick({ controller: 'cloud-provider-aws', externalTrafficPolicy: 'Local', healthCheckNodePort: 32100 }))).toEqual({
      protocol: 'HTTP',
      port: 32100,
      path: '/healthz',
      interval: 10,
      timeout: 10,
      thresholds: '2/2',
      matcher: '200-399',
    });
  });

  it('says where the values came from', () => {
    expect(pick({ controller: 'cloud-provider-aws' }).source).toContain('cloud-provider-aws');
  });
});

describe('annotation overrides', () => {
  it('applies the healthcheck-interval and threshold annotations and names them in the source', () => {
    const s = pick({
      controller: 'aws-load-balancer-controller',
      annotations: { [`${A}healthcheck-interval`]: '20', [`${A}healthcheck-unhealthy-threshold`]: '2' },
    });
    expect([s.intervalSeconds, s.unhealthyThreshold, s.healthyThreshold]).toEqual([20, 2, 3]);
    expect(s.source).toContain('aws-load-balancer-healthcheck-interval');
  });

  it('reads the protocol case-insensitively and a numeric port', () => {
    const s = pick({
      controller: 'cloud-provider-aws',
      annotations: { [`${A}healthcheck-protocol`]: 'http', [`${A}healthcheck-port`]: '8080', [`${A}healthcheck-path`]: '/ready' },
    });
    expect([s.protocol, s.port, s.path]).toEqual(['HTTP', 8080, '/ready']);
  });

  it('reads success codes for the LBC only (cloud-provider-aws has no such annotation)', () => {
    const annotations = { [`${A}healthcheck-protocol`]: 'HTTP', [`${A}healthcheck-success-codes`]: '200' };
    expect(pick({ controller: 'aws-load-balancer-controller', annotations }).matcher).toBe('200');
    expect(pick({ controller: 'cloud-provider-aws', annotations }).matcher).toBe('200-399');
  });

  it('ignores annotations for a target group made through the AWS API', () => {
    expect(pick({ controller: 'aws-api', annotations: { [`${A}healthcheck-interval`]: '5' } }).intervalSeconds).toBe(30);
  });
});

describe('validation messages', () => {
  it('rejects an interval out of 5–300 and names the annotation that set it', () => {
    const r = pickHealthCheckSettings({
      controller: 'aws-load-balancer-controller',
      annotations: { [`${A}healthcheck-interval`]: '400' },
    });
    expect(r).toEqual({
      ok: false,
      errors: [`${A}healthcheck-interval: expected an integer from 5 to 300 seconds, got 400`],
    });
  });

  it('rejects a value that is not an integer, saying what was expected', () => {
    const r = pickHealthCheckSettings({ controller: 'cloud-provider-aws', annotations: { [`${A}healthcheck-timeout`]: '10s' } });
    expect(r).toEqual({ ok: false, errors: [`${A}healthcheck-timeout: expected an integer number of seconds, got "10s"`] });
  });

  it('rejects an unknown protocol', () => {
    const r = pickHealthCheckSettings({ controller: 'cloud-provider-aws', annotations: { [`${A}healthcheck-protocol`]: 'UDP' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toBe(`${A}healthcheck-protocol: expected tcp, http or https, got "UDP"`);
  });

  it('rejects thresholds outside 2–10', () => {
    const r = pickHealthCheckSettings({
      controller: 'aws-load-balancer-controller',
      annotations: { [`${A}healthcheck-healthy-threshold`]: '1', [`${A}healthcheck-unhealthy-threshold`]: '11' },
    });
    expect(!r.ok && r.errors).toEqual([
      `${A}healthcheck-healthy-threshold: expected an integer from 2 to 10 checks, got 1`,
      `${A}healthcheck-unhealthy-threshold: expected an integer from 2 to 10 checks, got 11`,
    ]);
  });

  it('rejects a timeout longer than the interval, naming the annotation that made it so', () => {
    const r = pickHealthCheckSettings({ controller: 'cloud-provider-aws', annotations: { [`${A}healthcheck-interval`]: '5' } });
    expect(r).toEqual({
      ok: false,
      errors: [
        `${A}healthcheck-interval: expected a timeout of at most the interval (5 s), got 10 s: lower the timeout or raise the interval`,
      ],
    });
    const ok = pickHealthCheckSettings({
      controller: 'cloud-provider-aws',
      annotations: { [`${A}healthcheck-interval`]: '5', [`${A}healthcheck-timeout`]: '5' },
    });
    expect(ok.ok).toBe(true);
  });

  it('needs a healthCheckNodePort for policy Local with instance targets', () => {
    const r = pickHealthCheckSettings({ controller: 'aws-load-balancer-controller', externalTrafficPolicy: 'Local' });
    expect(!r.ok && r.errors[0]).toContain('healthCheckNodePort: expected a port');
  });

  it('refuses ip targets for cloud-provider-aws, which registers nodes', () => {
    const r = pickHealthCheckSettings({ controller: 'cloud-provider-aws', targetType: 'ip' });
    expect(!r.ok && r.errors[0]).toContain('targetType: expected instance');
  });

  it('rejects a path that does not start with / and success codes outside 200–599', () => {
    const r = pickHealthCheckSettings({
      controller: 'aws-load-balancer-controller',
      annotations: {
        [`${A}healthcheck-protocol`]: 'HTTP',
        [`${A}healthcheck-path`]: 'healthz',
        [`${A}healthcheck-success-codes`]: '100-200',
      },
    });
    expect(!r.ok && r.errors).toEqual([
      `${A}healthcheck-path: expected a path starting with "/" of at most 1024 characters, got "healthz"`,
      `${A}healthcheck-success-codes: expected codes between 200 and 599 (low-high, low ≤ high), got "100-200"`,
    ]);
  });
});
