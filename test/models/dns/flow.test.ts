// A client's view of behaviour.md vector 23: the NLB drops AZ-b's IP from DNS,
// caches keep it for at most the 60 s alias TTL, and the client moves past it.
import { describe, expect, it } from 'vitest';
import {
  browserCacheLookup,
  browserCacheStore,
  createBrowserCache,
  nextAddress,
  resolutionAsResponse,
  resolveRecursive,
  resolveStub,
  stepSummary,
  stubConfig,
} from '../../../src/models/dns';
import { AZ_IPS, makeWorld } from './fixtures';

const AZ_B = AZ_IPS[1]!;

function clientLookup(w: ReturnType<typeof makeWorld>, browser: ReturnType<typeof createBrowserCache>, nowMs: number) {
  const hit = browserCacheLookup(browser, 'www.example.com', nowMs);
  if (hit !== undefined) return hit.addresses;
  const result = resolveStub(stubConfig({ nameservers: [w.resolver.ip] }), 'www.example.com', nowMs, (_ns, q, at) =>
    resolutionAsResponse(resolveRecursive(w.resolver, q, at, w.ask)),
  );
  browserCacheStore(browser, 'www.example.com', result.addresses, result.ttlS ?? 0, nowMs);
  return result.addresses;
}

describe('an AZ leaves DNS (vector 23)', () => {
  it('stops handing out the dropped IP within 60 s, through the resolver and browser caches together', () => {
    const w = makeWorld();
    const browser = createBrowserCache();
    const other = createBrowserCache();
    expect(clientLookup(w, browser, 0)).toContain(AZ_B);
    w.nlb.ips = AZ_IPS.filter((ip) => ip !== AZ_B); // at t = 10 s AZ-b has no healthy target
    // Another client fills its browser cache at t = 59 s from the resolver's cache (1 s left).
    expect(clientLookup(w, other, 59_000)).toContain(AZ_B);
    // Every client has forgotten AZ-b 60 s after the resolver first cached it: the browser keeps the TTL it was given.
    for (let t = 60_000; t <= 61_000; t += 500) {
      expect(clientLookup(w, browser, t)).not.toContain(AZ_B);
      expect(clientLookup(w, other, t)).not.toContain(AZ_B);
    }
  });

  it('lets a client with a stale list move past the dead address to the next one', () => {
    const w = makeWorld();
    const browser = createBrowserCache();
    const addresses = clientLookup(w, browser, 0);
    const failed: string[] = [];
    // AZ-b's node resets connections; the client starts with AZ-b here because the test puts it first.
    const ordered = [AZ_B, ...addresses.filter((a) => a !== AZ_B)];
    failed.push(nextAddress(ordered, failed)!);
    expect(failed).toEqual([AZ_B]);
    expect(nextAddress(ordered, failed)).toBe(AZ_IPS[0]);
  });

  it('returns all three AZ IPs again when the NLB fails open', () => {
    const w = makeWorld();
    w.nlb.ips = [AZ_IPS[0]!];
    expect(resolutionAsResponse(resolveRecursive(w.resolver, { name: 'www.example.com.', type: 'A' }, 0, w.ask)).answer.length).toBe(1);
    w.nlb.ips = [...AZ_IPS]; // every AZ lost its targets: fail-open, all IPs back
    const later = resolveRecursive(w.resolver, { name: 'www.example.com.', type: 'A' }, 60_000, w.ask);
    expect(later.answer.length).toBe(3);
  });

  it('describes each hop in one line for packet records', () => {
    const w = makeWorld();
    const res = resolveRecursive(w.resolver, { name: 'www.example.com.', type: 'A' }, 0, w.ask);
    expect(res.steps.map(stepSummary)).toEqual([
      '10.0.0.2 → 198.41.0.4 (a.root-servers.net.): www.example.com. A? ⇒ referral com. → a.gtld-servers.net. (TTL 172800)',
      '10.0.0.2 → 192.5.6.30 (a.gtld-servers.net.): www.example.com. A? ⇒ referral example.com. → ns-1.awsdns-01.com., ns-2.awsdns-02.com. (TTL 172800)',
      '10.0.0.2 → 205.251.192.1 (ns-1.awsdns-01.com.): www.example.com. A? ⇒ NOERROR www.example.com. 60 A 198.51.100.10, www.example.com. 60 A 198.51.100.11, www.example.com. 60 A 198.51.100.12',
    ]);
    const cached = resolveRecursive(w.resolver, { name: 'www.example.com.', type: 'A' }, 1_000, w.ask);
    expect(stepSummary(cached.steps[0]!)).toBe(
      'vpc-resolver cache: www.example.com. A? ⇒ NOERROR www.example.com. 59 A 198.51.100.10, www.example.com. 59 A 198.51.100.11, www.example.com. 59 A 198.51.100.12',
    );
  });
});
