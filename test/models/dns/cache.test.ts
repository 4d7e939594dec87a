import { describe, expect, it } from 'vitest';
import {
  aRecord,
  cacheLookup,
  cacheNegative,
  cacheRRset,
  createCache,
  remainingTtlS,
  route53Soa,
} from '../../../src/models/dns';

describe('TTL countdown', () => {
  it('shows the full TTL when stored and counts down in whole seconds, rounding up', () => {
    expect(remainingTtlS(0, 60, 0)).toBe(60);
    expect(remainingTtlS(0, 60, 1)).toBe(60);
    expect(remainingTtlS(0, 60, 1_000)).toBe(59);
    expect(remainingTtlS(0, 60, 59_999)).toBe(1);
    expect(remainingTtlS(0, 60, 60_000)).toBe(0);
  });
});

describe('resolver cache', () => {
  it('expires an RRset exactly at its TTL', () => {
    const cache = createCache();
    cacheRRset(cache, [aRecord('a.example.com', '192.0.2.1', 30)], 5_000);
    expect(cacheLookup(cache, 'a.example.com', 'A', 34_999)?.remainingS).toBe(1);
    expect(cacheLookup(cache, 'a.example.com', 'A', 35_000)).toBeUndefined();
    expect(cache.entries.size).toBe(0);
  });

  it('keeps an RRset for the smallest TTL among its records', () => {
    const cache = createCache();
    const entry = cacheRRset(cache, [aRecord('a.', '192.0.2.1', 300), aRecord('a.', '192.0.2.2', 60)], 0);
    expect(entry?.ttlS).toBe(60);
  });

  it('caps positive and negative TTLs at max-cache-ttl and max-ncache-ttl', () => {
    const cache = createCache({ maxTtlS: 100, maxNegativeTtlS: 30 });
    expect(cacheRRset(cache, [aRecord('a.', '192.0.2.1', 3600)], 0)?.ttlS).toBe(100);
    expect(cacheNegative(cache, 'b.', 'A', 'NXDOMAIN', route53Soa('example.com', 'ns-1.awsdns-01.com'), 0).ttlS).toBe(30);
  });

  it('keeps Route 53 negative answers for 900 s: min(SOA TTL 900, MINIMUM 86400)', () => {
    const cache = createCache();
    const entry = cacheNegative(cache, 'x.example.com', 'A', 'NXDOMAIN', route53Soa('example.com', 'ns-1.awsdns-01.com'), 0);
    expect(entry.ttlS).toBe(900);
    expect(cacheLookup(cache, 'x.example.com', 'A', 899_999)?.records[0]?.ttl).toBe(1);
    expect(cacheLookup(cache, 'x.example.com', 'A', 900_000)).toBeUndefined();
  });
});
