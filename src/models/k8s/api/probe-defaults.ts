/**
 * Probe defaults, as the API server fills them in.
 *
 * `SetDefaults_Probe` (kubernetes `pkg/apis/core/v1/defaults.go`) turns a
 * zero timeout, period, success threshold or failure threshold into 1, 10, 1
 * and 3. `initialDelaySeconds` has no defaulting function: Go's zero value,
 * 0, stands. `SetDefaults_HTTPGetAction` sets path `/` and scheme HTTP.
 * Because the defaulting looks for zero, an explicit `periodSeconds: 0` also
 * becomes 10, and validation only rejects negative numbers.
 */
import type { DefaultedProbe, Probe, ProbeHandler } from './types';

/** The table of behaviour.md §4, with its source. */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** `SetDefaults_HTTPGetAction`. */
export const HTTP_GET_DEFAULTS = { path: '/', scheme: 'HTTP' } as const;

/** Default pod `terminationGracePeriodSeconds` (`v1.DefaultTerminationGracePeriodSeconds`). */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** Zero or absent → the default, as `if obj.X == 0 { obj.X = default }` does. */
function orDefault(value: number | undefined, fallback: number): number {
  return value === undefined || value === 0 ? fallback : value;
}

/** The probe's single handler with its defaults. Callers validate first that exactly one is set. */
export function defaultHandler(probe: Probe): ProbeHandler {
  if (probe.httpGet !== undefined) {
    const h = probe.httpGet;
    return {
      kind: 'httpGet',
      path: h.path === undefined || h.path === '' ? HTTP_GET_DEFAULTS.path : h.path,
      port: h.port,
      ...(h.host !== undefined && h.host !== '' ? { host: h.host } : {}),
      scheme: h.scheme ?? HTTP_GET_DEFAULTS.scheme,
      httpHeaders: h.httpHeaders ?? [],
    };
  }
  if (probe.tcpSocket !== undefined) {
    const t = probe.tcpSocket;
    return { kind: 'tcpSocket', port: t.port, ...(t.host !== undefined && t.host !== '' ? { host: t.host } : {}) };
  }
  throw new Error('probe has no handler: validate it before defaulting');
}

/** A probe with every field set. */
export function defaultProbe(probe: Probe): DefaultedProbe {
  return {
    handler: defaultHandler(probe),
    initialDelaySeconds: probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds,
    timeoutSeconds: orDefault(probe.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds),
    periodSeconds: orDefault(probe.periodSeconds, PROBE_DEFAULTS.periodSeconds),
    successThreshold: orDefault(probe.successThreshold, PROBE_DEFAULTS.successThreshold),
    failureThreshold: orDefault(probe.failureThreshold, PROBE_DEFAULTS.failureThreshold),
    ...(probe.terminationGracePeriodSeconds !== undefined
      ? { terminationGracePeriodSeconds: probe.terminationGracePeriodSeconds }
      : {}),
  };
}
