/**
 * A recursive resolver (RFC 1034 §5.3.3): answer from the cache when it can;
 * otherwise start at the closest delegation it knows (the root hints when it
 * knows none), ask one of that zone's servers, follow referrals (NS + glue)
 * down the tree, chase CNAMEs, and cache every RRset and negative answer.
 *
 * It is a session driven one response at a time, so a world can put network
 * latency and timeouts between the steps: `startResolution` returns the first
 * action, and `resolverOnResponse` / `resolverOnTimeout` return the next one
 * until it is `done`. `resolveRecursive` drives a session to the end at one
 * instant, for tests, `dig` and worlds that do not time each hop.
 */
import type { DnsResponse, Question } from './message';
import { questionText } from './message';
import type { NameRecord, SoaRecord } from './records';
import { groupRRsets } from './records';
import type { NameServerAddress, Resolution, ResolverAction } from './resolution';
import { followChain } from './resolution';
import type { CacheLimits, DnsCache } from './cache';
import { cacheLookup, cacheNegative, cacheRRset, createCache } from './cache';
import type { ResolutionSession } from './session';
import { finish, newSession, recordCacheStep, recordServerStep } from './session';
import { closestServers, serverAddresses } from './delegation';
import { fqdn, isAtOrBelow, isBelow, withoutTrailingDot } from './name';
import { MAX_CNAME_CHAIN } from './authoritative';
import { negativeTtlWhy } from './negative';

export interface RecursiveResolver {
  /** Stable id from the scenario (`vpc-resolver`). */
  readonly id: string;
  readonly ip: string;
  /** Where iteration starts when nothing closer is cached (a root hints file). */
  readonly rootHints: readonly NameServerAddress[];
  readonly cache: DnsCache;
  /** Most queries one resolution may send: a bound against loops and lame delegations. */
  readonly maxQueries: number;
}

export interface RecursiveResolverSpec {
  readonly id: string;
  readonly ip: string;
  readonly rootHints: readonly NameServerAddress[];
  readonly cacheLimits?: Partial<CacheLimits>;
  readonly maxQueries?: number;
}

/** Answer to a query, or undefined when no answer came (the server is down or unreachable). */
export type AskServer = (server: NameServerAddress, q: Question, nowMs: number) => DnsResponse | undefined;

/** A resolver with an empty cache. */
export function createRecursiveResolver(spec: RecursiveResolverSpec): RecursiveResolver {
  return {
    id: spec.id,
    ip: spec.ip,
    rootHints: spec.rootHints.map((h) => ({ name: fqdn(h.name), ip: h.ip })),
    cache: createCache(spec.cacheLimits),
    maxQueries: spec.maxQueries ?? 32,
  };
}

/** Begin resolving `q`: the first action is an answer from the cache (`done`) or a query to send. */
export function startResolution(
  resolver: RecursiveResolver,
  q: Question,
  nowMs: number,
): { session: ResolutionSession; action: ResolverAction } {
  const session = newSession({ name: fqdn(q.name), type: q.type }, resolver.ip, resolver.id);
  return { session, action: advance(resolver, session, nowMs) };
}

/** The server asked last answered with `response`; returns the next action. */
export function resolverOnResponse(
  resolver: RecursiveResolver,
  s: ResolutionSession,
  response: DnsResponse,
  nowMs: number,
): ResolverAction {
  recordServerStep(s, { kind: 'query', response, why: response.why });
  switch (response.kind) {
    case 'refused':
    case 'servfail':
      return nextServer(resolver, s, `${serverName(s)} answered ${response.rcode}`);
    case 'referral':
      return onReferral(resolver, s, response, nowMs);
    case 'answer':
      return onAnswer(resolver, s, response, nowMs);
    case 'nxdomain':
    case 'nodata':
      return onNegative(s, resolver, response, nowMs);
  }
}

/** The server asked last did not answer in time; returns the next action. */
export function resolverOnTimeout(resolver: RecursiveResolver, s: ResolutionSession, _nowMs: number): ResolverAction {
  const why = `no answer from ${serverName(s)} (${s.servers[s.serverIndex]?.ip ?? '?'})`;
  recordServerStep(s, { kind: 'timeout', why });
  return nextServer(resolver, s, why);
}

/** Resolve `q` to the end at `nowMs`, asking servers through `ask`. */
export function resolveRecursive(resolver: RecursiveResolver, q: Question, nowMs: number, ask: AskServer): Resolution {
  const started = startResolution(resolver, q, nowMs);
  let action = started.action;
  // Bounded: every query raises session.queries, and the session stops at maxQueries.
  while (action.kind === 'query') {
    const response = ask(action.server, action.question, nowMs);
    action =
      response === undefined
        ? resolverOnTimeout(resolver, started.session, nowMs)
        : resolverOnResponse(resolver, started.session, response, nowMs);
  }
  return action.resolution;
}

function serverName(s: ResolutionSession): string {
  return withoutTrailingDot(s.servers[s.serverIndex]?.name ?? '?');
}

/** Serve from the cache (following cached CNAMEs), or pick the servers to ask. */
function advance(resolver: RecursiveResolver, s: ResolutionSession, nowMs: number): ResolverAction {
  const type = s.question.type;
  for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
    const hit = cacheLookup(resolver.cache, s.target, type, nowMs);
    if (hit !== undefined) {
      const negative = hit.entry.negative;
      recordCacheStep(s, hit.records, negative === undefined ? 'answer' : negative.kind, hit.why);
      if (negative === undefined) return finish(s, 'NOERROR', [...s.chain, ...hit.records], [], hit.why);
      return finish(s, negative.kind === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR', s.chain, hit.records, hit.why);
    }
    const alias = type === 'CNAME' ? undefined : cacheLookup(resolver.cache, s.target, 'CNAME', nowMs);
    const cname = alias?.records[0];
    if (alias === undefined || alias.entry.negative !== undefined || cname?.type !== 'CNAME') break;
    recordCacheStep(s, alias.records, 'answer', `${alias.why}: follow it to ${cname.target}`);
    s.chain.push(...alias.records);
    s.target = cname.target;
  }
  if (s.chain.length > MAX_CNAME_CHAIN) return finish(s, 'SERVFAIL', s.chain, [], 'CNAME chain too long');
  const start = closestServers(resolver.cache, resolver.rootHints, s.target, nowMs);
  s.zone = start.zone;
  s.servers = start.servers;
  s.serverIndex = 0;
  return query(resolver, s, start.why);
}

function query(resolver: RecursiveResolver, s: ResolutionSession, why: string): ResolverAction {
  const server = s.servers[s.serverIndex];
  if (server === undefined) return finish(s, 'SERVFAIL', s.chain, [], `every server for ${s.zone} failed; ${why}`);
  if (s.queries >= resolver.maxQueries) return finish(s, 'SERVFAIL', s.chain, [], `gave up after ${s.queries} queries`);
  s.queries++;
  const q = { name: s.target, type: s.question.type };
  return {
    kind: 'query',
    server,
    question: q,
    why: `${why}; ask ${withoutTrailingDot(server.name)} (${server.ip}) for ${questionText(q)}`,
  };
}

function nextServer(resolver: RecursiveResolver, s: ResolutionSession, why: string): ResolverAction {
  s.serverIndex++;
  return query(resolver, s, `${why}: try the next server for ${s.zone}`);
}

function onReferral(resolver: RecursiveResolver, s: ResolutionSession, r: DnsResponse, nowMs: number): ResolverAction {
  const ns = r.authority.filter((x): x is NameRecord => x.type === 'NS');
  const owner = ns[0]?.name;
  // A referral must lead down, towards the name; anything else is a lame server (RFC 1034 §5.3.3 step 4b).
  if (owner === undefined || !isBelow(owner, s.zone) || !isAtOrBelow(s.target, owner)) {
    return nextServer(resolver, s, `lame referral from a ${s.zone} server`);
  }
  cacheRRset(resolver.cache, ns, nowMs);
  for (const rrset of groupRRsets(r.additional.filter((g) => isAtOrBelow(g.name, s.zone)))) {
    cacheRRset(resolver.cache, rrset, nowMs);
  }
  const servers = serverAddresses(resolver.cache, ns, r.additional, nowMs);
  if (servers.length === 0) {
    return finish(s, 'SERVFAIL', s.chain, [], `referral to ${owner} without glue (looking up NS host names is not modelled)`);
  }
  s.zone = owner;
  s.servers = servers;
  s.serverIndex = 0;
  return query(resolver, s, `referral to ${owner}`);
}

function onAnswer(resolver: RecursiveResolver, s: ResolutionSession, r: DnsResponse, nowMs: number): ResolverAction {
  // Bailiwick: keep only what this zone's servers may speak for.
  const trusted = r.answer.filter((x) => isAtOrBelow(x.name, s.zone));
  for (const rrset of groupRRsets(trusted)) cacheRRset(resolver.cache, rrset, nowMs);
  const found = followChain(trusted, s.target, s.question.type, MAX_CNAME_CHAIN);
  if (found.loop || s.chain.length + found.chain.length > MAX_CNAME_CHAIN) {
    return finish(s, 'SERVFAIL', [...s.chain, ...found.chain], [], 'CNAME chain too long');
  }
  s.chain.push(...found.chain);
  if (found.matching.length > 0) return finish(s, 'NOERROR', [...s.chain, ...found.matching], [], r.why);
  if (found.chain.length === 0) return nextServer(resolver, s, 'answer without the records asked for');
  // The chain left this zone: resolve where it leads, from the cache or from the closest servers.
  s.target = found.final;
  return advance(resolver, s, nowMs);
}

function onNegative(s: ResolutionSession, resolver: RecursiveResolver, r: DnsResponse, nowMs: number): ResolverAction {
  const trusted = r.answer.filter((x) => isAtOrBelow(x.name, s.zone));
  for (const rrset of groupRRsets(trusted)) cacheRRset(resolver.cache, rrset, nowMs);
  const found = followChain(trusted, s.target, s.question.type, MAX_CNAME_CHAIN);
  s.chain.push(...found.chain);
  const soa = r.authority.find((x): x is SoaRecord => x.type === 'SOA');
  const kind = r.kind === 'nxdomain' ? 'NXDOMAIN' : 'NODATA';
  const rcode = kind === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR';
  const what = kind === 'NXDOMAIN' ? `${found.final} NXDOMAIN` : `${found.final} ${s.question.type} NODATA`;
  if (soa === undefined) return finish(s, rcode, s.chain, [], `${what}, not cached (no SOA in the answer)`);
  cacheNegative(resolver.cache, found.final, s.question.type, kind, soa, nowMs);
  return finish(s, rcode, s.chain, [soa], `${what} cached for ${negativeTtlWhy(soa)}`);
}
