import { describe, expect, it } from 'vitest';
import {
  answerClusterDns,
  createClusterDns,
  podResolvConf,
  question,
  rdataText,
  resolutionAsResponse,
  resolveRecursive,
  resolveStub,
  type ClusterDns,
} from '../../../src/models/dns';
import { makeWorld } from './fixtures';

const services: Record<string, string> = { 'auth-service/shop': '10.96.12.7' };

function cluster(extra: Partial<Parameters<typeof createClusterDns>[0]> = {}): { dns: ClusterDns; world: ReturnType<typeof makeWorld> } {
  const world = makeWorld();
  const dns = createClusterDns({
    id: 'coredns',
    ip: '10.96.0.10',
    lookupService: (svc, ns) => services[`${svc}/${ns}`],
    forward: (q, now) => resolutionAsResponse(resolveRecursive(world.resolver, q, now, world.ask)),
    ...extra,
  });
  return { dns, world };
}

describe('cluster DNS (CoreDNS)', () => {
  it('answers a Service name with its ClusterIP and TTL 5 s by default', () => {
    const { dns } = cluster();
    const r = answerClusterDns(dns, question('auth-service.shop.svc.cluster.local'), 0);
    expect(r?.answer.map((x) => `${x.ttl} ${rdataText(x)}`)).toEqual(['5 10.96.12.7']);
  });

  it('uses the configured TTL (kubeadm Corefile: ttl 30)', () => {
    const { dns } = cluster({ ttlS: 30 });
    expect(answerClusterDns(dns, question('auth-service.shop.svc.cluster.local'), 0)?.answer[0]?.ttl).toBe(30);
  });

  it('answers NXDOMAIN itself for other names in the cluster domain, never forwarding them', () => {
    const { dns, world } = cluster();
    const r = answerClusterDns(dns, question('api.example.com.shop.svc.cluster.local'), 0);
    expect([r?.rcode, r?.authority[0]?.ttl]).toEqual(['NXDOMAIN', 5]);
    expect(world.log).toEqual([]);
  });

  it('forwards names outside the cluster domain upstream', () => {
    const { dns, world } = cluster();
    const r = answerClusterDns(dns, question('www.example.com'), 0);
    expect(r?.answer.length).toBe(3);
    expect(world.log.length).toBe(3);
    expect(r?.why).toContain('CoreDNS forwards');
  });

  it('serves from its cache, counting down, when the cache plugin is on', () => {
    const { dns, world } = cluster({ cacheMaxTtlS: 30 });
    answerClusterDns(dns, question('www.example.com'), 0);
    world.log.length = 0;
    const again = answerClusterDns(dns, question('www.example.com'), 12_000);
    expect(world.log).toEqual([]);
    expect(again?.answer.map((r) => r.ttl)).toEqual([30, 30, 30].map(() => 18));
  });
});

describe('a pod resolving names (ndots:5 and the search list)', () => {
  const conf = podResolvConf('shop', { nameserver: '10.96.0.10' });

  it('writes the kubelet resolv.conf for namespace shop', () => {
    expect(conf.search).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
    expect([conf.ndots, conf.nameservers]).toEqual([5, ['10.96.0.10']]);
  });

  it('tries three NXDOMAINs from cluster DNS, then the absolute name, for api.example.com (vector 23)', () => {
    const { dns } = cluster();
    const asked: string[] = [];
    const result = resolveStub(conf, 'api.example.com', 0, (ns, q, at) => {
      asked.push(`${q.name} ${ns}`);
      return answerClusterDns(dns, q, at);
    });
    expect(asked).toEqual([
      'api.example.com.shop.svc.cluster.local. 10.96.0.10',
      'api.example.com.svc.cluster.local. 10.96.0.10',
      'api.example.com.cluster.local. 10.96.0.10',
      'api.example.com. 10.96.0.10',
    ]);
    expect(result.steps.map((s) => s.outcome)).toEqual(['nxdomain', 'nxdomain', 'nxdomain', 'answer']);
    expect(result.addresses).toEqual(['198.51.100.10', '198.51.100.11', '198.51.100.12']);
    expect(result.answer[0]?.type).toBe('CNAME');
  });

  it('resolves a bare Service name to its ClusterIP through the first search domain (nginx proxy_pass http://auth-service)', () => {
    const { dns } = cluster();
    const result = resolveStub(conf, 'auth-service', 0, (_ns, q, at) => answerClusterDns(dns, q, at));
    expect([result.resolvedName, result.addresses]).toEqual(['auth-service.shop.svc.cluster.local.', ['10.96.12.7']]);
    expect(result.steps.length).toBe(1);
  });

  it('fails with EAI_NONAME for a Service that does not exist (nginx: host not found in upstream)', () => {
    const { dns } = cluster();
    const result = resolveStub(conf, 'missing-service', 0, (_ns, q, at) => answerClusterDns(dns, q, at));
    expect(result.steps.map((s) => `${s.candidate} ${s.outcome}`)).toEqual([
      'missing-service.shop.svc.cluster.local. nxdomain',
      'missing-service.svc.cluster.local. nxdomain',
      'missing-service.cluster.local. nxdomain',
      'missing-service. nxdomain',
    ]);
    expect(result.error?.code).toBe('EAI_NONAME');
  });

  it('answers NODATA for a namespace name, which exists but holds no address', () => {
    const { dns } = cluster({ namespaceExists: (ns) => ns === 'shop' });
    expect(answerClusterDns(dns, question('shop.svc.cluster.local'), 0)?.kind).toBe('nodata');
    expect(answerClusterDns(dns, question('nope.svc.cluster.local'), 0)?.kind).toBe('nxdomain');
  });
});
