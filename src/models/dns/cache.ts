/**
 * A resolver's cache: RRsets and negative answers, each kept for its TTL and
 * served with the TTL counting down (RFC 1035 §7.4, RFC 2308 §5).
 *
 * Plain data in a Map keyed by `name|TYPE`; an NXDOMAIN is kept under
 * `name|NXDOMAIN` because it covers every type at that name (RFC 2308 §5).
 * Expiry is computed from `nowMs` when an entry is read, so the cache needs no
 * timers: an expired entry is dropped on the read that finds it.
 */
import type { ResourceRecord, RRType, SoaRecord } from './records';
import { minTtl, withTtl } from './records';
import { fqdn } from './name';
import { negativeTtlS } from './negative';
import { isExpired, remainingTtlS } from './ttl';

export type NegativeKind = 'NXDOMAIN' | 'NODATA';

export interface CacheEntry {
  readonly name: string;
  readonly type: RRType | 'NXDOMAIN';
  /** The RRset as received (original TTLs); empty for a negative entry. */
  readonly records: readonly ResourceRecord[];
  readonly storedAtMs: number;
  /** How long it is kept, after caps: the RRset's TTL or the negative TTL. */
  readonly ttlS: number;
  /** Set for a negative entry: what was denied and the SOA that says so. */
  readonly negative?: { readonly kind: NegativeKind; readonly soa: SoaRecord };
}

export interface CacheLimits {
  /** Longest a positive RRset is kept (BIND `max-cache-ttl`, default 7 days). */
  readonly maxTtlS: number;
  /** Longest a negative answer is kept (BIND `max-ncache-ttl`, default 3 h). */
  readonly maxNegativeTtlS: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxTtlS: 604800, maxNegativeTtlS: 10800 };

export interface DnsCache {
  readonly entries: Map<string, CacheEntry>;
  readonly limits: CacheLimits;
}

/** What a read finds: the records with the TTL left, or the negative answer with its SOA counting down. */
export interface CacheHit {
  readonly entry: CacheEntry;
  /** Whole seconds left. */
  readonly remainingS: number;
  /** The records as served now (TTL = seconds left); for a negative hit, the SOA with the seconds left. */
  readonly records: readonly ResourceRecord[];
  readonly why: string;
}

export function createCache(limits: Partial<CacheLimits> = {}): DnsCache {
  return { entries: new Map(), limits: { ...DEFAULT_CACHE_LIMITS, ...limits } };
}

function key(name: string, type: RRType | 'NXDOMAIN'): string {
  return `${fqdn(name)}|${type}`;
}

/** Store an RRset (all records share owner and type); its TTL is the smallest record TTL, capped. */
export function cacheRRset(cache: DnsCache, records: readonly ResourceRecord[], nowMs: number): CacheEntry | undefined {
  const first = records[0];
  const ttl = minTtl(records);
  if (first === undefined || ttl === undefined) return undefined;
  const entry: CacheEntry = {
    name: first.name,
    type: first.type,
    records: [...records],
    storedAtMs: nowMs,
    ttlS: Math.min(ttl, cache.limits.maxTtlS),
  };
  cache.entries.set(key(first.name, first.type), entry);
  return entry;
}

/**
 * Store a whole answer under its question, as CoreDNS's `cache` plugin does:
 * every record is served with the answer's smallest TTL, counting down.
 */
export function cacheAnswer(
  cache: DnsCache,
  name: string,
  type: RRType,
  records: readonly ResourceRecord[],
  nowMs: number,
): CacheEntry | undefined {
  const ttl = minTtl(records);
  if (ttl === undefined) return undefined;
  const entry: CacheEntry = { name: fqdn(name), type, records: [...records], storedAtMs: nowMs, ttlS: Math.min(ttl, cache.limits.maxTtlS) };
  cache.entries.set(key(name, type), entry);
  return entry;
}

/** Store an NXDOMAIN (for every type at `name`) or a NODATA (for `type` only). */
export function cacheNegative(
  cache: DnsCache,
  name: string,
  type: RRType,
  kind: NegativeKind,
  soa: SoaRecord,
  nowMs: number,
): CacheEntry {
  const entry: CacheEntry = {
    name: fqdn(name),
    type: kind === 'NXDOMAIN' ? 'NXDOMAIN' : type,
    records: [],
    storedAtMs: nowMs,
    ttlS: Math.min(negativeTtlS(soa), cache.limits.maxNegativeTtlS),
    negative: { kind, soa },
  };
  cache.entries.set(key(name, entry.type), entry);
  return entry;
}

/**
 * Read `name`/`type`: a fresh positive RRset, else a fresh NODATA for that
 * type, else a fresh NXDOMAIN for the name. Expired entries are removed.
 */
export function cacheLookup(cache: DnsCache, name: string, type: RRType, nowMs: number): CacheHit | undefined {
  return read(cache, key(name, type), nowMs) ?? read(cache, key(name, 'NXDOMAIN'), nowMs);
}

function read(cache: DnsCache, k: string, nowMs: number): CacheHit | undefined {
  const entry = cache.entries.get(k);
  if (entry === undefined) return undefined;
  if (isExpired(entry.storedAtMs, entry.ttlS, nowMs)) {
    cache.entries.delete(k);
    return undefined;
  }
  const left = remainingTtlS(entry.storedAtMs, entry.ttlS, nowMs);
  if (entry.negative !== undefined) {
    const what = entry.negative.kind === 'NXDOMAIN' ? `${entry.name} NXDOMAIN` : `${entry.name} ${entry.type} NODATA`;
    return {
      entry,
      remainingS: left,
      records: [withTtl(entry.negative.soa, left)],
      why: `cache hit: ${what}, ${left} s left of negative TTL ${entry.ttlS}`,
    };
  }
  return {
    entry,
    remainingS: left,
    records: entry.records.map((r) => withTtl(r, left)),
    why: `cache hit: ${entry.name} ${entry.type}, ${left} s left of TTL ${entry.ttlS}`,
  };
}

/** Drop everything (`rndc flush`). */
export function flushCache(cache: DnsCache): void {
  cache.entries.clear();
}
