/**
 * The vocabulary of a recursive resolution: the servers asked, each step
 * taken (a cache hit, a query and its response, a timeout), and the final
 * result. Steps are what the world turns into packets and trace records.
 */
import type { DnsResponse, Question, Rcode } from './message';
import type { ResourceRecord } from './records';

/** A name server to ask: host name and IP address. */
export interface NameServerAddress {
  readonly name: string;
  readonly ip: string;
}

/** One thing a resolver did on the way to an answer. */
export interface ResolutionStep {
  /** `cache`: answered from the resolver's cache; `query`: a server answered; `timeout`: it did not. */
  readonly kind: 'cache' | 'query' | 'timeout';
  /** The resolver that asked (its IP). */
  readonly from: string;
  /** Who answered: the server's IP, or the resolver's own IP for a cache hit. */
  readonly to: string;
  /** The server's host name (`a.root-servers.net.`), or the resolver's id for a cache hit. */
  readonly toName: string;
  /** The zone whose servers were asked (`.`, `com.`, `example.com.`); empty for a cache hit. */
  readonly zone: string;
  readonly question: Question;
  /** What came back (records with the TTLs received, or left in the cache). */
  readonly response?: DnsResponse;
  readonly why: string;
}

/** The result of resolving one question. */
export interface Resolution {
  readonly question: Question;
  readonly rcode: Rcode;
  /** CNAME chain, then the records of the asked type; TTLs as served (counting down when cached). */
  readonly answer: readonly ResourceRecord[];
  /** The SOA of a negative answer. */
  readonly authority: readonly ResourceRecord[];
  /** True when no server had to be asked. */
  readonly fromCache: boolean;
  readonly steps: readonly ResolutionStep[];
  readonly why: string;
}

/** What a driver must do next: send a query (and wait for its response or timeout), or stop. */
export type ResolverAction =
  | { readonly kind: 'query'; readonly server: NameServerAddress; readonly question: Question; readonly why: string }
  | { readonly kind: 'done'; readonly resolution: Resolution };

/**
 * The CNAME chain in a list of records starting at `start`: the CNAMEs
 * followed, the name it ends at, and the records of `type` there.
 */
export function followChain(
  records: readonly ResourceRecord[],
  start: string,
  type: Question['type'],
  maxHops: number,
): { chain: ResourceRecord[]; final: string; matching: ResourceRecord[]; loop: boolean } {
  const chain: ResourceRecord[] = [];
  let name = start;
  for (let hop = 0; hop <= maxHops; hop++) {
    const matching = records.filter((r) => r.name === name && r.type === type);
    if (matching.length > 0 || type === 'CNAME') return { chain, final: name, matching, loop: false };
    const cname = records.find((r) => r.name === name && r.type === 'CNAME');
    if (cname === undefined || cname.type !== 'CNAME') return { chain, final: name, matching, loop: false };
    chain.push(cname);
    name = cname.target;
  }
  return { chain, final: name, matching: [], loop: true };
}

/** The result as the DNS response a recursive resolver sends its client (RA set, AA clear). */
export function resolutionAsResponse(resolution: Resolution): DnsResponse {
  const q = resolution.question;
  const kind =
    resolution.rcode === 'NXDOMAIN'
      ? 'nxdomain'
      : resolution.rcode === 'SERVFAIL'
        ? 'servfail'
        : resolution.rcode === 'REFUSED'
          ? 'refused'
          : resolution.answer.some((r) => r.type === q.type)
            ? 'answer'
            : 'nodata';
  return {
    rcode: resolution.rcode,
    aa: false,
    ra: true,
    answer: resolution.answer,
    authority: resolution.authority,
    additional: [],
    kind,
    why: resolution.why,
  };
}
