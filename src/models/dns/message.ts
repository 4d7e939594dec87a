/**
 * Questions and responses, as plain data. A response keeps the three
 * sections of a DNS message plus a `kind` (what a resolver makes of it) and a
 * `why` a student can read; the world turns it into a packet and a trace record.
 */
import type { ResourceRecord, RRType } from './records';
import { fqdn } from './name';

/** A question: name and type (class is always IN here). */
export interface Question {
  readonly name: string;
  readonly type: RRType;
}

/** The response codes the model produces (RFC 1035 §4.1.1). */
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

/**
 * What a response means to the asker:
 * - `answer`: records for the question (possibly a CNAME chain to chase further),
 * - `referral`: not authoritative here, ask the servers in the authority section,
 * - `nxdomain`: the name does not exist,
 * - `nodata`: the name exists but has no records of that type,
 * - `refused` / `servfail`: no usable answer; try another server.
 */
export type ResponseKind = 'answer' | 'referral' | 'nxdomain' | 'nodata' | 'refused' | 'servfail';

export interface DnsResponse {
  readonly rcode: Rcode;
  /** Authoritative answer flag. */
  readonly aa: boolean;
  /** Recursion available flag (set by recursive resolvers). */
  readonly ra: boolean;
  readonly answer: readonly ResourceRecord[];
  readonly authority: readonly ResourceRecord[];
  readonly additional: readonly ResourceRecord[];
  readonly kind: ResponseKind;
  readonly why: string;
}

/** A question with its name made canonical. */
export function question(name: string, type: Question['type'] = 'A'): Question {
  return { name: fqdn(name), type };
}

/** `www.example.com. A`: for `why` texts. */
export function questionText(q: Question): string {
  return `${q.name} ${q.type}`;
}

/** An empty response of a kind, to fill in. */
export function emptyResponse(kind: ResponseKind, rcode: Rcode, why: string, aa = false): DnsResponse {
  return { rcode, aa, ra: false, answer: [], authority: [], additional: [], kind, why };
}
