/**
 * The `value` of a `dns-record` command, read as Route 53 record data: one
 * or more IPv4 addresses (an A RRset), `alias:<service>` (an alias to that
 * LoadBalancer Service's NLB), or a host name (a CNAME). A flat string, so
 * the command stays flat JSON in a share link.
 */
import { isIpv4 } from '../../net';
import type { RecordData } from '../../models/dns';

/** The prefix that makes a `dns-record` value an alias to a Service's NLB. */
export const ALIAS_PREFIX = 'alias:';

const HOST_NAME = /^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** The record data `value` names, or what was expected instead. */
export function recordDataOf(value: string, aliasTarget: (service: string) => string, aliasAddresses: (service: string) => string[]): RecordData | string {
  const v = value.trim();
  if (v.startsWith(ALIAS_PREFIX)) {
    const service = v.slice(ALIAS_PREFIX.length);
    if (aliasAddresses(service).length === 0) return `expected alias:<a LoadBalancer Service with an NLB>, got "${value}" (no NLB answers for ${service})`;
    return { kind: 'alias', targetName: aliasTarget(service), addresses: () => aliasAddresses(service) };
  }
  const parts = v.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length > 0 && parts.every(isIpv4)) return { kind: 'a', addresses: parts };
  if (parts.length === 1 && HOST_NAME.test(v) && !/^[\d.]+$/.test(v)) return { kind: 'cname', target: v };
  return `expected IPv4 addresses (10.0.1.5 or 10.0.1.5,10.0.2.5), alias:<service> or a host name, got "${value}"`;
}
