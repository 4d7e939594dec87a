/**
 * Probe validation (`validateProbe`, `validateHandler` in kubernetes
 * `pkg/apis/core/validation/validation.go`): exactly one handler; every
 * number ≥ 0; `successThreshold` must be 1 for liveness and startup probes;
 * a probe-level `terminationGracePeriodSeconds` must be > 0 and is not
 * allowed on readiness probes. Only the httpGet and tcpSocket handlers are
 * simulated; exec and grpc are real but rejected with a reason.
 */
import type { Findings, PathSegment } from './problems';
import type { Fields } from './read';
import { checkKeys, isFields, readEnum, readInt, readIntOrString, readList, readObject, readString } from './read';
import type { HTTPHeader, IntOrString, Probe } from './types';
import { checkPortName } from './validate-meta';

/** Which probe of a container. */
export type ProbeKind = 'readiness' | 'liveness' | 'startup';

const NUMBER_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** A port given as a number (1–65535) or a name (IANA_SVC_NAME). */
export function readPort(f: Findings, obj: Fields, key: string, path: readonly PathSegment[]): IntOrString | undefined {
  const port = readIntOrString(f, obj, key, path);
  if (port === undefined) return undefined;
  if (typeof port === 'number') {
    if (port < 1 || port > 65535) {
      f.invalid([...path, key], port, 'a port number between 1 and 65535, or a port name', 'must be between 1 and 65535, inclusive');
      return undefined;
    }
    return port;
  }
  return checkPortName(f, port, [...path, key]) ? port : undefined;
}

function readHeaders(f: Findings, obj: Fields, path: readonly PathSegment[]): HTTPHeader[] | undefined {
  const list = readList(f, obj, 'httpHeaders', path);
  if (list === undefined) return undefined;
  const headers: HTTPHeader[] = [];
  list.forEach((item, i) => {
    const at = [...path, 'httpHeaders', i];
    if (!isFields(item)) {
      f.invalid(at, item, 'a mapping with name and value', 'expected a map');
      return;
    }
    checkKeys(f, item, at, { supported: ['name', 'value'] });
    const name = readString(f, item, 'name', at);
    const value = readString(f, item, 'value', at) ?? '';
    if (name === undefined || !/^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/.test(name)) {
      f.invalid([...at, 'name'], name ?? '', 'an HTTP header name', 'a valid HTTP header must consist of alphanumeric characters or \'-\'');
      return;
    }
    headers.push({ name, value });
  });
  return headers;
}

/** Read one probe at `path` (e.g. `…containers[0].readinessProbe`). */
export function readProbe(f: Findings, raw: Fields, path: readonly PathSegment[], kind: ProbeKind): Probe | undefined {
  checkKeys(f, raw, path, {
    supported: ['httpGet', 'tcpSocket', 'exec', 'grpc', ...NUMBER_FIELDS, 'terminationGracePeriodSeconds'],
  });
  const handlers = (['httpGet', 'tcpSocket', 'exec', 'grpc'] as const).filter((h) => raw[h] !== undefined && raw[h] !== null);
  if (handlers.length === 0) {
    f.required(path, 'exactly one handler: httpGet or tcpSocket');
    return undefined;
  }
  if (handlers.length > 1) {
    f.error([...path, handlers[1]!], 'exactly one handler', 'Forbidden: may not specify more than 1 handler type');
    return undefined;
  }
  const handler = handlers[0]!;
  if (handler === 'exec' || handler === 'grpc') {
    f.error([...path, handler], 'httpGet or tcpSocket', `Unsupported value: ${handler}: only httpGet and tcpSocket probes are simulated`);
    return undefined;
  }

  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
  for (const field of NUMBER_FIELDS) {
    const n = readInt(f, raw, field, path, { min: 0 });
    if (n !== undefined) numbers[field] = n;
  }
  // Zero defaults to 1, so only an explicit value other than 0 or 1 breaks the rule.
  const st = numbers.successThreshold;
  if (kind !== 'readiness' && st !== undefined && st > 1) {
    f.invalid([...path, 'successThreshold'], st, '1 (or leave it out)', 'must be 1');
  }
  const grace = readInt(f, raw, 'terminationGracePeriodSeconds', path);
  if (grace !== undefined) {
    if (kind === 'readiness') {
      f.invalid([...path, 'terminationGracePeriodSeconds'], grace, 'no terminationGracePeriodSeconds on a readiness probe', 'must not be set for readinessProbes');
    } else if (grace <= 0) {
      f.invalid([...path, 'terminationGracePeriodSeconds'], grace, 'an integer > 0', 'must be greater than 0');
    }
  }

  const hPath = [...path, handler];
  const h = readObject(f, raw, handler, path);
  if (h === undefined) return undefined;
  if (handler === 'httpGet') {
    checkKeys(f, h, hPath, { supported: ['path', 'port', 'host', 'scheme', 'httpHeaders'] });
    const port = readPort(f, h, 'port', hPath);
    if (h['port'] === undefined) f.required([...hPath, 'port'], 'a port number or a container port name');
    const probePath = readString(f, h, 'path', hPath);
    const host = readString(f, h, 'host', hPath);
    const scheme = readEnum(f, h, 'scheme', hPath, ['HTTP', 'HTTPS'] as const);
    const httpHeaders = readHeaders(f, h, hPath);
    if (port === undefined) return undefined;
    return {
      httpGet: {
        port,
        ...(probePath !== undefined ? { path: probePath } : {}),
        ...(host !== undefined ? { host } : {}),
        ...(scheme !== undefined ? { scheme } : {}),
        ...(httpHeaders !== undefined ? { httpHeaders } : {}),
      },
      ...numbers,
      ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}),
    };
  }
  checkKeys(f, h, hPath, { supported: ['port', 'host'] });
  const port = readPort(f, h, 'port', hPath);
  if (h['port'] === undefined) f.required([...hPath, 'port'], 'a port number or a container port name');
  const host = readString(f, h, 'host', hPath);
  if (port === undefined) return undefined;
  return {
    tcpSocket: { port, ...(host !== undefined ? { host } : {}) },
    ...numbers,
    ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}),
  };
}
