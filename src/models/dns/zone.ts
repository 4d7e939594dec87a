/**
 * Zone data: the records a server is authoritative for, its SOA, its
 * delegations (NS records below the apex, with glue A records for the name
 * servers), and Route 53 alias records.
 *
 * A Route 53 alias to a load balancer has no stored addresses: Route 53
 * computes the answer when the query arrives, from the load balancer's
 * current addresses (one per AZ with a healthy target), and it answers with
 * the target's own TTL, 60 s for an ELB. The alias record's TTL cannot be set
 * (Route 53 Developer Guide, "Choosing between alias and non-alias records").
 */
import type { NameRecord, ResourceRecord, SoaData, SoaRecord } from './records';
import { aRecord, nsRecord, soaRecord } from './records';
import { fqdn, isAtOrBelow } from './name';

/** TTL Route 53 gives alias answers for an ELB/NLB target: the load balancer's DNS TTL. */
export const ALIAS_ELB_TTL_S = 60;

/** A Route 53 alias record of type A whose answer is computed at query time. */
export interface AliasRecord {
  readonly name: string;
  readonly type: 'A';
  /** The target's DNS name (the NLB's `…elb.amazonaws.com`), for `why` texts. */
  readonly targetName: string;
  /**
   * The target's addresses now: for an NLB, one IP per AZ with a healthy
   * target (all AZs when none is healthy: fail-open). Called on every query.
   */
  readonly addresses: () => string[];
  /** `EvaluateTargetHealth`; informational here, since `addresses` already follows health. */
  readonly evaluateTargetHealth: boolean;
}

export interface Zone {
  /** The apex, canonical (`example.com.`; the root zone is `.`). */
  readonly origin: string;
  readonly soa: SoaRecord;
  /** Every record in the zone, including apex NS, delegation NS and glue. */
  readonly records: readonly ResourceRecord[];
  readonly aliases: readonly AliasRecord[];
}

/** A name server of a zone: host name and address (the address becomes glue where needed). */
export interface NameServerSpec {
  readonly name: string;
  readonly ip: string;
}

/** A child zone delegated from this one. */
export interface DelegationSpec {
  readonly zone: string;
  readonly nameServers: readonly NameServerSpec[];
  /** TTL of the delegation NS and glue records (172800 s at the root and com.). */
  readonly ttl?: number;
}

export interface AliasSpec {
  readonly name: string;
  readonly targetName: string;
  readonly addresses: () => string[];
  readonly evaluateTargetHealth?: boolean;
}

export interface ZoneSpec {
  readonly origin: string;
  /** The zone's own name servers (apex NS; glue for those inside the zone). */
  readonly nameServers: readonly NameServerSpec[];
  /** TTL of the apex NS records; Route 53 uses 172800. */
  readonly nsTtl?: number;
  /** SOA fields to override; the rest are Route 53's defaults. */
  readonly soa?: Partial<SoaData> & { readonly ttl?: number };
  readonly records?: readonly ResourceRecord[];
  readonly delegations?: readonly DelegationSpec[];
  readonly aliases?: readonly AliasSpec[];
}

/**
 * Route 53's default SOA for a new hosted zone: `awsdns-hostmaster.amazon.com.`,
 * serial 1, refresh 7200, retry 900, expire 1209600, minimum 86400, record TTL 900.
 */
export function route53Soa(origin: string, primaryNs: string): SoaRecord {
  return soaRecord(
    origin,
    {
      mname: primaryNs,
      rname: 'awsdns-hostmaster.amazon.com.',
      serial: 1,
      refresh: 7200,
      retry: 900,
      expire: 1209600,
      minimum: 86400,
    },
    900,
  );
}

/** Build a zone: apex SOA and NS, glue for in-zone name servers, delegations, records, aliases. */
export function createZone(spec: ZoneSpec): Zone {
  const origin = fqdn(spec.origin);
  const firstNs = spec.nameServers[0];
  if (firstNs === undefined) throw new RangeError(`zone ${origin} needs at least one name server`);
  const base = route53Soa(origin, firstNs.name);
  const { ttl: soaTtl, ...soaFields } = spec.soa ?? {};
  const soa = soaRecord(origin, { ...base.soa, ...soaFields }, soaTtl ?? base.ttl);
  const nsTtl = spec.nsTtl ?? 172800;
  const records: ResourceRecord[] = [soa];
  for (const ns of spec.nameServers) records.push(nsRecord(origin, ns.name, nsTtl));
  records.push(...glueFor(origin, spec.nameServers, nsTtl));
  for (const d of spec.delegations ?? []) {
    const child = fqdn(d.zone);
    if (!isAtOrBelow(child, origin) || child === origin) {
      throw new RangeError(`delegation ${child} is not below zone ${origin}`);
    }
    const ttl = d.ttl ?? 172800;
    for (const ns of d.nameServers) records.push(nsRecord(child, ns.name, ttl));
    records.push(...glueFor(origin, d.nameServers, ttl));
  }
  records.push(...(spec.records ?? []));
  const aliases = (spec.aliases ?? []).map(
    (a): AliasRecord => ({
      name: fqdn(a.name),
      type: 'A',
      targetName: fqdn(a.targetName),
      addresses: a.addresses,
      evaluateTargetHealth: a.evaluateTargetHealth ?? true,
    }),
  );
  return { origin, soa, records: dedupe(records), aliases };
}

/**
 * Glue: A records for name servers whose names lie inside this zone, so a
 * resolver can reach them without first resolving their names. (Real TLD
 * servers also serve glue for hosts in sibling zones they hold, such as
 * `ns-1.awsdns-01.com` in `com.`; here any name server under the zone counts.)
 */
function glueFor(origin: string, servers: readonly NameServerSpec[], ttl: number): ResourceRecord[] {
  return servers.filter((ns) => isAtOrBelow(ns.name, origin)).map((ns) => aRecord(ns.name, ns.ip, ttl));
}

function dedupe(records: ResourceRecord[]): ResourceRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The records in a zone at exactly `name`. */
export function recordsAt(zone: Zone, name: string): ResourceRecord[] {
  return zone.records.filter((r) => r.name === name);
}

/** The alias records at exactly `name`. */
export function aliasesAt(zone: Zone, name: string): AliasRecord[] {
  return zone.aliases.filter((a) => a.name === name);
}

/**
 * The delegation that covers `name`, if any: the highest name strictly below
 * the apex, at or above `name`, that has NS records (RFC 1034 §4.3.2 step 3b).
 */
export function delegationFor(zone: Zone, name: string): NameRecord[] | undefined {
  const cuts: string[] = [];
  let current = name;
  while (current !== zone.origin && isAtOrBelow(current, zone.origin)) {
    cuts.unshift(current);
    const dot = current.indexOf('.');
    current = current.slice(dot + 1) || '.';
  }
  for (const cut of cuts) {
    const ns = zone.records.filter((r): r is NameRecord => r.type === 'NS' && r.name === cut);
    if (ns.length > 0) return ns;
  }
  return undefined;
}

/** True when some record or alias lives at or below `name` (it exists, maybe as an empty non-terminal). */
export function nameExists(zone: Zone, name: string): boolean {
  return (
    zone.records.some((r) => isAtOrBelow(r.name, name)) || zone.aliases.some((a) => isAtOrBelow(a.name, name))
  );
}
