/**
 * The public DNS tree a scenario needs, as data: a root server, one server
 * per top-level domain, and the authoritative servers of the hosted zones
 * (Route 53's `ns-…awsdns-…` servers), with the delegations between them
 * built from the hosted zones' apex NS records.
 *
 * `askServer` answers a query sent to an IP as that server would, or gives no
 * answer when nothing listens there or the server is marked down: what a
 * world (or `resolveRecursive` in a test) plugs in as the network.
 */
import type { AuthoritativeServer } from './authoritative';
import { answerAuthoritative } from './authoritative';
import type { NameServerSpec, Zone } from './zone';
import { createZone } from './zone';
import type { AskServer } from './recursive';
import type { NameServerAddress } from './resolution';
import { fqdn, labels } from './name';
import { rdataText } from './records';

/** a.root-servers.net's real address; any address works inside the simulation. */
export const DEFAULT_ROOT: NameServerSpec = { name: 'a.root-servers.net.', ip: '198.41.0.4' };
/** a.gtld-servers.net, one of the `com.` servers. */
export const DEFAULT_COM: NameServerSpec = { name: 'a.gtld-servers.net.', ip: '192.5.6.30' };

export interface HostedZone {
  readonly zone: Zone;
  /** The servers that answer for it; their names should match the zone's apex NS records. */
  readonly servers: readonly NameServerSpec[];
}

export interface HierarchySpec {
  readonly root?: NameServerSpec;
  /** One server per TLD (`com` → a.gtld-servers.net); TLDs of hosted zones not listed get `a.nic.<tld>.` at 192.0.2.x. */
  readonly tlds?: Readonly<Record<string, NameServerSpec>>;
  readonly hosted: readonly HostedZone[];
}

export interface DnsHierarchy {
  readonly servers: readonly AuthoritativeServer[];
  /** What a recursive resolver's root hints file holds. */
  readonly rootHints: readonly NameServerAddress[];
  readonly rootZone: Zone;
  readonly tldZones: readonly Zone[];
}

/** Build root and TLD zones that delegate to the hosted zones, and a server for every name server. */
export function buildHierarchy(spec: HierarchySpec): DnsHierarchy {
  const root = spec.root ?? DEFAULT_ROOT;
  const tldNames = [...new Set(spec.hosted.map((h) => labels(h.zone.origin).at(-1) ?? ''))].filter((t) => t !== '');
  const tldServers = new Map<string, NameServerSpec>();
  tldNames.forEach((tld, i) => {
    tldServers.set(tld, spec.tlds?.[tld] ?? (tld === 'com' ? DEFAULT_COM : { name: `a.nic.${tld}.`, ip: `192.0.2.${i + 1}` }));
  });

  const tldZones = tldNames.map((tld) =>
    createZone({
      origin: `${tld}.`,
      nameServers: [tldServers.get(tld) ?? DEFAULT_COM],
      soa: { rname: 'nstld.verisign-grs.com.', serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400, ttl: 900 },
      delegations: spec.hosted
        .filter((h) => labels(h.zone.origin).at(-1) === tld)
        .map((h) => ({ zone: h.zone.origin, nameServers: delegationServers(h), ttl: 172800 })),
    }),
  );
  const rootZone = createZone({
    origin: '.',
    nameServers: [root],
    nsTtl: 518400,
    soa: { rname: 'nstld.verisign-grs.com.', serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400, ttl: 86400 },
    delegations: tldNames.map((tld) => ({ zone: `${tld}.`, nameServers: [tldServers.get(tld) ?? DEFAULT_COM], ttl: 172800 })),
  });

  const servers: AuthoritativeServer[] = [
    { id: 'root', name: fqdn(root.name), ip: root.ip, zones: [rootZone] },
    ...tldZones.map((zone, i) => {
      const ns = tldServers.get(tldNames[i] ?? '') ?? DEFAULT_COM;
      return { id: `tld-${tldNames[i]}`, name: fqdn(ns.name), ip: ns.ip, zones: [zone] };
    }),
  ];
  for (const h of spec.hosted) {
    for (const ns of h.servers) {
      const existing = servers.find((s) => s.ip === ns.ip);
      if (existing !== undefined) {
        servers[servers.indexOf(existing)] = { ...existing, zones: [...existing.zones, h.zone] };
      } else {
        servers.push({ id: fqdn(ns.name), name: fqdn(ns.name), ip: ns.ip, zones: [h.zone] });
      }
    }
  }
  return { servers, rootHints: [{ name: fqdn(root.name), ip: root.ip }], rootZone, tldZones };
}

/** The hosted zone's apex NS hosts, with the addresses of the servers that carry those names. */
function delegationServers(h: HostedZone): NameServerSpec[] {
  const apexNs = h.zone.records.filter((r) => r.type === 'NS' && r.name === h.zone.origin).map(rdataText);
  return apexNs.map((name) => ({ name, ip: h.servers.find((s) => fqdn(s.name) === name)?.ip ?? '0.0.0.0' }));
}

/**
 * A network in which every query reaches its server instantly: the server at
 * the IP answers, unless `isDown(ip)` says it is down, in which case there is
 * no answer (the resolver sees a timeout).
 */
export function askServer(servers: readonly AuthoritativeServer[], isDown: (ip: string) => boolean = () => false): AskServer {
  const byIp = new Map(servers.map((s) => [s.ip, s]));
  return (server, q) => {
    const target = byIp.get(server.ip);
    if (target === undefined || isDown(server.ip)) return undefined;
    return answerAuthoritative(target, q);
  };
}
