import { describe, expect, it } from 'vitest';
import {
  emptyResponse,
  nextAddress,
  nextAddressWhy,
  parseResolvConf,
  formatResolvConf,
  question,
  resolutionAsResponse,
  resolveRecursive,
  resolveStub,
  searchCandidates,
  stubConfig,
  stubTries,
  tryTimeoutS,
  type DnsResponse,
  type Question,
} from '../../../src/models/dns';
import { makeWorld } from './fixtures';

describe('resolv.conf', () => {
  it('reads nameservers in order, the last search line, and options, with glibc defaults', () => {
    const c = parseResolvConf('# vpc\nnameserver 10.0.0.2\nnameserver 10.0.1.2\nsearch a.example b.example\noptions ndots:2\n');
    expect(c).toEqual({ nameservers: ['10.0.0.2', '10.0.1.2'], search: ['a.example', 'b.example'], ndots: 2, timeoutS: 5, attempts: 2 });
  });

  it('keeps at most three nameservers (MAXNS) and clamps options as glibc does', () => {
    const c = parseResolvConf('nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\noptions ndots:99 timeout:0 attempts:9');
    expect([c.nameservers.length, c.ndots, c.timeoutS, c.attempts]).toEqual([3, 15, 1, 5]);
  });

  it('prints a file that reads back to the same configuration', () => {
    const c = stubConfig({ nameservers: ['10.96.0.10'], search: ['shop.svc.cluster.local'], ndots: 5 });
    expect(formatResolvConf(c)).toBe('search shop.svc.cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(parseResolvConf(formatResolvConf(c))).toEqual(c);
  });
});

describe('search list (glibc res_search)', () => {
  const pod = { search: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 };

  it('tries the search domains first, in order, for a name with fewer than ndots dots (vector 23)', () => {
    expect(searchCandidates('api.example.com', pod)).toEqual([
      'api.example.com.shop.svc.cluster.local.',
      'api.example.com.svc.cluster.local.',
      'api.example.com.cluster.local.',
      'api.example.com.',
    ]);
  });

  it('tries the name as is first when it has at least ndots dots', () => {
    expect(searchCandidates('www.example.com', { search: ['corp.example'], ndots: 1 })).toEqual([
      'www.example.com.',
      'www.example.com.corp.example.',
    ]);
  });

  it('uses a name ending in a dot as it is, with no search', () => {
    expect(searchCandidates('api.example.com.', pod)).toEqual(['api.example.com.']);
  });
});

describe('stub tries and timeouts (glibc send_dg)', () => {
  it('waits 5 s per try with defaults and one nameserver: queries at 0 and 5 s, gives up at 10 s', () => {
    expect(stubTries(stubConfig({ nameservers: ['10.0.0.2'] })).map((t) => [t.attempt, t.timeoutMs])).toEqual([
      [1, 5000],
      [2, 5000],
    ]);
  });

  it('gives nameserver i of n (timeout << i) / n seconds: 5, 3 and 6 s for three', () => {
    expect([0, 1, 2].map((i) => tryTimeoutS(5, i, 3))).toEqual([5, 3, 6]);
    expect([0, 1].map((i) => tryTimeoutS(5, i, 2))).toEqual([5, 5]);
  });

  it('goes round the nameservers in order, attempts times', () => {
    const tries = stubTries(stubConfig({ nameservers: ['a', 'b'] }));
    expect(tries.map((t) => `${t.attempt}${t.nameserver}`)).toEqual(['1a', '1b', '2a', '2b']);
  });
});

function answering(byNameserver: Record<string, (q: Question) => DnsResponse | undefined>) {
  const log: string[] = [];
  const ask = (ns: string, q: Question, atMs: number) => {
    log.push(`${atMs} ${ns} ${q.name}`);
    return byNameserver[ns]?.(q);
  };
  return { ask, log };
}

describe('stub resolver', () => {
  it('returns every A record of the answer, in order, through the recursive resolver', () => {
    const w = makeWorld();
    const config = stubConfig({ nameservers: ['10.0.0.2'] });
    const result = resolveStub(config, 'www.example.com', 0, (ns, q, at) =>
      ns === '10.0.0.2' ? resolutionAsResponse(resolveRecursive(w.resolver, q, at, w.ask)) : undefined,
    );
    expect(result.status).toBe('ok');
    expect(result.addresses).toEqual(['198.51.100.10', '198.51.100.11', '198.51.100.12']);
    expect(result.ttlS).toBe(60);
  });

  it('retries a silent nameserver after its timeout, then moves to the next one', () => {
    const w = makeWorld();
    const ok = (q: Question) => resolutionAsResponse(resolveRecursive(w.resolver, q, 0, w.ask));
    const { ask, log } = answering({ '10.0.1.2': ok });
    const result = resolveStub(stubConfig({ nameservers: ['10.0.0.2', '10.0.1.2'] }), 'www.example.com', 1000, ask);
    expect(log).toEqual(['1000 10.0.0.2 www.example.com.', '6000 10.0.1.2 www.example.com.']);
    expect(result.status).toBe('ok');
    expect(result.waitedMs).toBe(5000);
  });

  it('fails with EAI_AGAIN after attempts × timeout when nothing answers, without trying the next candidate', () => {
    const { ask, log } = answering({});
    const config = stubConfig({ nameservers: ['10.0.0.2'], search: ['corp.example'] });
    const result = resolveStub(config, 'www.example.com', 0, ask);
    expect(log).toEqual(['0 10.0.0.2 www.example.com.', '5000 10.0.0.2 www.example.com.']);
    expect([result.status, result.error?.code, result.waitedMs]).toEqual(['timeout', 'EAI_AGAIN', 10_000]);
  });

  it('asks the next nameserver at once after SERVFAIL', () => {
    const servfail = () => emptyResponse('servfail', 'SERVFAIL', 'broken');
    const w = makeWorld();
    const ok = (q: Question) => resolutionAsResponse(resolveRecursive(w.resolver, q, 0, w.ask));
    const { ask, log } = answering({ a: servfail, b: ok });
    const result = resolveStub(stubConfig({ nameservers: ['a', 'b'] }), 'www.example.com', 0, ask);
    expect(log).toEqual(['0 a www.example.com.', '0 b www.example.com.']);
    expect(result.status).toBe('ok');
  });

  it('reports EAI_NONAME when every candidate is NXDOMAIN', () => {
    const w = makeWorld();
    const viaResolver = (q: Question) => resolutionAsResponse(resolveRecursive(w.resolver, q, 0, w.ask));
    const { ask } = answering({ r: viaResolver });
    const result = resolveStub(stubConfig({ nameservers: ['r'] }), 'nope.example.com', 0, ask);
    expect([result.status, result.error?.message]).toEqual(['nxdomain', 'Name or service not known']);
  });

  it('goes on to the next candidate after NODATA and reports EAI_NODATA if none has the type', () => {
    const w = makeWorld();
    const viaResolver = (q: Question) => resolutionAsResponse(resolveRecursive(w.resolver, q, 0, w.ask));
    const { ask, log } = answering({ r: viaResolver });
    const result = resolveStub(stubConfig({ nameservers: ['r'], search: ['example.com'] }), 'static', 0, ask, 'AAAA');
    expect(log.map((l) => l.split(' ')[2])).toEqual(['static.example.com.', 'static.']);
    expect(result.status).toBe('nodata');
  });
});

describe('next address after a failed connection', () => {
  it('gives the first address not yet failed, then none when all failed', () => {
    const ips = ['198.51.100.10', '198.51.100.11', '198.51.100.12'];
    expect(nextAddress(ips, [])).toBe('198.51.100.10');
    expect(nextAddress(ips, ['198.51.100.10'])).toBe('198.51.100.11');
    expect(nextAddress(ips, ['198.51.100.11', '198.51.100.10'])).toBe('198.51.100.12');
    expect(nextAddress(ips, ips)).toBeUndefined();
    expect(nextAddressWhy(ips, ['198.51.100.10'])).toBe('198.51.100.10 failed: try the next address, 198.51.100.11');
  });
});

describe('question()', () => {
  it('makes names canonical', () => {
    expect(question('WWW.Example.COM')).toEqual({ name: 'www.example.com.', type: 'A' });
  });
});
