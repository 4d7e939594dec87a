/**
 * A browser's host cache: getaddrinfo has no cache of its own, so the
 * browser keeps answers itself, for min(TTL, 60 s).
 *
 * Why 60 s: Chrome's host resolver caches a system-resolver (getaddrinfo)
 * result for a fixed 60 s, because getaddrinfo does not report TTLs
 * (`kCacheEntryTTLSeconds = 60` in net/dns/host_resolver_manager.cc). With its
 * built-in DNS client it uses the record's TTL instead. Taking the smaller of
 * the two is the model: a short TTL is honoured, and nothing outlives a
 * minute, so a client keeps an NLB address the NLB has just dropped for at
 * most 60 s (behaviour.md, vector 23).
 */
import { fqdn } from './name';
import { BoundedCache } from '../../sim';

/** Chrome's cap on how long a host cache entry lives. */
export const BROWSER_CACHE_CAP_S = 60;

export interface BrowserCacheEntry {
  readonly addresses: readonly string[];
  readonly storedAtMs: number;
  readonly ttlS: number;
}

export interface BrowserCache {
  readonly entries: Map<string, BrowserCacheEntry>;
  readonly capS: number;
}

export function createBrowserCache(capS = BROWSER_CACHE_CAP_S): BrowserCache {
  return { entries: new Map(), capS };
}

/** Keep `addresses` for min(`ttlS`, cap); returns how long and why. */
export function browserCacheStore(
  cache: BrowserCache,
  name: string,
  addresses: readonly string[],
  ttlS: number,
  nowMs: number,
): { ttlS: number; why: string } {
  const kept = Math.min(ttlS, cache.capS);
  cache.entries.set(fqdn(name), { addresses: [...addresses], storedAtMs: nowMs, ttlS: kept });
  const why =
    kept < ttlS
      ? `browser caches ${fqdn(name)} for ${kept} s: TTL ${ttlS} s capped at the host cache's ${cache.capS} s`
      : `browser caches ${fqdn(name)} for its TTL, ${kept} s`;
  return { ttlS: kept, why };
}

/** The cached addresses if still fresh (expiry exactly at the kept TTL). */
export function browserCacheLookup(
  cache: BrowserCache,
  name: string,
  nowMs: number,
): { addresses: readonly string[]; remainingMs: number; why: string } | undefined {
  const key = cacheKey(name);
  const entry = cache.entries.get(key);
  if (entry === undefined) return undefined;
  const remainingMs = entry.storedAtMs + entry.ttlS * 1000 - nowMs;
  if (remainingMs <= 0) {
    cache.entries.delete(key);
    return undefined;
  }
  return new CacheHit(key, entry, remainingMs);
}

/** Names as the cache keys them (`fqdn`), remembered: a client looks its one host up for every request. */
const keys = new BoundedCache<string, string>(1000, (name) => fqdn(name));

function cacheKey(name: string): string {
  return keys.get(name);
}

/** A fresh entry; its `why` is written only when someone reads it (a load generator's hits go untraced). */
class CacheHit {
  constructor(
    private readonly key: string,
    private readonly entry: BrowserCacheEntry,
    readonly remainingMs: number,
  ) {}

  get addresses(): readonly string[] {
    return this.entry.addresses;
  }

  get why(): string {
    const { key, entry, remainingMs } = this;
    return `browser host cache hit: ${key} → ${entry.addresses.join(', ')}, ${Math.ceil(remainingMs / 1000)} s left of ${entry.ttlS} s`;
  }
}
