/**
 * Negative answers (RFC 2308): NXDOMAIN ("no such name") and NODATA ("name
 * exists, no records of this type") carry the zone's SOA in the authority
 * section, and are cached for min(SOA record TTL, SOA MINIMUM) (§5). The
 * authoritative server already sends the SOA with that TTL (§3), so a cache
 * that applies the rule again gets the same number.
 *
 * Route 53's default SOA has TTL 900 and MINIMUM 86400, so its negative
 * answers are cached for 900 s (Route 53 Developer Guide, "SOA record").
 */
import type { SoaRecord } from './records';
import { withTtl } from './records';

/** How long a negative answer with this SOA may be cached, in seconds. */
export function negativeTtlS(soa: SoaRecord): number {
  return Math.min(soa.ttl, soa.soa.minimum);
}

/** The SOA as it goes into a negative answer's authority section (RFC 2308 §3). */
export function negativeSoa(soa: SoaRecord): SoaRecord {
  return withTtl(soa, negativeTtlS(soa));
}

/** "900 s = min(SOA TTL 900, MINIMUM 86400)": the reason, for `why` texts. */
export function negativeTtlWhy(soa: SoaRecord): string {
  const ttl = negativeTtlS(soa);
  const which = soa.ttl <= soa.soa.minimum ? 'SOA TTL' : 'SOA MINIMUM';
  return `${ttl} s (${which}; RFC 2308: min(SOA TTL ${soa.ttl}, MINIMUM ${soa.soa.minimum}))`;
}
