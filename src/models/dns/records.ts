/**
 * Resource records: the few types the course needs (A, AAAA, CNAME, NS, SOA).
 * A record carries the TTL it was given or, once served from a cache, the
 * TTL left; the RRset is all records with the same owner and type.
 */
import { fqdn } from './name';

/** The record types modelled. */
export type RRType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA';

/** The SOA fields (RFC 1035 §3.3.13); `minimum` is the negative-caching TTL of RFC 2308. */
export interface SoaData {
  readonly mname: string;
  readonly rname: string;
  readonly serial: number;
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
  readonly minimum: number;
}

interface RecordBase {
  /** Owner name, canonical (`www.example.com.`). */
  readonly name: string;
  /** Seconds. */
  readonly ttl: number;
}

export interface AddressRecord extends RecordBase {
  readonly type: 'A' | 'AAAA';
  readonly address: string;
}

export interface NameRecord extends RecordBase {
  readonly type: 'CNAME' | 'NS';
  /** The canonical name (CNAME) or the name server's host name (NS). */
  readonly target: string;
}

export interface SoaRecord extends RecordBase {
  readonly type: 'SOA';
  readonly soa: SoaData;
}

export type ResourceRecord = AddressRecord | NameRecord | SoaRecord;

/** An A record. */
export function aRecord(name: string, address: string, ttl: number): AddressRecord {
  return { name: fqdn(name), type: 'A', ttl, address };
}

/** An AAAA record. */
export function aaaaRecord(name: string, address: string, ttl: number): AddressRecord {
  return { name: fqdn(name), type: 'AAAA', ttl, address };
}

/** A CNAME record: `name` is an alias of `target`. */
export function cnameRecord(name: string, target: string, ttl: number): NameRecord {
  return { name: fqdn(name), type: 'CNAME', ttl, target: fqdn(target) };
}

/** An NS record: `name` (a zone) is served by the host `target`. */
export function nsRecord(name: string, target: string, ttl: number): NameRecord {
  return { name: fqdn(name), type: 'NS', ttl, target: fqdn(target) };
}

/** An SOA record. */
export function soaRecord(name: string, soa: SoaData, ttl: number): SoaRecord {
  return { name: fqdn(name), type: 'SOA', ttl, soa: { ...soa, mname: fqdn(soa.mname), rname: fqdn(soa.rname) } };
}

/** The record's data as zone files and dig print it. */
export function rdataText(record: ResourceRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.address;
    case 'CNAME':
    case 'NS':
      return record.target;
    case 'SOA': {
      const s = record.soa;
      return `${s.mname} ${s.rname} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
  }
}

/** The same record with another TTL (a cache serving what is left). */
export function withTtl<R extends ResourceRecord>(record: R, ttl: number): R {
  return { ...record, ttl };
}

/** One line per record, `name TTL IN TYPE data`: for `why` texts and logs. */
export function recordText(record: ResourceRecord): string {
  return `${record.name} ${record.ttl} IN ${record.type} ${rdataText(record)}`;
}

/** The addresses in a list of records (A and AAAA), in order. */
export function addressesOf(records: readonly ResourceRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) if (r.type === 'A' || r.type === 'AAAA') out.push(r.address);
  return out;
}

/** The smallest TTL in a list (an RRset's TTL), or undefined for an empty list. */
export function minTtl(records: readonly ResourceRecord[]): number | undefined {
  let min: number | undefined;
  for (const r of records) if (min === undefined || r.ttl < min) min = r.ttl;
  return min;
}

/** Records grouped into RRsets (same owner and type), in first-seen order. */
export function groupRRsets(records: readonly ResourceRecord[]): ResourceRecord[][] {
  const sets = new Map<string, ResourceRecord[]>();
  for (const r of records) {
    const k = `${r.name}|${r.type}`;
    const set = sets.get(k);
    if (set === undefined) sets.set(k, [r]);
    else set.push(r);
  }
  return [...sets.values()];
}
