/**
 * The probabilities of kube-proxy's iptables load-balancing rules.
 *
 * For n endpoints the service chain holds n rules; rule i (0-based) matches
 * with probability 1/(n−i), and the last has no condition. Each rule only
 * sees what the rules before it let through, so every endpoint gets 1/n of
 * new connections. kube-proxy writes the probability with Go's `%0.10f`
 * (`computeProbability`, `pkg/proxy/iptables/proxier.go`), iptables stores
 * it as a 31-bit threshold, `lround(0x80000000 × p)` (xt_statistic), and the
 * kernel matches when `(random32 & 0x7FFFFFFF) < threshold`.
 */
import { BoundedCache } from '../../../sim';

/** Go's `fmt.Sprintf("%0.10f", x)` for x in [0, 1]: exact decimal value, ties to even. */
export function formatProbability(x: number): string {
  // toFixed(100) is exact for doubles of this size; round its digits by hand to get Go's ties-to-even.
  const exact = x.toFixed(100);
  const [whole, frac = ''] = exact.split('.');
  const kept = frac.slice(0, 10);
  const rest = frac.slice(10);
  const firstDropped = rest.charCodeAt(0) - 48;
  const tie = firstDropped === 5 && /^50*$/.test(rest);
  const lastKept = kept.charCodeAt(kept.length - 1) - 48;
  const roundUp = firstDropped > 5 || (firstDropped === 5 && !tie) || (tie && lastKept % 2 === 1);
  if (!roundUp) return `${whole}.${kept}`;
  const scaled = (BigInt(whole!) * 10_000_000_000n + BigInt(kept) + 1n).toString().padStart(11, '0');
  return `${scaled.slice(0, -10)}.${scaled.slice(-10)}`;
}

/** kube-proxy precomputes these too (`precomputeProbabilities`). */
const precomputed: string[] = [];

/** `computeProbability(n)`: the string kube-proxy writes for 1/n. */
export function computeProbability(n: number): string {
  return (precomputed[n] ??= formatProbability(1 / n));
}

/** The probability on rule `index` of `count`, or undefined for the last (unconditional) rule. */
export function ruleProbability(index: number, count: number): string | undefined {
  return index < count - 1 ? computeProbability(count - index) : undefined;
}

/** Thresholds by probability string: every new connection walks a chain, and there are few distinct strings. */
const thresholds = new BoundedCache<string, number>(1_000, (probability) => Math.round(0x80000000 * Number(probability)));

/** iptables' 31-bit threshold for a probability string (`lround(0x80000000 * p)`). */
export function statisticThreshold(probability: string): number {
  return thresholds.get(probability);
}

/** The kernel's test for one `-m statistic --mode random` rule, given a 32-bit random number. */
export function statisticMatches(probability: string, random32: number): boolean {
  return (random32 & 0x7fffffff) < statisticThreshold(probability);
}
