/**
 * DNS in a full world: the recursive resolvers clients use, and the public
 * tree they ask — root, TLD, and the hosted zones' authoritative servers
 * (Route 53), each a component that DNS packets travel to and from.
 *
 * A client's lookup is the glibc stub (`models/dns/stub.ts`) driven on the
 * engine: one query to its resolver per try, a timer per try. The resolver
 * answers from its cache (TTLs counting down, negative answers kept for the
 * SOA minimum) or iterates from the root, one packet per query, following
 * referrals down to Route 53, whose alias record is computed from the NLB's
 * healthy AZs at the moment the query arrives. Short-lived flows are plain
 * functions and engine events: a lookup is over in milliseconds.
 */
import type { Engine, EventHandle, Trace } from '../../sim';
import type { LookupResult } from '../../models/client';
import {
  aRecord,
  answerAuthoritative,
  askServer,
  question,
  resolveRecursive,
  type NameServerAddress,
  buildHierarchy,
  cnameRecord,
  createRecursiveResolver,
  createZone,
  questionText,
  resolutionAsResponse,
  resolverOnResponse,
  resolverOnTimeout,
  startResolution,
  stubConfig,
  stubOnResponse,
  stubOnTimeout,
  stubStart,
  withoutTrailingDot,
  type AuthoritativeServer,
  type DnsResponse,
  type Question,
  type RecursiveResolver,
  type ResourceRecord,
  type ResolverAction,
  type StubAction,
  type StubState,
  type Zone,
  type ZoneEdit,
} from '../../models/dns';
// From the module itself: the embed loads these edits only for a scenario whose faults make one.
import { setRecordData, setRecordTtl, zoneHolding } from '../../models/dns/edit';
import { recordDataOf } from './dns-edit';
import type { DnsSpec } from '../types';
import type { Fabric, Wire } from './fabric';
import type { Hosts } from './hosts';
import type { Host } from './tcp-types';

/** How long a resolver waits for an authoritative server (BIND and Unbound start near this). */
const SERVER_TIMEOUT_MS = 800;

/** The NLB addresses behind an alias, now. */
export type AliasAddresses = (service: string) => string[];

/** A DNS server or resolver refuses TCP: DNS here is UDP only. */
const NO_TCP: (id: string) => Host = (id) => ({ id, syn: () => ({ kind: 'reset', why: `${id} takes DNS over UDP only here: nothing listens on TCP` }) });

export class DnsPart {
  readonly resolvers = new Map<string, RecursiveResolver>();
  /** The servers as they answer now: an edited zone replaces the old one on every server that carries it. */
  private serverList: AuthoritativeServer[];
  private hostedZones: Zone[];
  private readonly rootHints: readonly NameServerAddress[];
  private readonly serverIds = new Map<string, string>();
  private readonly counts = new Map<string, { queries: number; answers: number; cacheHits: number }>();

  constructor(
    spec: DnsSpec,
    private readonly engine: Engine,
    private readonly trace: Trace,
    private readonly fabric: Fabric,
    private readonly hosts: Hosts,
    private readonly aliasAddresses: AliasAddresses,
    private readonly aliasTarget: (service: string) => string,
  ) {
    const hosted = spec.zones.map((z) => ({
      zone: createZone({
        origin: z.zone,
        nameServers: z.nameServers,
        records: z.records.flatMap((r): ResourceRecord[] =>
          r.kind === 'a' ? r.addresses.map((ip) => aRecord(r.name, ip, r.ttlS)) : r.kind === 'cname' ? [cnameRecord(r.name, r.target, r.ttlS)] : [],
        ),
        aliases: z.records.flatMap((r) =>
          r.kind === 'alias' ? [{ name: r.name, targetName: aliasTarget(r.service), addresses: () => aliasAddresses(r.service) }] : [],
        ),
      }),
      servers: z.nameServers,
    }));
    const hierarchy = buildHierarchy({ hosted });
    this.serverList = [...hierarchy.servers];
    this.hostedZones = hosted.map((h) => h.zone);
    this.rootHints = hierarchy.rootHints;
    for (const server of hierarchy.servers) {
      const id = server.id === 'root' ? 'dns-root' : server.id.startsWith('tld-') ? `dns-${server.id.slice(4)}` : withoutTrailingDot(server.name);
      this.serverIds.set(server.ip, id);
      this.counts.set(id, { queries: 0, answers: 0, cacheHits: 0 });
      hosts.add(
        { id, kind: 'dns-server', label: withoutTrailingDot(server.name), address: server.ip, host: NO_TCP(id), state: () => 'up', counters: () => ({ ...this.counts.get(id) }) },
        { kind: 'internet', edgeMs: spec.serverLinkMs },
        [server.ip],
      );
    }
    for (const r of spec.resolvers) {
      this.resolvers.set(r.id, createRecursiveResolver({ id: r.id, ip: r.address, rootHints: hierarchy.rootHints }));
      this.counts.set(r.id, { queries: 0, answers: 0, cacheHits: 0 });
      hosts.add(
        { id: r.id, kind: 'resolver', label: r.id, address: r.address, host: NO_TCP(r.id), state: () => 'up', counters: () => ({ ...this.counts.get(r.id) }) },
        { kind: 'internet', edgeMs: r.linkMs },
        [r.address],
      );
    }
  }

  /** The DNS servers (root, TLDs, Route 53) with the zones they answer from now. */
  get servers(): readonly AuthoritativeServer[] {
    return this.serverList;
  }

  /** Set the TTL of a hosted record now (Route 53); refused, with the reason, for an alias or an unknown name. */
  setTtl(name: string, ttlS: number): ZoneEdit {
    return this.edit(name, (zone) => setRecordTtl(zone, name, ttlS));
  }

  /**
   * Point a hosted name elsewhere now: `value` is one or more addresses
   * (`10.0.1.5,10.0.2.5`), `alias:<service>` (a Route 53 alias to that
   * Service's NLB), or a host name (a CNAME).
   */
  setRecord(name: string, value: string): ZoneEdit {
    const data = recordDataOf(value, this.aliasTarget, this.aliasAddresses);
    if (typeof data === 'string') return { ok: false, why: data };
    return this.edit(name, (zone) => setRecordData(zone, name, data));
  }

  private edit(name: string, change: (zone: Zone) => ZoneEdit): ZoneEdit {
    const zone = zoneHolding(this.hostedZones, name);
    if (zone === undefined) return { ok: false, why: `expected a name in a hosted zone (${this.hostedZones.map((z) => z.origin).join(', ')}), got ${name}` };
    const edited = change(zone);
    if (!edited.ok) return edited;
    this.hostedZones = this.hostedZones.map((z) => (z === zone ? edited.zone : z));
    this.serverList = this.serverList.map((s) => (s.zones.includes(zone) ? { ...s, zones: s.zones.map((z) => (z === zone ? edited.zone : z)) } : s));
    return edited;
  }

  /**
   * A name's addresses right now, resolved in one step from the root with a
   * fresh cache and no packets: what a program's getaddrinfo at start-up
   * returns (nginx on a machine resolving its upstream names).
   */
  resolveNow(name: string): string[] | undefined {
    const resolver = createRecursiveResolver({ id: 'startup', ip: '127.0.0.53', rootHints: this.rootHints });
    const resolution = resolveRecursive(resolver, question(name), this.engine.now, askServer(this.servers));
    const addresses = resolution.answer.flatMap((r) => (r.type === 'A' ? [r.address] : []));
    return addresses.length > 0 ? addresses : undefined;
  }

  /** The resolver clients use when they name none. */
  get defaultResolver(): string | undefined {
    return this.resolvers.keys().next().value;
  }

  /**
   * Look `name` up from `from` (a component) through resolver `resolverId`, as
   * getaddrinfo would; `done` is called once, from an engine event.
   */
  lookup(from: string, resolverId: string, name: string, requestId: string, done: (result: LookupResult) => void): void {
    const resolver = this.resolvers.get(resolverId);
    if (resolver === undefined) {
      this.engine.schedule(0, () => done({ ok: false, why: `no resolver ${resolverId}` }), 'lookup');
      return;
    }
    const config = stubConfig({ nameservers: [resolver.ip] });
    const started = stubStart(config, name);
    let state: StubState = started.state;
    let tries = 0;
    let timer: EventHandle | undefined;
    const act = (action: StubAction): void => {
      if (action.kind === 'done') {
        const r = action.result;
        if (r.status === 'ok') done({ ok: true, addresses: r.addresses, ttlS: r.ttlS ?? 0, why: r.why });
        else done({ ok: false, why: r.error === undefined ? r.why : `${r.error.code}: ${r.error.message}` });
        return;
      }
      const attempt = ++tries;
      const to = this.hosts.owner(action.nameserver) ?? resolverId;
      timer = this.engine.schedule(action.timeoutMs, () => {
        if (attempt !== tries) return;
        const next = stubOnTimeout(state);
        state = next.state;
        act(next.action);
      }, 'stub timeout');
      const wire: Wire = { type: 'dns', summary: `${questionText(action.question)}?`, requestId };
      this.fabric.hop(this.fabric.packetId(), from, to, wire, () =>
        this.answer(to, action.question, requestId, (response) => {
          const back: Wire = { type: 'dns', summary: `${response.rcode} ${response.answer.length} answer(s)`, requestId };
          this.fabric.hop(this.fabric.packetId(), to, from, back, () => {
            if (attempt !== tries) return;
            if (timer !== undefined) this.engine.cancel(timer);
            const next = stubOnResponse(state, response);
            state = next.state;
            act(next.action);
          });
        }),
      );
    };
    act(started.action);
  }

  /** A recursive resolver answers a client's question (from its cache, or by asking the tree). */
  private answer(resolverId: string, question: Question, requestId: string, reply: (response: DnsResponse) => void): void {
    const resolver = this.resolvers.get(resolverId);
    const counts = this.counts.get(resolverId);
    if (resolver === undefined || counts === undefined) return;
    counts.queries++;
    const { session, action } = startResolution(resolver, question, this.engine.now);
    let sent = 0;
    const step = (a: ResolverAction): void => {
      if (a.kind === 'done') {
        counts.answers++;
        if (a.resolution.fromCache) counts.cacheHits++;
        this.trace.record({ kind: 'decision', component: resolverId, decision: a.resolution.fromCache ? 'cache hit' : 'resolved', requestId, why: a.resolution.why });
        reply(resolutionAsResponse(a.resolution));
        return;
      }
      const serverId = this.serverIds.get(a.server.ip);
      const server = this.servers.find((s) => s.ip === a.server.ip);
      const mine = ++sent;
      const timer = this.engine.schedule(SERVER_TIMEOUT_MS, () => {
        if (mine === sent) step(resolverOnTimeout(resolver, session, this.engine.now));
      }, 'resolver timeout');
      if (serverId === undefined || server === undefined) return;
      const wire: Wire = { type: 'dns', summary: `${questionText(a.question)}?`, requestId };
      this.fabric.hop(this.fabric.packetId(), resolverId, serverId, wire, () => {
        const c = this.counts.get(serverId);
        if (c !== undefined) c.queries++;
        const response = answerAuthoritative(server, a.question);
        const back: Wire = { type: 'dns', summary: `${response.kind} from ${withoutTrailingDot(server.name)}`, requestId };
        this.fabric.hop(this.fabric.packetId(), serverId, resolverId, back, () => {
          if (mine !== sent) return;
          this.engine.cancel(timer);
          if (c !== undefined) c.answers++;
          step(resolverOnResponse(resolver, session, response, this.engine.now));
        });
      });
    };
    step(action);
  }
}
