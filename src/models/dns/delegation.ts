/**
 * Where a recursive resolver starts asking: the deepest zone above the name
 * whose NS RRset, and an address for at least one of its servers, are still
 * in the cache; the root hints when there is none. This is why a second
 * lookup under `example.com` goes straight to Route 53 and skips the root and
 * `com.` servers for as long as the delegation's TTL (172800 s) lasts.
 */
import type { ResourceRecord } from './records';
import { addressesOf } from './records';
import type { NameServerAddress } from './resolution';
import type { DnsCache } from './cache';
import { cacheLookup } from './cache';
import { selfAndAncestors } from './name';

/** The closest zone with reachable cached servers, or the root hints. */
export function closestServers(
  cache: DnsCache,
  rootHints: readonly NameServerAddress[],
  name: string,
  nowMs: number,
): { zone: string; servers: NameServerAddress[]; why: string } {
  for (const zone of selfAndAncestors(name)) {
    const ns = cacheLookup(cache, zone, 'NS', nowMs);
    if (ns === undefined || ns.entry.negative !== undefined) continue;
    const servers = serverAddresses(cache, ns.records, [], nowMs);
    if (servers.length > 0) {
      return { zone, servers, why: `closest cached delegation: ${zone} (NS ${ns.remainingS} s left)` };
    }
  }
  return { zone: '.', servers: [...rootHints], why: 'no delegation cached: start at the root hints' };
}

/**
 * The servers named by NS records, each with its address from the glue that
 * came with a referral or, failing that, from the cache; NS hosts with no
 * known address are left out (looking them up is not modelled).
 */
export function serverAddresses(
  cache: DnsCache,
  nsRecords: readonly ResourceRecord[],
  glue: readonly ResourceRecord[],
  nowMs: number,
): NameServerAddress[] {
  const out: NameServerAddress[] = [];
  for (const ns of nsRecords) {
    if (ns.type !== 'NS') continue;
    let ips = addressesOf(glue.filter((g) => g.type === 'A' && g.name === ns.target));
    if (ips.length === 0) {
      const cached = cacheLookup(cache, ns.target, 'A', nowMs);
      ips = cached === undefined || cached.entry.negative !== undefined ? [] : addressesOf(cached.records);
    }
    for (const ip of ips) out.push({ name: ns.target, ip });
  }
  return out;
}
