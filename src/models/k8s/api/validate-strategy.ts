/**
 * `spec.strategy` of a Deployment: `RollingUpdate` (default) with
 * `maxSurge` and `maxUnavailable` as a count or a percentage (default 25%
 * each), or `Recreate`. The API server refuses both at 0
 * (`ValidateRollingUpdateDeployment`: "may not be 0 when `maxSurge` is 0")
 * and a percentage over 100% for maxUnavailable.
 */
import type { PathSegment } from './problems';
import type { Findings } from './problems';
import type { Fields } from './read';
import type { DeploymentStrategy } from './types';
import { checkKeys, readEnum, readIntOrString, readObject } from './read';


export const DEFAULT_STRATEGY = { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' } as const satisfies DeploymentStrategy;

function intOrPercent(f: Findings, obj: Fields, key: string, path: readonly PathSegment[], max100: boolean): number | string | undefined {
  const v = readIntOrString(f, obj, key, path);
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    if (v < 0) f.invalid([...path, key], v, 'a count ≥ 0', 'must be greater than or equal to 0');
    return v < 0 ? undefined : v;
  }
  const m = /^(\d+)%$/.exec(v);
  if (m === null) {
    f.invalid([...path, key], v, 'a count (1) or a percentage (25%)', "a valid percent string must be a numeric string followed by an ending '%'");
    return undefined;
  }
  if (max100 && Number(m[1]) > 100) {
    f.invalid([...path, key], v, 'a percentage up to 100%', 'must not be greater than 100%');
    return undefined;
  }
  return v;
}

const isZero = (v: number | string) => v === 0 || v === '0%';

/** Read `spec.strategy`; the default when absent. */
export function readStrategy(f: Findings, spec: Fields, specPath: readonly PathSegment[]): DeploymentStrategy {
  const raw = readObject(f, spec, 'strategy', specPath);
  if (raw === undefined) return DEFAULT_STRATEGY;
  const path = [...specPath, 'strategy'];
  checkKeys(f, raw, path, { supported: ['type', 'rollingUpdate'] });
  const type = readEnum(f, raw, 'type', path, ['RollingUpdate', 'Recreate'] as const) ?? 'RollingUpdate';
  const ru = readObject(f, raw, 'rollingUpdate', path);
  if (type === 'Recreate') {
    if (ru !== undefined) f.error([...path, 'rollingUpdate'], 'no rollingUpdate with type Recreate', 'Forbidden: may not be specified when strategy `type` is \'Recreate\'');
    return { type };
  }
  if (ru === undefined) return DEFAULT_STRATEGY;
  const ruPath = [...path, 'rollingUpdate'];
  checkKeys(f, ru, ruPath, { supported: ['maxSurge', 'maxUnavailable'] });
  const maxSurge = intOrPercent(f, ru, 'maxSurge', ruPath, false) ?? DEFAULT_STRATEGY.maxSurge;
  const maxUnavailable = intOrPercent(f, ru, 'maxUnavailable', ruPath, true) ?? DEFAULT_STRATEGY.maxUnavailable;
  if (isZero(maxSurge) && isZero(maxUnavailable)) {
    f.invalid([...ruPath, 'maxUnavailable'], maxUnavailable, 'a value above 0 when maxSurge is 0', 'may not be 0 when `maxSurge` is 0');
  }
  return { type, maxSurge, maxUnavailable };
}
