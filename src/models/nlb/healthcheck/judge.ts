/**
 * Turning probe answers into a check result.
 *
 * A probe is one health check from one NLB node. TCP passes when the
 * handshake completes; HTTP(S) passes when a response arrives whose status
 * the matcher accepts. Every node checks every target and "a consensus
 * mechanism" decides (target-group-health-checks.md); AWS does not publish
 * the rule, so this model takes a strict majority of the nodes: a round
 * passes when more than half of its probes pass (a 1–1 split fails).
 */
import { matches, parseMatcher } from './matcher';
import type { HealthCheckSettings } from './types';

/** What the world reports for one probe. */
export type ProbeAnswer =
  /** The TCP handshake completed (enough for a TCP check). */
  | { readonly outcome: 'connected' }
  /** An HTTP response arrived with this status. */
  | { readonly outcome: 'response'; readonly status: number }
  /** Nothing listens: RST to the SYN. */
  | { readonly outcome: 'refused' }
  /** The connection was reset before an answer. */
  | { readonly outcome: 'reset' }
  /** No answer within the timeout (also what the checker concludes when the world stays silent). */
  | { readonly outcome: 'timeout' };

/** One probe judged. */
export interface ProbeVerdict {
  readonly pass: boolean;
  /** Readable cause: `connection refused`, `HTTP 503`, `no answer within 10 s`… */
  readonly detail: string;
}

/** Judge one answer against the settings. */
export function judgeProbe(settings: HealthCheckSettings, answer: ProbeAnswer): ProbeVerdict {
  switch (answer.outcome) {
    case 'refused':
      return { pass: false, detail: 'connection refused' };
    case 'reset':
      return { pass: false, detail: 'connection reset' };
    case 'timeout':
      return { pass: false, detail: `no answer within ${settings.timeoutSeconds} s` };
    case 'connected':
      return settings.protocol === 'TCP'
        ? { pass: true, detail: 'TCP connection established' }
        : { pass: false, detail: 'connected but no HTTP response' };
    case 'response': {
      if (settings.protocol === 'TCP') return { pass: true, detail: 'TCP connection established' };
      const parsed = parseMatcher(settings.matcher);
      const ok = parsed.ok && matches(parsed.ranges, answer.status);
      return { pass: ok, detail: `HTTP ${answer.status}${ok ? '' : ` (expected ${settings.matcher})`}` };
    }
  }
}

/** The outcome of one check round (all nodes' probes of one target). */
export interface RoundResult {
  readonly pass: boolean;
  readonly passed: number;
  readonly total: number;
  /** The most frequent detail among the probes that decided the round. */
  readonly detail: string;
}

function mostFrequent(details: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  // First-seen order breaks ties, so the result does not depend on Map internals.
  for (const d of details) {
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** Strict-majority consensus over the node probes of one round. */
export function consensus(verdicts: readonly ProbeVerdict[]): RoundResult {
  const passed = verdicts.filter((v) => v.pass).length;
  const total = verdicts.length;
  const pass = passed * 2 > total;
  const deciding = verdicts.filter((v) => v.pass === pass).map((v) => v.detail);
  return { pass, passed, total, detail: mostFrequent(deciding) };
}
