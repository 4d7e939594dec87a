/**
 * Service annotations that override health-check settings, and how each
 * controller reads them.
 *
 * Both controllers read the same `service.beta.kubernetes.io/aws-load-balancer-healthcheck-*`
 * names (cloud-provider-aws `aws.go` ServiceAnnotationLoadBalancerHC*, LBC
 * `docs/guide/service/annotations.md`); only the LBC reads `-success-codes`.
 * Integers are parsed as Go's strconv.ParseInt does: digits only, no unit.
 */
import type { HealthCheckField } from './validate';
import type { HealthCheckController, HealthCheckProtocol } from './types';

const PREFIX = 'service.beta.kubernetes.io/aws-load-balancer-';

/** The annotation that sets each field. */
export const HEALTH_CHECK_ANNOTATIONS: Readonly<Record<HealthCheckField, string>> = {
  protocol: `${PREFIX}healthcheck-protocol`,
  port: `${PREFIX}healthcheck-port`,
  path: `${PREFIX}healthcheck-path`,
  intervalSeconds: `${PREFIX}healthcheck-interval`,
  timeoutSeconds: `${PREFIX}healthcheck-timeout`,
  healthyThreshold: `${PREFIX}healthcheck-healthy-threshold`,
  unhealthyThreshold: `${PREFIX}healthcheck-unhealthy-threshold`,
  matcher: `${PREFIX}healthcheck-success-codes`,
};

/** Fields parsed from annotations, and the problems found while parsing. */
export interface AnnotationOverrides {
  readonly values: {
    protocol?: HealthCheckProtocol;
    port?: 'traffic-port' | number;
    path?: string;
    intervalSeconds?: number;
    timeoutSeconds?: number;
    healthyThreshold?: number;
    unhealthyThreshold?: number;
    matcher?: string;
  };
  /** Fields that an annotation set, in a stable order. */
  readonly fields: HealthCheckField[];
  readonly errors: string[];
}

function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

const INTEGER_FIELDS = ['intervalSeconds', 'timeoutSeconds', 'healthyThreshold', 'unhealthyThreshold'] as const;

/** Read the health-check annotations `controller` understands. */
export function readHealthCheckAnnotations(
  controller: HealthCheckController,
  annotations: Readonly<Record<string, string>>,
): AnnotationOverrides {
  const values: AnnotationOverrides['values'] = {};
  const fields: HealthCheckField[] = [];
  const errors: string[] = [];
  const get = (field: HealthCheckField): string | undefined => annotations[HEALTH_CHECK_ANNOTATIONS[field]];

  const protocol = get('protocol');
  if (protocol !== undefined) {
    const upper = protocol.toUpperCase();
    if (upper === 'TCP' || upper === 'HTTP' || upper === 'HTTPS') {
      values.protocol = upper;
      fields.push('protocol');
    } else {
      errors.push(`${HEALTH_CHECK_ANNOTATIONS.protocol}: expected tcp, http or https, got "${protocol}"`);
    }
  }
  const port = get('port');
  if (port !== undefined) {
    const n = parseInteger(port);
    if (port === 'traffic-port' || n !== undefined) {
      values.port = port === 'traffic-port' ? port : (n as number);
      fields.push('port');
    } else {
      errors.push(`${HEALTH_CHECK_ANNOTATIONS.port}: expected "traffic-port" or a port number, got "${port}"`);
    }
  }
  const path = get('path');
  if (path !== undefined) {
    values.path = path;
    fields.push('path');
  }
  for (const field of INTEGER_FIELDS) {
    const raw = get(field);
    if (raw === undefined) continue;
    const n = parseInteger(raw);
    if (n === undefined) {
      const unit = field.endsWith('Seconds') ? 'number of seconds' : 'count of checks';
      errors.push(`${HEALTH_CHECK_ANNOTATIONS[field]}: expected an integer ${unit}, got "${raw}"`);
    } else {
      values[field] = n;
      fields.push(field);
    }
  }
  // cloud-provider-aws has no success-codes annotation: the matcher stays AWS's default.
  const matcher = controller === 'aws-load-balancer-controller' ? get('matcher') : undefined;
  if (matcher !== undefined) {
    values.matcher = matcher;
    fields.push('matcher');
  }
  return { values, fields, errors };
}
