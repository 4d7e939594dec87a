import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAINING, INITIAL_CHECKING } from '../../../src/models/nlb/reasons';
import { routeConnection } from '../../../src/models/nlb/routing';
import type { RouteDecision } from '../../../src/models/nlb/routing';
import type { FlowTuple, Nlb } from '../../../src/models/nlb/types';
import { Random, Rng } from '../../../src/sim';
import { allHealthy, AZS, HEALTHY, inAz, makeNlb, podGroup, setHealth, UNHEALTHY, webGroup } from './fixture';

const tuple = (srcPort = 40000, dstPort = 80): FlowTuple => ({
  protocol: 'tcp',
  srcIp: '203.0.113.7',
  srcPort,
  dstIp: '198.51.100.1',
  dstPort,
});

/** Route `n` new connections at the node in `az`; return the decisions. */
function routeMany(nlb: Nlb, az: string, n: number, seed = 1): RouteDecision[] {
  const rng = new Random(seed).stream('nlb:web:flow-hash');
  return Array.from({ length: n }, (_, i) => routeConnection(nlb, { azOfNode: az, flow5Tuple: tuple(40000 + i), rng }));
}

function targetsHit(decisions: RouteDecision[]): string[] {
  const ids = decisions.map((d) => (d.kind === 'forward' ? d.target.id : d.kind));
  return [...new Set(ids)].sort();
}

describe('cross-zone load balancing', () => {
  it('keeps new connections in the node\'s own AZ when cross-zone is off (the NLB default)', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    expect(targetsHit(routeMany(nlb, 'eu-west-1a', 200))).toEqual(['i-0a1', 'i-0a2']);
    expect(targetsHit(routeMany(nlb, 'eu-west-1c', 200))).toEqual(['i-0c1', 'i-0c2']);
  });

  it('spreads over every enabled AZ when cross-zone is on at the load balancer', () => {
    const nlb = makeNlb(webGroup(), { crossZone: true });
    allHealthy(nlb);
    expect(targetsHit(routeMany(nlb, 'eu-west-1a', 300))).toEqual(['i-0a1', 'i-0a2', 'i-0b1', 'i-0b2', 'i-0c1', 'i-0c2']);
  });

  it('lets the target group override the load balancer in both directions', () => {
    const off = makeNlb(webGroup({ crossZone: false }), { crossZone: true });
    allHealthy(off);
    expect(targetsHit(routeMany(off, 'eu-west-1b', 200))).toEqual(['i-0b1', 'i-0b2']);
    const on = makeNlb(webGroup({ crossZone: true }), { crossZone: false });
    allHealthy(on);
    expect(targetsHit(routeMany(on, 'eu-west-1b', 300))).toHaveLength(6);
  });
});

describe('health and fail-open', () => {
  it('sends new connections only to healthy targets while the zone has one', () => {
    const nlb = makeNlb();
    setHealth(nlb, UNHEALTHY, (t) => t.id === 'i-0a1');
    setHealth(nlb, HEALTHY, (t) => t.id === 'i-0a2');
    const decisions = routeMany(nlb, 'eu-west-1a', 50);
    expect(targetsHit(decisions)).toEqual(['i-0a2']);
    expect(decisions[0]?.why).toBe(
      'flow hash over 1 healthy target(s) in eu-west-1a only (cross-zone off) → i-0a2:31080 (eu-west-1a); client IP preserved (instance target group, preserve_client_ip on)',
    );
    // A target still in initial takes no traffic while a healthy one exists.
    setHealth(nlb, INITIAL_CHECKING, (t) => t.id === 'i-0a1');
    expect(targetsHit(routeMany(nlb, 'eu-west-1a', 50))).toEqual(['i-0a2']);
  });

  it('explains each connection with the health counts of its moment, as they change between connections', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    const whyTo = (id: string) => routeMany(nlb, 'eu-west-1a', 50).find((d) => d.kind === 'forward' && d.target.id === id)?.why;
    expect(whyTo('i-0a2')).toMatch(/^flow hash over 2 healthy target\(s\) in eu-west-1a only/);
    setHealth(nlb, UNHEALTHY, (t) => t.id === 'i-0a1');
    expect(whyTo('i-0a2')).toMatch(/^flow hash over 1 healthy target\(s\) in eu-west-1a only/);
    setHealth(nlb, UNHEALTHY, inAz('eu-west-1a'));
    expect(whyTo('i-0a2')).toMatch(/^fail-open: 0 healthy of 2 in eu-west-1a only \(cross-zone off\), so all 2 are candidates → i-0a2:31080/);
    allHealthy(nlb);
    expect(whyTo('i-0a2')).toMatch(/^flow hash over 2 healthy target\(s\) in eu-west-1a only/);
  });

  it('fails open in a zone with no healthy target: the node uses all its targets, healthy or not', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    setHealth(nlb, UNHEALTHY, inAz('eu-west-1a'));
    const decisions = routeMany(nlb, 'eu-west-1a', 100);
    expect(targetsHit(decisions)).toEqual(['i-0a1', 'i-0a2']);
    expect(decisions.every((d) => d.kind === 'forward' && d.failOpen)).toBe(true);
    expect(decisions[0]?.why).toMatch(/^fail-open: 0 healthy of 2 in eu-west-1a only \(cross-zone off\)/);
  });

  it('routes to all targets when every target in every AZ is unhealthy and cross-zone is on', () => {
    const nlb = makeNlb(webGroup(), { crossZone: true });
    setHealth(nlb, UNHEALTHY);
    expect(targetsHit(routeMany(nlb, 'eu-west-1b', 300))).toHaveLength(6);
  });

  it('includes targets still in initial when failing open, since they are registered', () => {
    const nlb = makeNlb();
    // Just created: every target is initial.
    const decisions = routeMany(nlb, 'eu-west-1a', 50);
    expect(targetsHit(decisions)).toEqual(['i-0a1', 'i-0a2']);
  });

  it('never opens a new flow to a draining target, not even when failing open', () => {
    const nlb = makeNlb();
    setHealth(nlb, UNHEALTHY);
    setHealth(nlb, DRAINING, (t) => t.id === 'i-0a1');
    expect(targetsHit(routeMany(nlb, 'eu-west-1a', 50))).toEqual(['i-0a2']);
  });

  it('resets the connection when the node has no target at all in reach', () => {
    const group = podGroup();
    const nlb = makeNlb({ ...group, targets: group.targets?.filter((t) => t.az !== 'eu-west-1c') ?? [] });
    allHealthy(nlb);
    const [decision] = routeMany(nlb, 'eu-west-1c', 1);
    expect(decision).toEqual({
      kind: 'reset',
      why: 'no target in pods for eu-west-1c only (cross-zone off): nothing registered there, so the connection is reset',
    });
  });

  it('drops traffic to a port with no listener', () => {
    const nlb = makeNlb();
    const rng = new Rng('x');
    const decision = routeConnection(nlb, { azOfNode: 'eu-west-1a', flow5Tuple: tuple(40000, 443), rng });
    expect(decision).toEqual({ kind: 'drop', why: 'no listener on port 443: the NLB drops unintended traffic' });
  });

  it('routes a connection to a healthy target of its AZ whenever one exists and cross-zone is off', () => {
    const states = fc.constantFrom('healthy', 'unhealthy', 'initial', 'draining');
    fc.assert(
      fc.property(fc.array(states, { minLength: 6, maxLength: 6 }), fc.constantFrom(...AZS), fc.integer(), (health, az, seed) => {
        const nlb = makeNlb();
        nlb.targetGroups[0]?.targets.forEach((t, i) => {
          const s = health[i] ?? 'healthy';
          t.health = s === 'healthy' ? HEALTHY : s === 'unhealthy' ? UNHEALTHY : s === 'draining' ? DRAINING : INITIAL_CHECKING;
        });
        const healthyHere = nlb.targetGroups[0]?.targets.some((t) => t.az === az && t.health.state === 'healthy');
        const d = routeConnection(nlb, { azOfNode: az, flow5Tuple: tuple(), rng: new Rng(String(seed)) });
        if (healthyHere) {
          expect(d.kind === 'forward' && d.target.az === az && d.target.health.state === 'healthy').toBe(true);
        } else if (d.kind === 'forward') {
          // Fail-open stays in the AZ too, and never picks a draining target.
          expect(d.failOpen && d.target.az === az && d.target.health.state !== 'draining').toBe(true);
        }
      }),
    );
  });
});

describe('flow hash as a seeded uniform draw', () => {
  it('spreads new connections evenly over the candidates', () => {
    const nlb = makeNlb(webGroup(), { crossZone: true });
    allHealthy(nlb);
    const counts = new Map<string, number>();
    for (const d of routeMany(nlb, 'eu-west-1a', 6000)) {
      if (d.kind === 'forward') counts.set(d.target.id, (counts.get(d.target.id) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('gives the same targets for the same seed and different ones for another seed', () => {
    const nlb = makeNlb(webGroup(), { crossZone: true });
    allHealthy(nlb);
    const ids = (seed: number) => routeMany(nlb, 'eu-west-1a', 30, seed).map((d) => (d.kind === 'forward' ? d.target.id : '-'));
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
  });
});

describe('client IP preservation', () => {
  it('lets an instance target see the client address', () => {
    const nlb = makeNlb();
    allHealthy(nlb);
    const [d] = routeMany(nlb, 'eu-west-1a', 1);
    expect(d?.kind === 'forward' && d.source).toMatchObject({ ip: '203.0.113.7', port: 40000, preserved: true });
  });

  it('shows an ip target the NLB node\'s private address by default over TCP', () => {
    const nlb = makeNlb(podGroup());
    allHealthy(nlb);
    const [d] = routeMany(nlb, 'eu-west-1b', 1);
    expect(d?.kind === 'forward' && d.source).toMatchObject({ ip: '10.0.2.5', preserved: false });
    expect(d?.kind === 'forward' && d.target.ip).toBe('10.0.2.101');
  });

  it('preserves the client address for ip targets when preserve_client_ip is turned on', () => {
    const nlb = makeNlb(podGroup({ preserveClientIp: true }));
    allHealthy(nlb);
    const [d] = routeMany(nlb, 'eu-west-1b', 1);
    expect(d?.kind === 'forward' && d.source.ip).toBe('203.0.113.7');
  });
});
