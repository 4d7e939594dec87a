/**
 * The scalar checks every section shares: ids, addresses, ports, durations,
 * rates. Each says in words what it accepts, which is what an error message
 * prints after "expected".
 */
import { isIpv4, isPort } from '../../net';
import { durationExpected, parseDuration } from '../duration';
import { scalar } from '../schema';

export const text = (expected: string) => scalar(expected, (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined));

/** Ids look like Kubernetes names, so they can name pods and Services unchanged. */
const idPattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const id = scalar('an id of lowercase letters, digits and "-" (like a Kubernetes name)', (v) =>
  typeof v === 'string' && idPattern.test(v) ? v : undefined,
);
export const ipv4 = scalar('an IPv4 address such as 198.51.100.10', (v) => (typeof v === 'string' && isIpv4(v) ? v : undefined));
export const port = scalar('a port number 1–65535', (v) => (typeof v === 'number' && isPort(v) ? v : undefined));
export const seed = scalar('a whole number ≥ 0', (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined));
export const ms = scalar('a number of milliseconds ≥ 0', (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined));
export const positiveMs = scalar('a number of milliseconds > 0', (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined));
export const probability = scalar('a probability from 0 to 1', (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined));
export const duration = scalar(durationExpected, parseDuration);
export const positiveDuration = scalar(`${durationExpected}, > 0`, (v) => {
  const d = parseDuration(v);
  return d !== undefined && d > 0 ? d : undefined;
});
export const rate = scalar('a number of requests per second > 0 and ≤ 10000', (v) =>
  typeof v === 'number' && v > 0 && v <= 10_000 ? v : undefined,
);
export const wholeNumber = (min: number, max: number) =>
  scalar(`a whole number from ${min} to ${max}`, (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined));
export const count = (max: number) =>
  scalar(`a whole number from 1 to ${max}`, (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max ? v : undefined));
export const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export const method = scalar(`an HTTP method (${methods.join(', ')})`, (v) =>
  typeof v === 'string' && methods.includes(v) ? v : undefined,
);
export const path = scalar('a path starting with "/", such as /api/users?x=1', (v) =>
  typeof v === 'string' && v.startsWith('/') && !/\s/.test(v) ? v : undefined,
);
export const arrivalKind = scalar('fixed or poisson', (v) => (v === 'fixed' || v === 'poisson' ? v : undefined));
const hostPattern = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\.?$/i;
export const hostname = scalar('a DNS name such as www.example.com', (v) =>
  typeof v === 'string' && hostPattern.test(v) && !isIpv4(v) ? v.toLowerCase() : undefined,
);
export const bool = scalar('true or false', (v) => (typeof v === 'boolean' ? v : undefined));

/** `http://host[:port]/path`: what a browser is told to open. */
export interface Url {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}
export const url = scalar('an http:// URL such as http://my-nlb-url.com/auth/login', (v): Url | undefined => {
  if (typeof v !== 'string') return undefined;
  const m = /^http:\/\/([^/:?#\s]+)(?::(\d{1,5}))?(\/[^\s#]*)?$/i.exec(v.trim());
  if (m === null) return undefined;
  const host = (m[1] ?? '').toLowerCase();
  const portNumber = m[2] === undefined ? 80 : Number(m[2]);
  if (!isPort(portNumber) || (!isIpv4(host) && !hostPattern.test(host))) return undefined;
  return { host, port: portNumber, path: m[3] ?? '/' };
});
