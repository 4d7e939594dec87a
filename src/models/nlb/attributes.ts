/**
 * Load balancer and target group attributes set through Service annotations.
 *
 * - AWS Load Balancer Controller: `…/aws-load-balancer-attributes` (LB level,
 *   e.g. `load_balancing.cross_zone.enabled=true`) and
 *   `…/aws-load-balancer-target-group-attributes` (e.g.
 *   `deregistration_delay.timeout_seconds=120,preserve_client_ip.enabled=true`),
 *   both `key=value` lists separated by commas (LBC annotations.md).
 * - cloud-provider-aws: `…/aws-load-balancer-cross-zone-load-balancing-enabled`
 *   only; its target groups keep AWS's defaults.
 * Keys the simulation does not model are returned in `ignored`, not dropped
 * silently, so a scenario can say so.
 */
import type { HealthCheckController } from './healthcheck/types';

const PREFIX = 'service.beta.kubernetes.io/aws-load-balancer-';
export const LB_ATTRIBUTES_ANNOTATION = `${PREFIX}attributes`;
export const TG_ATTRIBUTES_ANNOTATION = `${PREFIX}target-group-attributes`;
export const LEGACY_CROSS_ZONE_ANNOTATION = `${PREFIX}cross-zone-load-balancing-enabled`;

/** The attributes this model understands; absent = AWS default. */
export interface NlbAttributes {
  /** Load balancer level `load_balancing.cross_zone.enabled`. */
  crossZone?: boolean;
  /** Target group level `load_balancing.cross_zone.enabled`. */
  targetGroupCrossZone?: boolean;
  deregistrationDelaySeconds?: number;
  terminateConnectionsOnDeregistration?: boolean;
  terminateConnectionsOnUnhealthy?: boolean;
  preserveClientIp?: boolean;
}

export interface AttributesRead {
  readonly attributes: NlbAttributes;
  /** `key=value` pairs understood by AWS but not modelled here. */
  readonly ignored: string[];
  readonly errors: string[];
}

/** Go's strconv.ParseBool: 1, t, T, TRUE, true, True and their false twins. */
function goParseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

type Setter = (a: NlbAttributes, v: string, where: string) => string | undefined;

function bool(set: (a: NlbAttributes, v: boolean) => void): Setter {
  return (a, v, where) => {
    if (v !== 'true' && v !== 'false') return `${where}: expected true or false, got "${v}"`;
    set(a, v === 'true');
    return undefined;
  };
}

const TG_KEYS: Readonly<Record<string, Setter>> = {
  'deregistration_delay.timeout_seconds': (a, v, where) => {
    if (!/^\d+$/.test(v)) return `${where}: expected an integer number of seconds (0–3600), got "${v}"`;
    a.deregistrationDelaySeconds = Number(v);
    return undefined;
  },
  'deregistration_delay.connection_termination.enabled': bool((a, v) => (a.terminateConnectionsOnDeregistration = v)),
  'target_health_state.unhealthy.connection_termination.enabled': bool((a, v) => (a.terminateConnectionsOnUnhealthy = v)),
  'preserve_client_ip.enabled': bool((a, v) => (a.preserveClientIp = v)),
  'load_balancing.cross_zone.enabled': bool((a, v) => (a.targetGroupCrossZone = v)),
};

const LB_KEYS: Readonly<Record<string, Setter>> = {
  'load_balancing.cross_zone.enabled': bool((a, v) => (a.crossZone = v)),
};

function readList(text: string, annotation: string, keys: Readonly<Record<string, Setter>>, out: NlbAttributes, ignored: string[], errors: string[]): void {
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) {
      errors.push(`${annotation}: expected key=value pairs separated by commas, got "${item}"`);
      continue;
    }
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const set = keys[key];
    if (set === undefined) {
      ignored.push(`${key}=${value}`);
      continue;
    }
    const error = set(out, value, `${annotation} ${key}`);
    if (error !== undefined) errors.push(error);
  }
}

/** Read the attribute annotations `controller` understands. */
export function readNlbAttributes(controller: HealthCheckController, annotations: Readonly<Record<string, string>>): AttributesRead {
  const attributes: NlbAttributes = {};
  const ignored: string[] = [];
  const errors: string[] = [];
  if (controller === 'aws-load-balancer-controller') {
    const lb = annotations[LB_ATTRIBUTES_ANNOTATION];
    if (lb !== undefined) readList(lb, LB_ATTRIBUTES_ANNOTATION, LB_KEYS, attributes, ignored, errors);
    const tg = annotations[TG_ATTRIBUTES_ANNOTATION];
    if (tg !== undefined) readList(tg, TG_ATTRIBUTES_ANNOTATION, TG_KEYS, attributes, ignored, errors);
  } else if (controller === 'cloud-provider-aws') {
    const cz = annotations[LEGACY_CROSS_ZONE_ANNOTATION];
    // cloud-provider-aws reads it with Go's strconv.ParseBool (reconcileLBAttributes).
    if (cz !== undefined && cz !== '') {
      const parsed = goParseBool(cz);
      if (parsed === undefined) errors.push(`${LEGACY_CROSS_ZONE_ANNOTATION}: expected true or false, got "${cz}"`);
      else attributes.crossZone = parsed;
    }
  }
  return { attributes, ignored, errors };
}
