/**
 * An authoritative server's answer to one question (RFC 1034 §4.3.2, without
 * wildcards): pick the closest zone it serves, then
 * - below a delegation: a referral (NS in authority, glue in additional, AA off);
 * - records of the type at the name (or a Route 53 alias, computed now): the answer;
 * - a CNAME: add it and keep going while the target stays in the zone;
 * - the name exists without that type: NODATA, SOA in authority;
 * - otherwise: NXDOMAIN, SOA in authority.
 * A server that holds no zone for the name refuses, as Route 53 does.
 */
import type { DnsResponse, Question } from './message';
import { emptyResponse, questionText } from './message';
import type { ResourceRecord } from './records';
import { aRecord, minTtl, rdataText } from './records';
import type { Zone } from './zone';
import { ALIAS_ELB_TTL_S, aliasesAt, delegationFor, nameExists, recordsAt } from './zone';
import { fqdn, isAtOrBelow, withoutTrailingDot } from './name';
import { negativeSoa, negativeTtlWhy } from './negative';

/** An authoritative name server: where it is and which zones it serves. */
export interface AuthoritativeServer {
  /** Stable id from the scenario (`route53-1`, `root-a`). */
  readonly id: string;
  /** Host name (`ns-1.awsdns-01.com.`). */
  readonly name: string;
  readonly ip: string;
  readonly zones: readonly Zone[];
}

/** Longest CNAME chain followed inside one zone; BIND stops at a similar bound. */
export const MAX_CNAME_CHAIN = 8;

/** The zone on `server` closest to (deepest above) `name`, if any. */
export function zoneFor(server: AuthoritativeServer, name: string): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of server.zones) {
    if (!isAtOrBelow(name, zone.origin)) continue;
    if (best === undefined || zone.origin.length > best.origin.length) best = zone;
  }
  return best;
}

/** Answer one question as `server` would. */
export function answerAuthoritative(server: AuthoritativeServer, q: Question): DnsResponse {
  const qname = fqdn(q.name);
  const who = withoutTrailingDot(server.name);
  const zone = zoneFor(server, qname);
  if (zone === undefined) {
    return emptyResponse('refused', 'REFUSED', `${who} is not authoritative for ${qname}: REFUSED`);
  }
  return lookupInZone(zone, { name: qname, type: q.type }, who);
}

/** The answer from one zone's data. */
export function lookupInZone(zone: Zone, q: Question, who: string): DnsResponse {
  const chain: ResourceRecord[] = [];
  let name = q.name;
  for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
    const cut = delegationFor(zone, name);
    if (cut !== undefined) {
      if (chain.length > 0) return chainAnswer(chain, q, who, `${name} is delegated elsewhere`);
      return referral(zone, cut, q, who);
    }
    if (!nameExists(zone, name)) {
      const why = `${name} does not exist in ${zone.origin}: NXDOMAIN; negative TTL ${negativeTtlWhy(zone.soa)}`;
      return { ...emptyResponse('nxdomain', 'NXDOMAIN', `${who}: ${why}`, true), answer: chain, authority: [negativeSoa(zone.soa)] };
    }
    const here = recordsAt(zone, name);
    const matching = here.filter((r) => r.type === q.type);
    if (matching.length > 0) {
      const found = answer([...chain, ...matching], q, who, `${matching.length} ${q.type} record(s) for ${name}, TTL ${minTtl(matching)}`);
      // Addresses of the name servers named in an NS answer go along, as glue does in a referral.
      return q.type === 'NS' ? { ...found, additional: glueOf(zone, matching) } : found;
    }
    if (q.type === 'A') {
      const alias = aliasesAt(zone, name)[0];
      if (alias !== undefined) {
        const ips = alias.addresses();
        if (ips.length > 0) {
          const records = ips.map((ip) => aRecord(name, ip, ALIAS_ELB_TTL_S));
          return answer(
            [...chain, ...records],
            q,
            who,
            `Route 53 alias ${name} → ${alias.targetName}: the load balancer's current IPs ${ips.join(', ')} ` +
              `(one per AZ with a healthy target), TTL ${ALIAS_ELB_TTL_S} s from the target (an alias TTL cannot be set)`,
          );
        }
      }
    }
    const cname = q.type === 'CNAME' ? undefined : here.find((r) => r.type === 'CNAME');
    if (cname !== undefined && cname.type === 'CNAME') {
      chain.push(cname);
      name = cname.target;
      if (!isAtOrBelow(name, zone.origin)) {
        return chainAnswer(chain, q, who, `${cname.target} is outside ${zone.origin}; the resolver must chase it`);
      }
      continue;
    }
    const why = `${name} exists but has no ${q.type} record: NODATA; negative TTL ${negativeTtlWhy(zone.soa)}`;
    return { ...emptyResponse('nodata', 'NOERROR', `${who}: ${why}`, true), answer: chain, authority: [negativeSoa(zone.soa)] };
  }
  return emptyResponse('servfail', 'SERVFAIL', `${who}: CNAME chain for ${questionText(q)} longer than ${MAX_CNAME_CHAIN}`, true);
}

function answer(records: ResourceRecord[], q: Question, who: string, detail: string): DnsResponse {
  return {
    ...emptyResponse('answer', 'NOERROR', `${who} answers ${questionText(q)} authoritatively: ${detail}`, true),
    answer: records,
  };
}

function chainAnswer(chain: ResourceRecord[], q: Question, who: string, detail: string): DnsResponse {
  const last = chain[chain.length - 1];
  const to = last === undefined ? q.name : rdataText(last);
  return {
    ...emptyResponse('answer', 'NOERROR', `${who} answers ${questionText(q)} with a CNAME to ${to}: ${detail}`, true),
    answer: chain,
  };
}

function glueOf(zone: Zone, nsRecords: readonly ResourceRecord[]): ResourceRecord[] {
  const hosts = new Set(nsRecords.map((r) => rdataText(r)));
  return zone.records.filter((r) => (r.type === 'A' || r.type === 'AAAA') && hosts.has(r.name));
}

function referral(zone: Zone, cut: ResourceRecord[], q: Question, who: string): DnsResponse {
  const hosts = new Set(cut.map((r) => rdataText(r)));
  const glue = glueOf(zone, cut);
  const owner = cut[0]?.name ?? q.name;
  const names = [...hosts].map(withoutTrailingDot).join(', ');
  return {
    ...emptyResponse(
      'referral',
      'NOERROR',
      `${who} is not authoritative for ${q.name}: referral to ${owner} at ${names} ` +
        `(NS TTL ${minTtl(cut)} s, ${glue.length} glue record(s))`,
    ),
    authority: cut,
    additional: glue,
  };
}
