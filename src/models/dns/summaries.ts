/**
 * One-line texts for DNS packets and log lines, in dig's vocabulary: what a
 * world puts in a packet record's `summary` when it sends a query or a
 * response hop by hop.
 */
import type { DnsResponse, Question } from './message';
import type { ResolutionStep } from './resolution';
import { rdataText } from './records';

/** `www.example.com. A?` */
export function querySummary(q: Question): string {
  return `${q.name} ${q.type}?`;
}

/**
 * `NOERROR www.example.com. 60 A 198.51.100.10, …`, `referral example.com. → ns-1.awsdns-01.com., …`,
 * `NXDOMAIN (SOA TTL 900)`.
 */
export function responseSummary(r: DnsResponse): string {
  switch (r.kind) {
    case 'answer':
      return `${r.rcode} ${r.answer.map((x) => `${x.name} ${x.ttl} ${x.type} ${rdataText(x)}`).join(', ')}`;
    case 'referral': {
      const owner = r.authority[0]?.name ?? '?';
      return `referral ${owner} → ${r.authority.map(rdataText).join(', ')} (TTL ${r.authority[0]?.ttl ?? '?'})`;
    }
    case 'nxdomain':
    case 'nodata': {
      const chain = r.answer.map((x) => `${x.name} ${x.type} ${rdataText(x)}, `).join('');
      const label = r.kind === 'nxdomain' ? 'NXDOMAIN' : 'NODATA';
      return `${chain}${label} (SOA TTL ${r.authority[0]?.ttl ?? '?'})`;
    }
    case 'refused':
    case 'servfail':
      return r.rcode;
  }
}

/** A step as one line: `10.0.0.2 → 198.41.0.4 (a.root-servers.net.): www.example.com. A? ⇒ referral …`. */
export function stepSummary(step: ResolutionStep): string {
  const outcome = step.kind === 'timeout' ? 'no answer' : step.response === undefined ? '?' : responseSummary(step.response);
  if (step.kind === 'cache') return `${step.toName} cache: ${querySummary(step.question)} ⇒ ${outcome}`;
  return `${step.from} → ${step.to} (${step.toName}): ${querySummary(step.question)} ⇒ ${outcome}`;
}
