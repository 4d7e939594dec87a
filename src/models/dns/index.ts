/**
 * DNS for trafficlab: the public tree (root → TLD → Route 53 with an alias
 * to the NLB), a caching recursive resolver, the glibc stub resolver, a
 * browser's host cache, cluster DNS (CoreDNS) with the pod search list, and
 * `dig` output. Network-agnostic: functions take `nowMs` and data and return
 * answers plus the steps taken; the world turns steps into packets with
 * latency and trace records.
 *
 * How a world uses it when a client resolves a name:
 * 1. Build the zones once: `createZone({ origin, nameServers, records, aliases })`,
 *    with an alias `{ name: 'www.example.com', targetName: nlbDnsName, addresses: () => nlb.healthyAzIps() }`;
 *    then `buildHierarchy({ hosted: [{ zone, servers }] })` for root, TLD and
 *    Route 53 servers, and `createRecursiveResolver({ id, ip, rootHints })`.
 * 2. Browser clients first try `browserCacheLookup(cache, name, now)`.
 * 3. On a miss, run the stub: `resolveStub(config, name, now, ask)` at one
 *    instant, or `stubMachine` on the engine clock (each `port.send` is a
 *    packet to the nameserver; deliver the answer as `RESPONSE` with the key).
 * 4. The nameserver is the recursive resolver (`resolveRecursive(resolver, q, now, askServer(servers))`
 *    then `resolutionAsResponse`) or, in a pod, cluster DNS
 *    (`answerClusterDns(coredns, q, now)` with `podResolvConf(ns, …)` as the config).
 *    For per-hop timing use `resolverMachine` instead of `resolveRecursive`.
 *    `resolution.steps` lists every hop: write each as packet records
 *    (`querySummary`, `responseSummary`, `stepSummary`) and a decision with its `why`.
 * 5. Store the stub's addresses with `browserCacheStore(cache, name, result.addresses, result.ttlS, now)`,
 *    connect to `nextAddress(addresses, failed)`, and on a failed connection
 *    call it again with the failed address added.
 * For `dig`: `parseDigArgs`, then `digResult({ command, serverIp, response, rng, atMs, queryTimeMs })`
 * and `formatDig(result, { short, trace })`; `traceHops` builds the `+trace` chain.
 */

// Names and records.
export { fqdn, labels, parentOf, isAtOrBelow, isBelow, selfAndAncestors, dotsIn, withoutTrailingDot } from './name';
export {
  aRecord,
  aaaaRecord,
  cnameRecord,
  nsRecord,
  soaRecord,
  rdataText,
  recordText,
  withTtl,
  addressesOf,
  minTtl,
  groupRRsets,
  type RRType,
  type SoaData,
  type AddressRecord,
  type NameRecord,
  type SoaRecord,
  type ResourceRecord,
} from './records';
export { question, questionText, emptyResponse, type Question, type Rcode, type ResponseKind, type DnsResponse } from './message';
export { expiresAtMs, remainingTtlS, isExpired } from './ttl';
export { negativeTtlS, negativeSoa, negativeTtlWhy } from './negative';

// Zones and authoritative servers.
export {
  ALIAS_ELB_TTL_S,
  createZone,
  route53Soa,
  recordsAt,
  aliasesAt,
  delegationFor,
  nameExists,
  type Zone,
  type ZoneSpec,
  type AliasRecord,
  type AliasSpec,
  type NameServerSpec,
  type DelegationSpec,
} from './zone';
export { answerAuthoritative, lookupInZone, zoneFor, MAX_CNAME_CHAIN, type AuthoritativeServer } from './authoritative';
export { setRecordTtl, setRecordData, zoneHolding, MAX_TTL_S, NEW_RECORD_TTL_S, type RecordData, type ZoneEdit } from './edit';
export {
  buildHierarchy,
  askServer,
  DEFAULT_ROOT,
  DEFAULT_COM,
  type HierarchySpec,
  type HostedZone,
  type DnsHierarchy,
} from './hierarchy';

// The recursive resolver and its cache.
export {
  createCache,
  cacheRRset,
  cacheAnswer,
  cacheNegative,
  cacheLookup,
  flushCache,
  DEFAULT_CACHE_LIMITS,
  type DnsCache,
  type CacheEntry,
  type CacheHit,
  type CacheLimits,
  type NegativeKind,
} from './cache';
export {
  followChain,
  resolutionAsResponse,
  type NameServerAddress,
  type ResolutionStep,
  type Resolution,
  type ResolverAction,
} from './resolution';
export { newSession, type ResolutionSession } from './session';
export { closestServers, serverAddresses } from './delegation';
export {
  createRecursiveResolver,
  startResolution,
  resolverOnResponse,
  resolverOnTimeout,
  resolveRecursive,
  type RecursiveResolver,
  type RecursiveResolverSpec,
  type AskServer,
} from './recursive';
export {
  resolverMachine,
  DEFAULT_SERVER_TIMEOUT_MS,
  type ResolverPort,
  type ResolverInput,
  type ResolverContext,
  type ResolverEvent,
} from './resolver.machine';

// The stub resolver, clients and browsers.
export { parseResolvConf, formatResolvConf, stubConfig, GLIBC_DEFAULTS, MAXNS, type StubConfig } from './resolvconf';
export { searchCandidates, searchWhy } from './search';
export { stubTries, tryTimeoutS, type StubTry } from './tries';
export {
  stubStart,
  stubOnResponse,
  stubOnTimeout,
  resolveStub,
  type StubStatus,
  type StubStep,
  type StubResult,
  type StubState,
  type StubAction,
} from './stub';
export {
  stubMachine,
  stubQueryKey,
  type StubPort,
  type StubInput,
  type StubContext,
  type StubEvent,
} from './stub.machine';
export { nextAddress, nextAddressWhy } from './addresses';
export {
  createBrowserCache,
  browserCacheStore,
  browserCacheLookup,
  BROWSER_CACHE_CAP_S,
  type BrowserCache,
  type BrowserCacheEntry,
} from './browserCache';

// Cluster DNS.
export {
  createClusterDns,
  answerClusterDns,
  podResolvConf,
  COREDNS_DEFAULT_TTL_S,
  KUBEADM_COREDNS_TTL_S,
  type ClusterDns,
  type ClusterDnsSpec,
  type PodDnsOptions,
} from './clusterDns';

// dig and packet texts.
export { messageSize, type EdnsInfo } from './wire';
export { indent, recordLine, questionLine } from './digColumns';
export { digQueryId, digCookie } from './digIds';
export { formatDig, whenText, DIG_VERSION, DEFAULT_EPOCH_MS, type DigHop, type DigResult, type DigOptions } from './dig';
export { parseDigArgs, digResult, traceHops, type DigCommand, type DigQueryInput } from './digRun';
export { querySummary, responseSummary, stepSummary } from './summaries';
