/**
 * Which health-check settings a target group gets: the creator's defaults for
 * the Service's externalTrafficPolicy and target type, then the Service's
 * annotations, then the AWS API's limits.
 *
 * The AWS Load Balancer Controller switches to the kube-proxy `/healthz`
 * check only for `instance` targets with policy Local (model_build_target_group.go,
 * buildTargetGroupHealthCheckConfig); `ip` targets keep the TCP default,
 * since the check goes straight to the pod. cloud-provider-aws only registers
 * instances.
 */
import { HEALTH_CHECK_ANNOTATIONS, readHealthCheckAnnotations } from './annotations';
import {
  AWS_API_DEFAULTS,
  LBC_CLUSTER_DEFAULTS,
  LEGACY_CLUSTER_DEFAULTS,
  lbcLocalDefaults,
  legacyLocalDefaults,
} from './defaults';
import type { HealthCheckController, HealthCheckSettings } from './types';
import { FIELD_LABEL, healthCheckProblems } from './validate';

export interface HealthCheckInput {
  readonly controller: HealthCheckController;
  /** `spec.externalTrafficPolicy`; Cluster when absent, as in Kubernetes. */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /** `instance` when absent (the LBC's default, and the only type cloud-provider-aws uses). */
  readonly targetType?: 'instance' | 'ip';
  /** `spec.healthCheckNodePort`, allocated when the policy is Local. */
  readonly healthCheckNodePort?: number;
  /** The Service's annotations; ignored for `aws-api` target groups, which have none. */
  readonly annotations?: Readonly<Record<string, string>>;
}

export type HealthCheckPick = { ok: true; settings: HealthCheckSettings } | { ok: false; errors: string[] };

function base(input: HealthCheckInput): HealthCheckSettings | string {
  const local = input.externalTrafficPolicy === 'Local';
  const targetType = input.targetType ?? 'instance';
  const needsNodePort = local && input.controller !== 'aws-api' && targetType === 'instance';
  if (needsNodePort && input.healthCheckNodePort === undefined) {
    return 'healthCheckNodePort: expected a port (externalTrafficPolicy Local allocates one), got none';
  }
  const hcnp = input.healthCheckNodePort ?? 0;
  switch (input.controller) {
    case 'aws-api':
      return AWS_API_DEFAULTS;
    case 'aws-load-balancer-controller':
      return needsNodePort ? lbcLocalDefaults(hcnp) : LBC_CLUSTER_DEFAULTS;
    case 'cloud-provider-aws':
      if (targetType === 'ip') {
        return 'targetType: expected instance for cloud-provider-aws (aws-load-balancer-type "nlb" registers nodes), got ip';
      }
      return local ? legacyLocalDefaults(hcnp) : LEGACY_CLUSTER_DEFAULTS;
  }
}

/** Pick, override and validate; errors name the annotation or field and what was expected. */
export function pickHealthCheckSettings(input: HealthCheckInput): HealthCheckPick {
  const defaults = base(input);
  if (typeof defaults === 'string') return { ok: false, errors: [defaults] };
  if (input.controller === 'aws-api' || input.annotations === undefined) {
    const errors = healthCheckProblems(defaults).map((p) => `${FIELD_LABEL[p.field]}: ${p.message}`);
    return errors.length === 0 ? { ok: true, settings: defaults } : { ok: false, errors };
  }
  const overrides = readHealthCheckAnnotations(input.controller, input.annotations);
  if (overrides.errors.length > 0) return { ok: false, errors: overrides.errors };
  const note =
    overrides.fields.length === 0
      ? ''
      : `; overridden by annotation: ${overrides.fields.map((f) => HEALTH_CHECK_ANNOTATIONS[f].split('/')[1]).join(', ')}`;
  const settings: HealthCheckSettings = { ...defaults, ...overrides.values, source: defaults.source + note };
  // A problem in a field an annotation set (or in its relation to one) is reported against that
  // annotation, so the author knows which line to change.
  const errors = healthCheckProblems(settings).map((p) => {
    const set = overrides.fields.includes(p.field)
      ? p.field
      : p.related !== undefined && overrides.fields.includes(p.related)
        ? p.related
        : undefined;
    return set === undefined ? `${FIELD_LABEL[p.field]}: ${p.message}` : `${HEALTH_CHECK_ANNOTATIONS[set]}: ${p.message}`;
  });
  return errors.length === 0 ? { ok: true, settings } : { ok: false, errors };
}
