import { describe, expect, it } from 'vitest';
import { aRecord, cnameRecord, createZone, lookupInZone, question, setRecordData, setRecordTtl, zoneHolding, type Zone } from '../../../src/models/dns';

const zone = (): Zone =>
  createZone({
    origin: 'example.com',
    nameServers: [{ name: 'ns-1.awsdns-01.com.', ip: '205.251.192.1' }],
    records: [aRecord('www.example.com', '198.51.100.10', 300), aRecord('www.example.com', '198.51.100.11', 300), cnameRecord('shop.example.com', 'www.example.com', 60)],
    aliases: [{ name: 'example.com', targetName: 'web-123.elb.eu-west-1.amazonaws.com', addresses: () => ['52.16.10.1'] }],
  });

const answer = (z: Zone, name: string) => lookupInZone(z, question(name), 'ns-1').answer.map((r) => `${r.type} ${r.ttl} ${'address' in r ? r.address : 'target' in r ? r.target : ''}`);

describe('editing a hosted zone (Route 53 ChangeResourceRecordSets)', () => {
  it('sets the TTL of every record of a name, and the zone answers with it', () => {
    const edited = setRecordTtl(zone(), 'www.example.com', 5);
    if (!edited.ok) throw new Error(edited.why);
    expect(answer(edited.zone, 'www.example.com')).toEqual(['A 5 198.51.100.10', 'A 5 198.51.100.11']);
    expect(edited.why).toContain('TTL 300 → 5 s');
  });

  it('refuses a TTL on a Route 53 alias: it takes the target NLB\'s 60 s (behaviour.md §3)', () => {
    const edited = setRecordTtl(zone(), 'example.com', 5);
    expect(edited.ok).toBe(false);
    expect(edited.why).toContain('alias TTL cannot be set');
    expect(edited.why).toContain('60 s');
  });

  it('refuses a name with no record, and a TTL out of range', () => {
    expect(setRecordTtl(zone(), 'nope.example.com', 5).ok).toBe(false);
    expect(setRecordTtl(zone(), 'www.example.com', -1).ok).toBe(false);
    expect(setRecordTtl(zone(), 'www.example.com', 1.5).ok).toBe(false);
  });

  it('points a name at new addresses and keeps its TTL', () => {
    const edited = setRecordData(zone(), 'www.example.com', { kind: 'a', addresses: ['203.0.113.20'] });
    if (!edited.ok) throw new Error(edited.why);
    expect(answer(edited.zone, 'www.example.com')).toEqual(['A 300 203.0.113.20']);
    expect(edited.why).toContain('up to 300 s');
  });

  it('replaces an alias with addresses (TTL 300, Route 53\'s proposal) and addresses with an alias', () => {
    const toA = setRecordData(zone(), 'example.com', { kind: 'a', addresses: ['203.0.113.20'] });
    if (!toA.ok) throw new Error(toA.why);
    expect(answer(toA.zone, 'example.com')).toEqual(['A 300 203.0.113.20']);
    const toAlias = setRecordData(zone(), 'www.example.com', { kind: 'alias', targetName: 'web-123.elb.eu-west-1.amazonaws.com', addresses: () => ['52.16.20.1'] });
    if (!toAlias.ok) throw new Error(toAlias.why);
    expect(answer(toAlias.zone, 'www.example.com')).toEqual(['A 60 52.16.20.1']);
  });

  it('makes a name a CNAME, but not the apex (RFC 1034 §3.6.2)', () => {
    const edited = setRecordData(zone(), 'www.example.com', { kind: 'cname', target: 'other.example.net' });
    if (!edited.ok) throw new Error(edited.why);
    expect(answer(edited.zone, 'www.example.com')).toEqual(['CNAME 300 other.example.net.']);
    expect(setRecordData(zone(), 'example.com', { kind: 'cname', target: 'other.example.net' }).ok).toBe(false);
  });

  it('leaves the original zone as it was (caches and other servers hold their own copies)', () => {
    const z = zone();
    setRecordTtl(z, 'www.example.com', 5);
    expect(answer(z, 'www.example.com')).toEqual(['A 300 198.51.100.10', 'A 300 198.51.100.11']);
  });

  it('finds the deepest hosted zone that holds a name', () => {
    const sub = createZone({ origin: 'eu.example.com', nameServers: [{ name: 'ns-1.awsdns-01.com.', ip: '205.251.192.1' }] });
    expect(zoneHolding([zone(), sub], 'www.eu.example.com')?.origin).toBe('eu.example.com.');
    expect(zoneHolding([zone(), sub], 'www.example.com')?.origin).toBe('example.com.');
    expect(zoneHolding([zone()], 'www.example.org')).toBeUndefined();
  });
});
