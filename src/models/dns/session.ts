/**
 * A recursive resolution in progress, as plain data, and the two ways a step
 * is recorded that do not involve a server: a cache hit and the end.
 */
import type { Question } from './message';
import type { ResourceRecord } from './records';
import type { NameServerAddress, Resolution, ResolutionStep, ResolverAction } from './resolution';

/** A resolution in progress. The resolver's functions update it in place. */
export interface ResolutionSession {
  readonly question: Question;
  /** The resolver's IP and id, for the steps it records. */
  readonly resolverIp: string;
  readonly resolverId: string;
  /** The name being resolved now (the question's, or where a CNAME led). */
  target: string;
  /** CNAMEs followed so far. */
  chain: ResourceRecord[];
  /** The zone whose servers are being asked, and those servers. */
  zone: string;
  servers: NameServerAddress[];
  serverIndex: number;
  queries: number;
  steps: ResolutionStep[];
}

/** A fresh session for `question`. */
export function newSession(question: Question, resolverIp: string, resolverId: string): ResolutionSession {
  return {
    question,
    resolverIp,
    resolverId,
    target: question.name,
    chain: [],
    zone: '.',
    servers: [],
    serverIndex: 0,
    queries: 0,
    steps: [],
  };
}

/** The `done` action: the resolution with every step taken. */
export function finish(
  s: ResolutionSession,
  rcode: Resolution['rcode'],
  answer: readonly ResourceRecord[],
  authority: readonly ResourceRecord[],
  why: string,
): ResolverAction {
  const fromCache = s.steps.every((step) => step.kind === 'cache');
  return {
    kind: 'done',
    resolution: { question: s.question, rcode, answer, authority, fromCache, steps: s.steps, why },
  };
}

/** Record that the cache answered (records, or the SOA of a negative entry). */
export function recordCacheStep(
  s: ResolutionSession,
  records: readonly ResourceRecord[],
  kind: 'answer' | 'NXDOMAIN' | 'NODATA',
  why: string,
): void {
  const negative = kind !== 'answer';
  s.steps.push({
    kind: 'cache',
    from: s.resolverIp,
    to: s.resolverIp,
    toName: s.resolverId,
    zone: '',
    question: { name: s.target, type: s.question.type },
    response: {
      rcode: kind === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR',
      aa: false,
      ra: true,
      answer: negative ? [] : records,
      authority: negative ? records : [],
      additional: [],
      kind: kind === 'answer' ? 'answer' : kind === 'NXDOMAIN' ? 'nxdomain' : 'nodata',
      why,
    },
    why,
  });
}

/** Record a server's response, or its silence, to the query just sent. */
export function recordServerStep(s: ResolutionSession, step: Pick<ResolutionStep, 'kind' | 'response' | 'why'>): void {
  const server = s.servers[s.serverIndex];
  s.steps.push({
    ...step,
    from: s.resolverIp,
    to: server?.ip ?? '?',
    toName: server?.name ?? '?',
    zone: s.zone,
    question: { name: s.target, type: s.question.type },
  });
}
