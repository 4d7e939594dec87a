/**
 * ModifyTargetGroup for health checks: some settings changed on a running
 * target group, checked against the same AWS limits as at creation
 * (interval 5–300 s, timeout 2–120 s and at most the interval, thresholds
 * 2–10). Out-of-range values are refused with the reason, as the API
 * refuses them; nothing changes then.
 */
import type { HealthCheckSettings } from './types';
import { FIELD_LABEL, healthCheckProblems } from './validate';

/** The fields a health-check change may set; absent ones keep their value. */
export interface HealthCheckChange {
  readonly intervalSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly healthyThreshold?: number;
  readonly unhealthyThreshold?: number;
}

export type HealthCheckModified = { ok: true; settings: HealthCheckSettings; why: string } | { ok: false; why: string };

/** The settings after `change`, or why AWS would refuse it. */
export function modifyHealthCheck(current: HealthCheckSettings, change: HealthCheckChange): HealthCheckModified {
  const fields = (Object.keys(change) as (keyof HealthCheckChange)[]).filter((k) => change[k] !== undefined);
  if (fields.length === 0) return { ok: false, why: 'expected at least one of interval, timeout, healthy threshold, unhealthy threshold' };
  const next: HealthCheckSettings = { ...current, ...Object.fromEntries(fields.map((k) => [k, change[k]])), source: `${current.source}; modified` };
  const problems = healthCheckProblems(next);
  if (problems.length > 0) return { ok: false, why: problems.map((p) => `${FIELD_LABEL[p.field]}: ${p.message}`).join('; ') };
  const what = fields.map((k) => `${FIELD_LABEL[k]} ${current[k]} → ${next[k]}${k.endsWith('Seconds') ? ' s' : ''}`).join(', ');
  return { ok: true, settings: next, why: what };
}
