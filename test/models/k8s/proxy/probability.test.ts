import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/sim';
import { computeProbability, formatProbability, ruleProbability, statisticThreshold } from '../../../../src/models/k8s/proxy/probability';
import { chainRules, formatRule, matchRule } from '../../../../src/models/k8s/proxy/rules';
import { endpointChain, serviceChain } from '../../../../src/models/k8s/proxy/chain-names';
import type { ProxyEndpoint } from '../../../../src/models/k8s/proxy/categorize';

const endpoints = (n: number): ProxyEndpoint[] =>
  Array.from({ length: n }, (_, i) => ({ ip: `10.244.${i}.5`, port: 3000, node: `node-${i}`, pod: `auth-7c9f-p${i}`, ready: true, serving: true, terminating: false }));

describe('kube-proxy iptables probabilities (behaviour.md vector 21)', () => {
  it('gives n=3 the rules 0.3333333333, 0.5000000000, then an unconditional one', () => {
    expect([0, 1, 2].map((i) => ruleProbability(i, 3))).toEqual(['0.3333333333', '0.5000000000', undefined]);
  });

  it('gives n=4 the rules 0.2500000000, 0.3333333333, 0.5000000000, then an unconditional one', () => {
    expect([0, 1, 2, 3].map((i) => ruleProbability(i, 4))).toEqual(['0.2500000000', '0.3333333333', '0.5000000000', undefined]);
  });

  it("formats like Go's %0.10f, ties to even included", () => {
    expect(computeProbability(6)).toBe('0.1666666667');
    expect(computeProbability(7)).toBe('0.1428571429');
    // 1/2048 = 0.00048828125 exactly: Go rounds the tie to even, JavaScript's toFixed would round up.
    expect(formatProbability(1 / 2048)).toBe('0.0004882812');
    expect(formatProbability(3 / 2048)).toBe('0.0014648438');
  });

  it("stores the probability as iptables' 31-bit threshold", () => {
    expect(statisticThreshold('0.5000000000')).toBe(0x40000000);
    expect(statisticThreshold('0.3333333333')).toBe(715827883); // lround(715827882.6)
  });

  it('writes the rules as iptables-save prints them, with the upstream chain names', () => {
    // Chain names from kubernetes pkg/proxy/iptables/proxier_test.go (ns1/svc1:p80, 10.180.0.1:80).
    expect(serviceChain('ns1/svc1:p80', 'TCP')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(endpointChain('ns1/svc1:p80', 'TCP', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
    const rules = chainRules('default/auth-service', 'TCP', endpoints(3));
    const chain = serviceChain('default/auth-service', 'TCP');
    const lines = rules.map((r) => formatRule(chain, r));
    expect(lines[0]).toBe(
      `-A ${chain} -m comment --comment "default/auth-service -> 10.244.0.5:3000" -m statistic --mode random --probability 0.3333333333 -j ${rules[0]!.target}`,
    );
    expect(lines[1]).toContain('-m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-');
    expect(lines[2]).not.toContain('statistic');
  });
});

describe('kube-proxy endpoint choice per new connection', () => {
  it('spreads new connections uniformly, 1/n each, for n = 3 and n = 4', () => {
    for (const n of [3, 4]) {
      const rng = new Random(42).stream(`uniform-${n}`);
      const rules = chainRules('default/auth-service', 'TCP', endpoints(n));
      const counts = new Array<number>(n).fill(0);
      const draws = 60_000;
      for (let i = 0; i < draws; i++) counts[matchRule(rules, rng)!.index]!++;
      for (const c of counts) {
        // Expected 20,000 or 15,000; the standard deviation is about 120, so ±2% is a generous bound.
        expect(Math.abs(c / draws - 1 / n)).toBeLessThan(0.02);
      }
    }
  });

  it('would not be uniform with 1/n on every rule: the chain needs 1/(n−i)', () => {
    const share = (rules: ReturnType<typeof chainRules>) => {
      const rng = new Random(7).stream('chain');
      let last = 0;
      for (let i = 0; i < 40_000; i++) if (matchRule(rules, rng)!.index === 3) last++;
      return last / 40_000;
    };
    const rules = chainRules('default/auth-service', 'TCP', endpoints(4));
    const naive = rules.map((r) => (r.probability === undefined ? r : { ...r, probability: '0.2500000000' }));
    expect(Math.abs(share(rules) - 0.25)).toBeLessThan(0.02);
    // With 1/4 on each conditional rule the last one gets (3/4)^3 ≈ 0.42 of connections.
    expect(Math.abs(share(naive) - 0.421875)).toBeLessThan(0.02);
  });

  it('is deterministic for a seed', () => {
    const pick = (seed: number) => {
      const rng = new Random(seed).stream('kube-proxy:node-1');
      const rules = chainRules('default/auth-service', 'TCP', endpoints(3));
      return Array.from({ length: 20 }, () => matchRule(rules, rng)!.index).join('');
    };
    expect(pick(1)).toBe(pick(1));
    expect(pick(1)).not.toBe(pick(2));
  });
});
