import { describe, expect, it } from 'vitest';
import { nlbDnsAnswer } from '../../../src/models/nlb/dns';
import { DRAINING } from '../../../src/models/nlb/reasons';
import { allHealthy, HEALTHY, inAz, makeNlb, setHealth, UNHEALTHY, webGroup } from './fixture';

const A = '198.51.100.1';
const B = '198.51.100.2';
const C = '198.51.100.3';

describe('NLB DNS answer (vector 23: 3 AZs, cross-zone off)', () => {
  it('returns one address per AZ with a healthy target, with TTL 60', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    const answer = nlbDnsAnswer(nlb);
    expect(answer).toMatchObject({
      name: 'web-0123456789abcdef.elb.eu-west-1.amazonaws.com',
      ttlSeconds: 60,
      addresses: [A, B, C],
      failOpen: false,
    });
  });

  it('drops the address of an AZ that lost all its healthy targets', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    setHealth(nlb, UNHEALTHY, inAz('eu-west-1b'));
    const answer = nlbDnsAnswer(nlb);
    expect(answer.addresses).toEqual([A, C]);
    expect(answer.why).toBe('eu-west-1b (198.51.100.2) removed: web has 0 healthy of 2 target(s) for eu-west-1b');
  });

  it('keeps an AZ while one of its targets is healthy', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    setHealth(nlb, UNHEALTHY, (t) => t.id === 'i-0b1');
    expect(nlbDnsAnswer(nlb).addresses).toEqual([A, B, C]);
  });

  it('returns every AZ address again when no AZ has a healthy target (fail-open)', () => {
    const nlb = makeNlb();
    setHealth(nlb, UNHEALTHY);
    const answer = nlbDnsAnswer(nlb);
    expect(answer.addresses).toEqual([A, B, C]);
    expect(answer.failOpen).toBe(true);
    expect(answer.why).toBe('fail-open: no AZ has a healthy target, so all 3 AZ addresses are returned');
  });

  it('does not count a draining target as healthy', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    setHealth(nlb, DRAINING, inAz('eu-west-1c'));
    expect(nlbDnsAnswer(nlb).addresses).toEqual([A, B]);
  });

  it('keeps every AZ in DNS with cross-zone on while any target anywhere is healthy', () => {
    const nlb = makeNlb(webGroup({ crossZone: true }));
    setHealth(nlb, UNHEALTHY);
    setHealth(nlb, HEALTHY, (t) => t.id === 'i-0c2');
    expect(nlbDnsAnswer(nlb).addresses).toEqual([A, B, C]);
  });

  it('honours a higher DNS-failover minimum (target_group_health.dns_failover.minimum_healthy_targets.count)', () => {
    const nlb = makeNlb(webGroup({ dnsFailover: { count: 2 } }));
    allHealthy(nlb);
    setHealth(nlb, UNHEALTHY, (t) => t.id === 'i-0a1');
    expect(nlbDnsAnswer(nlb).addresses).toEqual([B, C]);
  });
});
