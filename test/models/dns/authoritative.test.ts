import { describe, expect, it } from 'vitest';
import {
  aRecord,
  answerAuthoritative,
  cnameRecord,
  createZone,
  question,
  rdataText,
  type AuthoritativeServer,
} from '../../../src/models/dns';
import { makeWorld, ROUTE53 } from './fixtures';

function route53(): { server: AuthoritativeServer; nlb: { ips: string[] } } {
  const w = makeWorld();
  const server = w.hierarchy.servers.find((s) => s.ip === ROUTE53[0]!.ip)!;
  return { server, nlb: w.nlb };
}

describe('authoritative answers', () => {
  it('answers an alias to the NLB with its current IPs and TTL 60, computed at query time', () => {
    const { server, nlb } = route53();
    const first = answerAuthoritative(server, question('www.example.com'));
    expect(first.kind).toBe('answer');
    expect(first.aa).toBe(true);
    expect(first.answer.map((r) => [r.name, r.type, r.ttl, rdataText(r)])).toEqual([
      ['www.example.com.', 'A', 60, '198.51.100.10'],
      ['www.example.com.', 'A', 60, '198.51.100.11'],
      ['www.example.com.', 'A', 60, '198.51.100.12'],
    ]);
    nlb.ips = ['198.51.100.10', '198.51.100.12'];
    const second = answerAuthoritative(server, question('www.example.com'));
    expect(second.answer.map(rdataText)).toEqual(['198.51.100.10', '198.51.100.12']);
    expect(second.why).toContain('TTL 60');
  });

  it('follows a CNAME inside the zone and returns the chain then the addresses', () => {
    const { server } = route53();
    const r = answerAuthoritative(server, question('api.example.com'));
    expect(r.answer.map((x) => `${x.name} ${x.type} ${rdataText(x)}`)).toEqual([
      'api.example.com. CNAME www.example.com.',
      'www.example.com. A 198.51.100.10',
      'www.example.com. A 198.51.100.11',
      'www.example.com. A 198.51.100.12',
    ]);
  });

  it('stops a CNAME chain that leaves the zone, for the resolver to chase', () => {
    const { server } = route53();
    const r = answerAuthoritative(server, question('cdn.example.com'));
    expect(r.kind).toBe('answer');
    expect(r.answer.map((x) => x.type)).toEqual(['CNAME']);
  });

  it('says NXDOMAIN with the SOA at TTL min(900, 86400) for a name that does not exist', () => {
    const { server } = route53();
    const r = answerAuthoritative(server, question('nope.example.com'));
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.answer).toEqual([]);
    expect(r.authority.map((x) => `${x.name} ${x.ttl} ${x.type} ${rdataText(x)}`)).toEqual([
      'example.com. 900 SOA ns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400',
    ]);
  });

  it('says NODATA (NOERROR, empty answer, SOA) for a name that exists without the type', () => {
    const { server } = route53();
    const r = answerAuthoritative(server, question('static.example.com', 'AAAA'));
    expect([r.kind, r.rcode, r.answer.length, r.authority[0]?.type]).toEqual(['nodata', 'NOERROR', 0, 'SOA']);
  });

  it('treats a name with records only below it as existing (empty non-terminal: NODATA, not NXDOMAIN)', () => {
    const { server } = route53();
    expect(answerAuthoritative(server, question('sub.example.com')).kind).toBe('nodata');
  });

  it('refers a question below a delegation to the child zone with NS and glue, without AA', () => {
    const w = makeWorld();
    const com = w.hierarchy.servers.find((s) => s.name === 'a.gtld-servers.net.')!;
    const r = answerAuthoritative(com, question('www.example.com'));
    expect(r.kind).toBe('referral');
    expect(r.aa).toBe(false);
    expect(r.authority.map((x) => `${x.name} ${x.ttl} ${x.type} ${rdataText(x)}`)).toEqual([
      'example.com. 172800 NS ns-1.awsdns-01.com.',
      'example.com. 172800 NS ns-2.awsdns-02.com.',
    ]);
    expect(r.additional.map((x) => `${x.name} ${rdataText(x)}`)).toEqual([
      'ns-1.awsdns-01.com. 205.251.192.1',
      'ns-2.awsdns-02.com. 205.251.194.2',
    ]);
  });

  it('refuses a name outside every zone it serves, as Route 53 does', () => {
    const { server } = route53();
    expect(answerAuthoritative(server, question('www.example.org')).rcode).toBe('REFUSED');
  });

  it('uses the SOA overrides of the zone for negative answers', () => {
    const zone = createZone({
      origin: 'lab.test',
      nameServers: [{ name: 'ns.lab.test', ip: '192.0.2.1' }],
      soa: { minimum: 60, ttl: 300 },
      records: [aRecord('a.lab.test', '192.0.2.2', 5), cnameRecord('loop.lab.test', 'loop.lab.test', 5)],
    });
    const server = { id: 'ns', name: 'ns.lab.test.', ip: '192.0.2.1', zones: [zone] };
    expect(answerAuthoritative(server, question('b.lab.test')).authority[0]?.ttl).toBe(60);
    expect(answerAuthoritative(server, question('loop.lab.test')).rcode).toBe('SERVFAIL');
  });
});
