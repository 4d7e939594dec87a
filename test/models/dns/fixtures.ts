// A small public DNS tree for the tests: root → com. → example.com on two Route 53 servers,
// with www as an alias to an NLB whose healthy-AZ IPs the test can change.
import {
  aRecord,
  buildHierarchy,
  cnameRecord,
  createRecursiveResolver,
  createZone,
  askServer,
  type AskServer,
  type DnsHierarchy,
  type RecursiveResolver,
  type Zone,
} from '../../../src/models/dns';

export const NLB_NAME = 'k8s-shop-web-1234567890.elb.eu-west-1.amazonaws.com.';
export const AZ_IPS = ['198.51.100.10', '198.51.100.11', '198.51.100.12'];

export const ROUTE53 = [
  { name: 'ns-1.awsdns-01.com.', ip: '205.251.192.1' },
  { name: 'ns-2.awsdns-02.com.', ip: '205.251.194.2' },
];

export interface World {
  zone: Zone;
  hierarchy: DnsHierarchy;
  /** The NLB's current IPs (one per healthy AZ); tests assign to it. */
  nlb: { ips: string[] };
  down: Set<string>;
  ask: AskServer;
  /** Every query the network carried, as `ip name type`. */
  log: string[];
  resolver: RecursiveResolver;
}

export function makeWorld(): World {
  const nlb = { ips: [...AZ_IPS] };
  const zone = createZone({
    origin: 'example.com',
    nameServers: ROUTE53,
    records: [
      cnameRecord('api.example.com', 'www.example.com', 300),
      aRecord('static.example.com', '203.0.113.5', 3600),
      aRecord('deep.sub.example.com', '203.0.113.6', 300),
      cnameRecord('cdn.example.com', 'edge.cdn.example.net', 300),
    ],
    aliases: [{ name: 'www.example.com', targetName: NLB_NAME, addresses: () => [...nlb.ips] }],
  });
  const net = createZone({
    origin: 'example.net',
    nameServers: [{ name: 'ns1.example.net.', ip: '192.0.2.53' }],
    records: [aRecord('edge.cdn.example.net', '192.0.2.80', 20)],
  });
  const hierarchy = buildHierarchy({
    hosted: [
      { zone, servers: ROUTE53 },
      { zone: net, servers: [{ name: 'ns1.example.net.', ip: '192.0.2.53' }] },
    ],
  });
  const down = new Set<string>();
  const inner = askServer(hierarchy.servers, (ip) => down.has(ip));
  const log: string[] = [];
  const ask: AskServer = (server, q, nowMs) => {
    log.push(`${server.ip} ${q.name} ${q.type}`);
    return inner(server, q, nowMs);
  };
  const resolver = createRecursiveResolver({ id: 'vpc-resolver', ip: '10.0.0.2', rootHints: hierarchy.rootHints });
  return { zone, hierarchy, nlb, down, ask, log, resolver };
}
