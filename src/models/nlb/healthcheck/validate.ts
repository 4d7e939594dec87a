/**
 * Validation of health-check settings against the AWS API's limits
 * (elbv2 CreateTargetGroup / ModifyTargetGroup): interval 5–300 s, timeout
 * 2–120 s, thresholds 2–10, path starting with `/` and at most 1024
 * characters, matcher codes 200–599 for NLB.
 *
 * The timeout may not exceed the interval. For NLB it may equal it (the
 * LBC's 10 s / 10 s); "interval must be greater than the timeout" is the ALB
 * rule (aws-cdk PR #16445 moved it to ALB only; PR #26031 checks NLB
 * timeout ≤ interval). The simulator relies on it too: one check round ends
 * before the next begins.
 */
import { parseMatcher } from './matcher';
import type { HealthCheckSettings } from './types';

/** A settings field that can be wrong. */
export type HealthCheckField = Exclude<keyof HealthCheckSettings, 'source'>;

/** One problem: which field, and what was expected instead of what was given. */
export interface HealthCheckProblem {
  readonly field: HealthCheckField;
  readonly message: string;
  /** Another field the problem depends on (the interval, for a timeout longer than it). */
  readonly related?: HealthCheckField;
}

/** Human names of the fields, as the AWS console labels them. */
export const FIELD_LABEL: Readonly<Record<HealthCheckField, string>> = {
  protocol: 'protocol',
  port: 'port',
  path: 'path',
  intervalSeconds: 'interval',
  timeoutSeconds: 'timeout',
  healthyThreshold: 'healthy threshold',
  unhealthyThreshold: 'unhealthy threshold',
  matcher: 'success codes',
};

function integerIn(value: number, lo: number, hi: number, unit: string): string | undefined {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    return `expected an integer from ${lo} to ${hi}${unit}, got ${value}`;
  }
  return undefined;
}

/** Every problem with `s`; empty when valid. */
export function healthCheckProblems(s: HealthCheckSettings): HealthCheckProblem[] {
  const problems: HealthCheckProblem[] = [];
  const add = (field: HealthCheckField, message: string | undefined, related?: HealthCheckField): void => {
    if (message !== undefined) problems.push(related === undefined ? { field, message } : { field, message, related });
  };
  if (s.protocol !== 'TCP' && s.protocol !== 'HTTP' && s.protocol !== 'HTTPS') {
    add('protocol', `expected TCP, HTTP or HTTPS, got ${String(s.protocol)}`);
  }
  if (s.port !== 'traffic-port' && !(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535)) {
    add('port', `expected "traffic-port" or a port from 1 to 65535, got ${String(s.port)}`);
  }
  add('intervalSeconds', integerIn(s.intervalSeconds, 5, 300, ' seconds'));
  add('timeoutSeconds', integerIn(s.timeoutSeconds, 2, 120, ' seconds'));
  add('healthyThreshold', integerIn(s.healthyThreshold, 2, 10, ' checks'));
  add('unhealthyThreshold', integerIn(s.unhealthyThreshold, 2, 10, ' checks'));
  if (s.timeoutSeconds > s.intervalSeconds) {
    add(
      'timeoutSeconds',
      `expected a timeout of at most the interval (${s.intervalSeconds} s), got ${s.timeoutSeconds} s: lower the timeout or raise the interval`,
      'intervalSeconds',
    );
  }
  if (s.protocol !== 'TCP') {
    if (!s.path.startsWith('/') || s.path.length > 1024) {
      add('path', `expected a path starting with "/" of at most 1024 characters, got "${s.path}"`);
    }
    const matcher = parseMatcher(s.matcher);
    if (!matcher.ok) add('matcher', matcher.error);
  }
  return problems;
}

/** Every problem with `s` as a sentence naming the field; empty when valid. */
export function validateHealthCheckSettings(s: HealthCheckSettings): string[] {
  return healthCheckProblems(s).map((p) => `${FIELD_LABEL[p.field]}: ${p.message}`);
}
