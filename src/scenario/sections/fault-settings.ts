/**
 * The settings a scheduled network fault takes beside its target, read
 * from the same flow mapping:
 *
 *     - { at: 30s, dns-ttl: my-nlb-url.com, ttl: 5 }                 # seconds
 *     - { at: 30s, dns-record: www.example.com, value: 198.51.100.20 }
 *     - { at: 40s, nlb-health-check: nginx-loadbalancer, interval: 5s, timeout: 2s, healthy-threshold: 2, unhealthy-threshold: 2 }
 *
 * Ranges are AWS's business: the world refuses an out-of-range interval
 * with the reason in the trace, as the API would, so the file only asks for
 * whole numbers here.
 */
import type { Node } from 'yaml';
import type { Check, Ctx } from '../schema';
import { read, scalar } from '../schema';
import type { FaultKind, FaultSettings } from '../types';
import { parseDuration } from '../duration';
import { text, wholeNumber } from './common';

const wholeSeconds = scalar('a duration in whole seconds, such as 10s', (v) => {
  const ms = typeof v === 'string' ? parseDuration(v) : undefined;
  return ms !== undefined && ms % 1000 === 0 ? ms / 1000 : undefined;
});

interface SettingKey {
  readonly field: keyof FaultSettings;
  readonly kind: FaultKind;
  readonly check: Check<number> | Check<string>;
}

/** YAML key → the command field it sets and the one fault kind that takes it. */
export const SETTING_KEYS: Readonly<Record<string, SettingKey>> = {
  ttl: { field: 'ttlS', kind: 'dns-ttl', check: wholeNumber(0, 2_147_483_647) },
  value: { field: 'value', kind: 'dns-record', check: text('the new data: an address (10.0.1.5), several (10.0.1.5,10.0.2.5), alias:<service> or a host name') },
  interval: { field: 'intervalS', kind: 'nlb-health-check', check: wholeSeconds },
  timeout: { field: 'timeoutS', kind: 'nlb-health-check', check: wholeSeconds },
  'healthy-threshold': { field: 'healthyThreshold', kind: 'nlb-health-check', check: wholeNumber(0, 1000) },
  'unhealthy-threshold': { field: 'unhealthyThreshold', kind: 'nlb-health-check', check: wholeNumber(0, 1000) },
  replicas: { field: 'replicas', kind: 'scale', check: wholeNumber(0, 1000) },
};

/** Read one setting; undefined (reported) when its value is wrong. */
export function readSetting(key: string, value: Node | null, at: string, ctx: Ctx): { field: keyof FaultSettings; value: number | string } | undefined {
  const def = SETTING_KEYS[key];
  if (def === undefined) return undefined;
  const v = read(def.check as Check<number | string>, value, at, ctx);
  return v === undefined ? undefined : { field: def.field, value: v };
}

/** The settings a kind must have, by YAML key. */
export const REQUIRED_SETTINGS: Partial<Record<FaultKind, readonly string[]>> = { 'dns-ttl': ['ttl'], 'dns-record': ['value'], scale: ['replicas'] };
