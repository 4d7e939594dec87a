import { describe, expect, it } from 'vitest';
import { browserCacheLookup, browserCacheStore, createBrowserCache } from '../../../src/models/dns';

describe('browser host cache', () => {
  it('keeps an answer for its TTL when that is under 60 s, expiring exactly then', () => {
    const cache = createBrowserCache();
    expect(browserCacheStore(cache, 'www.example.com', ['198.51.100.10'], 20, 1_000).ttlS).toBe(20);
    expect(browserCacheLookup(cache, 'www.example.com', 20_999)?.addresses).toEqual(['198.51.100.10']);
    expect(browserCacheLookup(cache, 'www.example.com', 21_000)).toBeUndefined();
  });

  it('caps a longer TTL at 60 s, the host cache limit', () => {
    const cache = createBrowserCache();
    const stored = browserCacheStore(cache, 'static.example.com', ['203.0.113.5'], 3600, 0);
    expect(stored.ttlS).toBe(60);
    expect(stored.why).toContain('capped');
    expect(browserCacheLookup(cache, 'static.example.com', 59_999)).toBeDefined();
    expect(browserCacheLookup(cache, 'static.example.com', 60_000)).toBeUndefined();
  });
});
