import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario, type ScenarioError } from '../../src/scenario';
import { lessonText } from './fixtures';

const FULL = lessonText('full-path.yaml');

function errorsOf(text: string): ScenarioError[] {
  const result = loadScenario(text, 'test.yaml');
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors;
}

const brief = (e: ScenarioError) => [e.line, e.column, e.path, e.message];
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('loading a full scenario', () => {
  it('loads full-path.yaml, with the course notes\' nginx-loadbalancer Service exactly as written', () => {
    const result = loadScenario(FULL, 'full-path.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
    const { cluster, traffic, dns } = result.scenario;
    const lb = cluster?.services.find((s) => s.metadata.name === 'nginx-loadbalancer');
    expect(lb).toMatchObject({
      type: 'LoadBalancer',
      selector: { app: 'nginx' },
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      metadata: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
    });
    expect(cluster?.nodes.map((n) => n.az)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(cluster?.deployments.map((d) => [d.metadata.name, d.replicas])).toEqual([['nginx', 2], ['frontend', 3], ['api', 3], ['auth', 3]]);
    expect(Object.keys(cluster?.nginx ?? {})).toEqual(['default/nginx']);
    expect(cluster?.nginx['default/nginx']?.docs['/var/www/static/app.js']).toContain('hello from /static/app.js');
    expect(dns?.zones[0]?.records).toEqual([{ kind: 'alias', name: 'my-nlb-url.com', service: 'nginx-loadbalancer' }]);
    expect(traffic.reduce((sum, t) => sum + 1000 / t.arrival.meanIntervalMs, 0)).toBeCloseTo(50);
  });

  it('takes manifests from cluster.manifests as well as from further documents', () => {
    const text = `name: Inline manifests
cluster:
  nodes: [ { name: node-1, ip: 10.0.1.10, az: eu-west-1a } ]
  manifests:
    - apiVersion: v1
      kind: ConfigMap
      metadata: { name: one }
      data: { a: b }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: two }
`;
    const result = loadScenario(text, 'inline.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
    expect(result.scenario.cluster?.configMaps.map((c) => c.metadata.name)).toEqual(['one', 'two']);
  });

  it('points an nginx -t error inside a ConfigMap at its line in the scenario file', () => {
    const text = FULL.replace('proxy_pass http://api-backend;', 'proxy_pas http://api-backend;');
    const line = lineOf(text, 'proxy_pas http://api-backend;');
    expect(errorsOf(text).map(brief)).toEqual([
      [line, 13, 'document 3.data.default.conf', expect.stringMatching(/^expected a configuration nginx -t accepts; nginx -t says: nginx: \[emerg\] unknown directive "proxy_pas" in \/etc\/nginx\/conf\.d\/default\.conf:\d+$/)],
    ]);
  });

  it('points an nginx -t error in a machine\'s nginx conf at its line', () => {
    const text = lessonText('forward-proxy.yaml').replace('listen 80;', 'listen 80');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('machines[0].nginx.conf');
    expect(errors[0]?.message).toContain('nginx -t says: nginx: [emerg]');
    expect(errors[0]?.line).toBeGreaterThan(lineOf(text, 'conf: |'));
  });

  it('reports a Kubernetes field error at the field, with the API server\'s words', () => {
    const text = FULL.replace('      targetPort: 80', '      targetPrt: 80');
    expect(errorsOf(text).map(brief)).toEqual([
      [lineOf(text, 'targetPrt'), 7, 'document 2.spec.ports[0].targetPrt', expect.stringContaining('unknown field "targetPrt"')],
    ]);
  });

  it('refuses a LoadBalancer Service without the NLB annotation: a Classic ELB is not simulated', () => {
    const text = FULL.replace('    service.beta.kubernetes.io/aws-load-balancer-type: "nlb"\n', '    team: web\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toEqual(['document 2.metadata.annotations']);
    expect(errors[0]?.message).toContain('Classic ELB');
  });

  it.each([
    ['traffic:', 'trafic:', 'trafic', 'did you mean traffic?'],
    ['    ratePerSec: 49', '    ratePerSecond: 49', 'traffic[1].ratePerSecond', 'did you mean ratePerSec?'],
    ['  frontend: { responseMs', '  frontend: { reponseMs', 'apps.frontend.reponseMs', 'did you mean responseMs?'],
  ])('reports an unknown key (%s → %s) with a suggestion', (from, to, path, hint) => {
    const text = FULL.replace(from, to);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message).toContain(hint);
  });

  it.each([
    ['alias to a Service that does not exist', '{ name: my-nlb-url.com, alias: nginx-loadbalancer }', '{ name: my-nlb-url.com, alias: nginx-lb }', 'dns.zones[0].records[0].alias', 'expected a Service of type LoadBalancer in cluster.manifests (default/nginx-loadbalancer), got "nginx-lb"'],
    ['TTL on an alias', '{ name: my-nlb-url.com, alias: nginx-loadbalancer }', '{ name: my-nlb-url.com, alias: nginx-loadbalancer, ttl: 30 }', 'dns.zones[0].records[0].ttl', "expected no ttl on an alias: Route 53 answers an alias with the target's TTL (60 s for an NLB)"],
    ['record outside its zone', '{ name: my-nlb-url.com, alias: nginx-loadbalancer }', '{ name: example.org, a: 192.0.2.1 }', 'dns.zones[0].records[0].name', 'expected a name in zone my-nlb-url.com, got example.org'],
    ['proxy that does not exist', '    every: 1s\n    start: 10s\n', '    every: 1s\n    start: 10s\n    proxy: corp\n', 'traffic[0].proxy', 'expected one of the proxies (none defined), got "corp"'],
    ['app for a Deployment that does not exist', '  auth: { responseMs', '  authz: { responseMs', 'apps.authz', 'expected the name of a Deployment in cluster.manifests (nginx, frontend, api, auth), got "authz"'],
    ['app for the nginx Deployment', '  auth: { responseMs', '  nginx: { responseMs', 'apps.nginx', 'expected a Deployment that runs an app, got "nginx", which runs nginx (configured by its ConfigMap)'],
  ])('reports a %s at the value', (_what, from, to, path, message) => {
    const errors = errorsOf(FULL.replace(from, to));
    expect(errors.map((e) => [e.path, e.message])).toContainEqual([path, message]);
  });

  it.each([
    ['{ at: 20s, crash: auth/3 }', 'faults[0].crash', "expected an index below auth's 3 replicas, got 3"],
    ['{ at: 20s, drain: node-9 }', 'faults[0].drain', 'expected a node name (node-1, node-2, node-3), got "node-9"'],
    ['{ at: 20s, lose-az: us-east-1a }', 'faults[0].lose-az', 'expected an AZ with nodes (eu-west-1a, eu-west-1b, eu-west-1c), got "us-east-1a"'],
    ['{ at: 20s, crsh: auth/0 }', 'faults[0].crsh', 'unknown key; expected at, for, by or an action (crash, recover, hang, slow, unhealthy, heal, kill, drain, cordon, uncordon, lose-az, restore-az, dns-ttl, dns-record, nlb-health-check, cut-link, restore-link, scale) (did you mean crash?)'],
    ['{ at: 20s, kill: auth/0, for: 1m }', 'faults[0].for', 'expected no for on kill: it undoes nothing, or cannot be undone'],
    ['{ crash: auth/0 }', 'faults[0].at', 'missing; expected when the fault happens, e.g. at: 30s'],
  ])('checks the fault %s', (fault, path, message) => {
    const text = FULL.replace('\n---\n', `\nfaults:\n  - ${fault}\n---\n`);
    expect(errorsOf(text).map((e) => [e.path, e.message])).toContainEqual([path, message]);
  });

  it('refuses topology and full sections in one scenario', () => {
    const text = `${lessonText('hello.yaml')}traffic:\n  - { id: b, address: 203.0.113.9, url: http://198.51.100.10/, every: 1s }\n`;
    expect(errorsOf(text).map((e) => [e.path, e.message])).toEqual([
      ['topology', 'expected either topology (direct links, no DNS) or dns/machines/cluster/traffic, not both in one scenario'],
    ]);
  });

  it('asks for the nginx configuration when an nginx Deployment mounts none', () => {
    const text = FULL.replace('            - { name: conf, mountPath: /etc/nginx/conf.d }\n', '');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('expected a ConfigMap with the nginx configuration mounted at /etc/nginx/conf.d (or nginx.conf at /etc/nginx/nginx.conf with subPath), found none');
  });
});
