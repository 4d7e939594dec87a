/**
 * Changing a hosted zone while the world runs, as a Route 53
 * ChangeResourceRecordSets call does: a record's TTL, or what a name points
 * at (addresses, a CNAME, or an alias to a load balancer). The zone is
 * plain data, so an edit returns a new zone; the servers that carry the
 * zone answer from it from then on.
 *
 * Caches are not touched: a resolver or browser that holds the old RRset
 * keeps serving it until its copy expires (RFC 1035 §3.2.1, RFC 1034
 * §4.3.5), which is the lesson of lowering a TTL *before* a move.
 *
 * A Route 53 alias has no TTL of its own: answers carry the target's TTL
 * (60 s for an ELB/NLB), and Route 53 refuses a TTL on it (behaviour.md §3).
 */
import { isAtOrBelow, fqdn } from './name';
import type { ResourceRecord } from './records';
import { aRecord, cnameRecord, minTtl, rdataText } from './records';
import type { AliasRecord, Zone } from './zone';
import { ALIAS_ELB_TTL_S } from './zone';

/** Route 53's limits on a record's TTL (RFC 2181 §8: 0 to 2^31 − 1 seconds). */
export const MAX_TTL_S = 2_147_483_647;

/** TTL Route 53's console proposes for a new record. */
export const NEW_RECORD_TTL_S = 300;

/** What a name points at after an edit. */
export type RecordData =
  | { readonly kind: 'a'; readonly addresses: readonly string[] }
  | { readonly kind: 'cname'; readonly target: string }
  | { readonly kind: 'alias'; readonly targetName: string; readonly addresses: () => string[] };

/** The zone after the edit and what changed, or why Route 53 would refuse it. */
export type ZoneEdit = { readonly ok: true; readonly zone: Zone; readonly why: string } | { readonly ok: false; readonly why: string };

/** The hosted zone (deepest origin) that holds `name`, among `zones`. */
export function zoneHolding(zones: readonly Zone[], name: string): Zone | undefined {
  const n = fqdn(name);
  let best: Zone | undefined;
  for (const z of zones) if (isAtOrBelow(n, z.origin) && (best === undefined || z.origin.length > best.origin.length)) best = z;
  return best;
}

/** Records a student can edit: addresses and CNAMEs (the apex SOA and NS stay). */
function editable(r: ResourceRecord, name: string): boolean {
  return r.name === name && (r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME');
}

function rrsetText(records: readonly ResourceRecord[], aliases: readonly AliasRecord[]): string {
  if (aliases.length > 0) return `alias → ${aliases.map((a) => a.targetName).join(', ')}`;
  return records.map((r) => `${r.type} ${rdataText(r)}`).join(', ');
}

/** Set the TTL of every editable record at `name`; refused on an alias (Route 53 gives it the target's TTL). */
export function setRecordTtl(zone: Zone, name: string, ttlS: number): ZoneEdit {
  const n = fqdn(name);
  if (!Number.isInteger(ttlS) || ttlS < 0 || ttlS > MAX_TTL_S) return { ok: false, why: `expected a TTL from 0 to ${MAX_TTL_S} seconds, got ${ttlS}` };
  const here = zone.records.filter((r) => editable(r, n));
  if (here.length === 0) {
    if (zone.aliases.some((a) => a.name === n)) {
      return {
        ok: false,
        why: `${n} is a Route 53 alias: its answers carry the target's TTL (${ALIAS_ELB_TTL_S} s for an NLB), and an alias TTL cannot be set`,
      };
    }
    return { ok: false, why: `expected a record in ${zone.origin}, found none at ${n}` };
  }
  const old = minTtl(here) ?? 0;
  const records = zone.records.map((r) => (editable(r, n) ? { ...r, ttl: ttlS } : r));
  return {
    ok: true,
    zone: { ...zone, records },
    why: `Route 53: ${n} TTL ${old} → ${ttlS} s; a cache that holds the old answer keeps it, with its old TTL, until its copy expires (up to ${old} s)`,
  };
}

/** Point `name` at new data (replacing its addresses, CNAME or alias); the TTL stays what it was (300 s for a former alias). */
export function setRecordData(zone: Zone, name: string, data: RecordData): ZoneEdit {
  const n = fqdn(name);
  if (!isAtOrBelow(n, zone.origin)) return { ok: false, why: `expected a name in ${zone.origin}, got ${n}` };
  if (data.kind === 'cname' && n === zone.origin) return { ok: false, why: `${n} is the zone apex: a CNAME cannot sit beside its SOA and NS records (RFC 1034 §3.6.2); use an address or an alias` };
  if (data.kind === 'a' && data.addresses.length === 0) return { ok: false, why: 'expected at least one address' };
  const oldRecords = zone.records.filter((r) => editable(r, n));
  const oldAliases = zone.aliases.filter((a) => a.name === n);
  const ttl = minTtl(oldRecords) ?? NEW_RECORD_TTL_S;
  const kept = zone.records.filter((r) => !editable(r, n));
  const keptAliases = zone.aliases.filter((a) => a.name !== n);
  let records: ResourceRecord[] = kept;
  let aliases: AliasRecord[] = keptAliases;
  let now: string;
  if (data.kind === 'a') {
    records = [...kept, ...data.addresses.map((ip) => aRecord(n, ip, ttl))];
    now = `A ${data.addresses.join(', ')} (TTL ${ttl} s)`;
  } else if (data.kind === 'cname') {
    records = [...kept, cnameRecord(n, data.target, ttl)];
    now = `CNAME ${fqdn(data.target)} (TTL ${ttl} s)`;
  } else {
    aliases = [...keptAliases, { name: n, type: 'A', targetName: fqdn(data.targetName), addresses: data.addresses, evaluateTargetHealth: true }];
    now = `alias → ${fqdn(data.targetName)} (the target's TTL, ${ALIAS_ELB_TTL_S} s)`;
  }
  const before = oldRecords.length + oldAliases.length === 0 ? 'nothing' : rrsetText(oldRecords, oldAliases);
  const held = oldAliases.length > 0 ? ALIAS_ELB_TTL_S : (minTtl(oldRecords) ?? 0);
  return {
    ok: true,
    zone: { ...zone, records, aliases },
    why: `Route 53: ${n} was ${before}, now ${now}; caches that hold the old answer keep using it until their copy expires (up to ${held} s)`,
  };
}
