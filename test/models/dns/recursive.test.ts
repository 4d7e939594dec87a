import { describe, expect, it } from 'vitest';
import { question, rdataText, resolveRecursive, resolutionAsResponse } from '../../../src/models/dns';
import { makeWorld, ROUTE53 } from './fixtures';

const line = (r: { name: string; ttl: number; type: string } & Parameters<typeof rdataText>[0]) =>
  `${r.name} ${r.ttl} ${r.type} ${rdataText(r)}`;

describe('recursive resolution (RFC 1034 §5.3.3)', () => {
  it('walks root → com. → Route 53 following referrals with glue on a cold cache', () => {
    const w = makeWorld();
    const res = resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    expect(res.rcode).toBe('NOERROR');
    expect(res.fromCache).toBe(false);
    expect(res.steps.map((s) => `${s.kind} ${s.toName} ${s.zone} ${s.response?.kind}`)).toEqual([
      'query a.root-servers.net. . referral',
      'query a.gtld-servers.net. com. referral',
      'query ns-1.awsdns-01.com. example.com. answer',
    ]);
    expect(res.answer.map(line)).toEqual([
      'www.example.com. 60 A 198.51.100.10',
      'www.example.com. 60 A 198.51.100.11',
      'www.example.com. 60 A 198.51.100.12',
    ]);
  });

  it('serves a second query from the cache with the TTL counting down in whole seconds', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    const later = resolveRecursive(w.resolver, question('www.example.com'), 23_400, w.ask);
    expect(later.fromCache).toBe(true);
    expect(later.steps.map((s) => s.kind)).toEqual(['cache']);
    expect(later.answer.map((r) => r.ttl)).toEqual([37, 37, 37]);
    expect(later.why).toBe('cache hit: www.example.com. A, 37 s left of TTL 60');
  });

  it('still serves the cached answer 1 ms before the TTL and asks again exactly at the TTL', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('www.example.com'), 1_000, w.ask);
    const justBefore = resolveRecursive(w.resolver, question('www.example.com'), 60_999, w.ask);
    expect(justBefore.fromCache).toBe(true);
    expect(justBefore.answer[0]?.ttl).toBe(1);
    const atTtl = resolveRecursive(w.resolver, question('www.example.com'), 61_000, w.ask);
    expect(atTtl.fromCache).toBe(false);
    expect(atTtl.answer[0]?.ttl).toBe(60);
  });

  it('goes straight to Route 53 once the delegation is cached, skipping root and com.', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    w.log.length = 0;
    const res = resolveRecursive(w.resolver, question('static.example.com'), 1_000, w.ask);
    expect(w.log).toEqual([`${ROUTE53[0]!.ip} static.example.com. A`]);
    expect(res.answer.map(line)).toEqual(['static.example.com. 3600 A 203.0.113.5']);
  });

  it('keeps serving the old NLB addresses until the cached answer expires, then follows NLB health', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    w.nlb.ips = ['198.51.100.10', '198.51.100.12']; // AZ-b lost all its targets
    const stale = resolveRecursive(w.resolver, question('www.example.com'), 59_000, w.ask);
    expect(stale.answer.map(rdataText)).toContain('198.51.100.11');
    const fresh = resolveRecursive(w.resolver, question('www.example.com'), 60_000, w.ask);
    expect(fresh.answer.map(rdataText)).toEqual(['198.51.100.10', '198.51.100.12']);
  });

  it('caches an NXDOMAIN for 900 s, min(SOA TTL 900, MINIMUM 86400), per RFC 2308 §5', () => {
    const w = makeWorld();
    const first = resolveRecursive(w.resolver, question('nope.example.com'), 0, w.ask);
    expect(first.rcode).toBe('NXDOMAIN');
    expect(first.why).toContain('cached for 900 s');
    const cached = resolveRecursive(w.resolver, question('nope.example.com'), 899_999, w.ask);
    expect(cached.fromCache).toBe(true);
    expect(cached.rcode).toBe('NXDOMAIN');
    expect(cached.authority.map((r) => r.ttl)).toEqual([1]);
    const expired = resolveRecursive(w.resolver, question('nope.example.com'), 900_000, w.ask);
    expect(expired.fromCache).toBe(false);
  });

  it('answers other types at an NXDOMAIN name from the same negative entry', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('nope.example.com'), 0, w.ask);
    const aaaa = resolveRecursive(w.resolver, question('nope.example.com', 'AAAA'), 10_000, w.ask);
    expect([aaaa.fromCache, aaaa.rcode]).toEqual([true, 'NXDOMAIN']);
  });

  it('caches NODATA per type only', () => {
    const w = makeWorld();
    const nodata = resolveRecursive(w.resolver, question('static.example.com', 'AAAA'), 0, w.ask);
    expect([nodata.rcode, nodata.answer.length, nodata.authority[0]?.ttl]).toEqual(['NOERROR', 0, 900]);
    const a = resolveRecursive(w.resolver, question('static.example.com', 'A'), 1_000, w.ask);
    expect(a.fromCache).toBe(false);
    const again = resolveRecursive(w.resolver, question('static.example.com', 'AAAA'), 2_000, w.ask);
    expect([again.fromCache, again.authority[0]?.ttl]).toEqual([true, 898]);
  });

  it('chases a CNAME that leaves the zone through a fresh referral chain', () => {
    const w = makeWorld();
    const res = resolveRecursive(w.resolver, question('cdn.example.com'), 0, w.ask);
    expect(res.answer.map(line)).toEqual([
      'cdn.example.com. 300 CNAME edge.cdn.example.net.',
      'edge.cdn.example.net. 20 A 192.0.2.80',
    ]);
    expect(res.steps.map((s) => s.zone)).toEqual(['.', 'com.', 'example.com.', '.', 'net.', 'example.net.']);
  });

  it('serves a CNAME and its target from the cache with their own countdowns', () => {
    const w = makeWorld();
    resolveRecursive(w.resolver, question('cdn.example.com'), 0, w.ask);
    const res = resolveRecursive(w.resolver, question('cdn.example.com'), 10_000, w.ask);
    expect(res.fromCache).toBe(true);
    expect(res.answer.map((r) => r.ttl)).toEqual([290, 10]);
  });

  it('tries the next Route 53 server when the first does not answer', () => {
    const w = makeWorld();
    w.down.add(ROUTE53[0]!.ip);
    const res = resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    expect(res.rcode).toBe('NOERROR');
    expect(res.steps.map((s) => `${s.kind} ${s.to}`).slice(2)).toEqual([
      `timeout ${ROUTE53[0]!.ip}`,
      `query ${ROUTE53[1]!.ip}`,
    ]);
  });

  it('answers SERVFAIL, not cached, when every server of a zone is silent', () => {
    const w = makeWorld();
    for (const s of ROUTE53) w.down.add(s.ip);
    const res = resolveRecursive(w.resolver, question('www.example.com'), 0, w.ask);
    expect(res.rcode).toBe('SERVFAIL');
    expect(res.why).toContain('every server for example.com. failed');
    w.down.clear();
    expect(resolveRecursive(w.resolver, question('www.example.com'), 1, w.ask).rcode).toBe('NOERROR');
  });

  it('turns a resolution into the response a client sees, with RA set', () => {
    const w = makeWorld();
    const r = resolutionAsResponse(resolveRecursive(w.resolver, question('nope.example.com'), 0, w.ask));
    expect([r.kind, r.rcode, r.ra, r.aa]).toEqual(['nxdomain', 'NXDOMAIN', true, false]);
  });
});
