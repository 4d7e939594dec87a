import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Engine, Random, Rng, Trace } from '../../../src/sim';
import { Cluster, validateManifest, type DefaultedManifest } from '../../../src/models/k8s';
import { createNlb, LBC_CLUSTER_DEFAULTS, type NlbConfig } from '../../../src/models/nlb';
import { aRecord, cnameRecord, stubConfig, type DnsResponse, type Question } from '../../../src/models/dns';
import { clusterView, eventsFromTrace } from '../../../src/scenario/terminal/adapters/k8s';
import { lookupName, runDig } from '../../../src/scenario/terminal/adapters/dns';
import { nginxControl } from '../../../src/scenario/terminal/adapters/nginx';
import { describeTargetHealthText, targetGroupArn, targetGroupsOf } from '../../../src/scenario/terminal/adapters/nlb';
import { COMMANDS, Shell, type TerminalHost } from '../../../src/models/shell';
import { FakeHost, runLine } from '../../models/shell/fixture';

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.22.1
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /healthz
            port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: "nlb"
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 80
`;

function manifests(yaml: string): DefaultedManifest[] {
  return yaml
    .split(/^---$/m)
    .filter((doc) => doc.trim() !== '')
    .map((doc) => {
      const r = validateManifest(parse(doc));
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      return r.value;
    });
}

function runningCluster() {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const cluster = new Cluster({
    engine,
    trace,
    random: new Random(7),
    nodes: [
      { name: 'ip-10-0-1-20.eu-west-1.compute.internal', ip: '10.0.1.20', az: 'eu-west-1a' },
      { name: 'ip-10-0-2-30.eu-west-1.compute.internal', ip: '10.0.2.30', az: 'eu-west-1b' },
    ],
    world: { probe: (_pod, _req, answer) => void engine.schedule(1, () => answer({ outcome: 'http', status: 200 })) },
  });
  cluster.apply(manifests(WEB));
  engine.runUntil(60_000);
  return { engine, trace, cluster };
}

function hostOn(view: () => ReturnType<typeof clusterView>, now: () => number): TerminalHost {
  const host = new FakeHost();
  host.cluster = view;
  host.now = now;
  return host;
}

describe('the cluster view from the Kubernetes model', () => {
  it('lists the running pods, the Service with its NodePort and slices, and the Deployment, as kubectl get prints them', () => {
    const { engine, trace, cluster } = runningCluster();
    const host = hostOn(() => clusterView(cluster, trace.records(), { deployments: ['default/web'] }), () => engine.now);
    const pods = runLine(host, 'kubectl get pods -o wide').stdout.trimEnd().split('\n');
    expect(pods).toHaveLength(3);
    for (const row of pods.slice(1)) expect(row).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+60s\s+10\.244\.\d+\.\d+\s+ip-10-0-\d-\d0\.eu-west-1\.compute\.internal\s+<none>\s+<none>$/);
    const svc = runLine(host, 'kubectl get svc').stdout;
    expect(svc).toMatch(/^web\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP\s+60s$/m);
    expect(svc).toMatch(/^kubernetes\s+ClusterIP\s+10\.\d+\.0\.1\s+<none>\s+443\/TCP/m);
    expect(runLine(host, 'kubectl get deploy').stdout).toMatch(/^web\s+2\/2\s+2\s+2\s+60s$/m);
    expect(runLine(host, 'kubectl get endpointslices').stdout).toMatch(/^web-\w+\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s+60s$/m);
    const describe = runLine(host, 'kubectl describe pod web').stdout;
    expect(describe).toContain('    Readiness:      http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n');
    expect(describe).toMatch(/Controlled By:\s+ReplicaSet\/web-\w+/);
  });

  it('counts repeated events and attributes Scheduled to the scheduler', () => {
    const { trace } = runningCluster();
    const events = eventsFromTrace([
      ...trace.records(),
      { kind: 'log', t: 70_000, seq: 0, component: 'pod:default/web-1', stream: 'events', line: 'Warning Unhealthy pod/web-1: Readiness probe failed: HTTP probe failed with statuscode: 502' },
      { kind: 'log', t: 80_000, seq: 1, component: 'pod:default/web-1', stream: 'events', line: 'Warning Unhealthy pod/web-1: Readiness probe failed: HTTP probe failed with statuscode: 502' },
    ]);
    expect(events.find((e) => e.reason === 'Unhealthy')).toMatchObject({ count: 2, firstMs: 70_000, lastMs: 80_000, source: 'kubelet', objectKind: 'Pod' });
    expect(events.find((e) => e.reason === 'Scheduled')?.source).toBe('default-scheduler');
  });
});

describe('the DNS adapter', () => {
  const NLB = 'web-0123.elb.eu-west-1.amazonaws.com.';
  const answer = (q: Question): DnsResponse =>
    q.name === 'www.example.com.'
      ? { rcode: 'NOERROR', aa: false, ra: true, answer: [cnameRecord('www.example.com', NLB, 300), aRecord(NLB, '52.18.0.10', 60)], authority: [], additional: [], kind: 'answer', why: '' }
      : { rcode: 'NXDOMAIN', aa: false, ra: true, answer: [], authority: [], additional: [], kind: 'nxdomain', why: '' };
  const access = { stub: stubConfig({ nameservers: ['10.0.0.2'] }), ask: (_s: string, q: Question) => answer(q), rng: new Rng('dig'), nowMs: 5000 };

  it("prints dig's answer section through the model's formatter", () => {
    const out = runDig(['www.example.com'], access);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(';; ANSWER SECTION:\nwww.example.com.\t300\tIN\tCNAME\tweb-0123.elb.eu-west-1.amazonaws.com.\n');
    expect(out.stdout).toContain(';; SERVER: 10.0.0.2#53(10.0.0.2) (UDP)\n');
    expect(runDig(['+short', 'www.example.com'], access).stdout).toBe(`${NLB}\n52.18.0.10\n`);
  });

  it('exits 9 when the nameserver never answers', () => {
    expect(runDig(['www.example.com'], { ...access, ask: () => undefined }).exitCode).toBe(9);
  });

  it('looks names up through the stub resolver for curl and nslookup', () => {
    expect(lookupName('www.example.com', access)).toEqual({
      server: '10.0.0.2',
      response: {
        rcode: 'NOERROR',
        authoritative: false,
        answers: [
          { name: 'www.example.com.', type: 'CNAME', ttl: 300, value: NLB },
          { name: NLB, type: 'A', ttl: 60, value: '52.18.0.10' },
        ],
      },
    });
    expect(lookupName('nope.example.com', access).response?.rcode).toBe('NXDOMAIN');
    expect(lookupName('www.example.com', { ...access, ask: () => undefined })).toEqual({ server: '10.0.0.2' });
  });
});

describe('the nginx adapter', () => {
  it('checks a pod\'s files with the nginx parser and words errors as nginx -t does', () => {
    let text = 'server {\n  listen 80;\n  location / { proxy_pas http://127.0.0.1:8080; }\n}\n';
    let applied = 0;
    const ctl = nginxControl({
      files: () => ({ '/etc/nginx/conf.d/default.conf': text }),
      entry: '/etc/nginx/conf.d/default.conf',
      resolve: () => ['10.0.0.9'],
      apply: () => void applied++,
      version: '1.22.1',
    });
    expect(ctl.mainFile).toBe('/etc/nginx/nginx.conf');
    expect(ctl.test()).toBe('nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:3');
    expect(ctl.reload()).toBeDefined();
    expect(applied).toBe(0);
    text = text.replace('proxy_pas ', 'proxy_pass ');
    expect(ctl.test()).toBeUndefined();
    expect(ctl.reload()).toBeUndefined();
    expect(applied).toBe(1);
  });
});

describe('the NLB adapter', () => {
  const config: NlbConfig = {
    name: 'k8s-default-web',
    dnsName: 'k8s-default-web-0123.elb.eu-west-1.amazonaws.com',
    nodes: [{ az: 'eu-west-1a', ip: '52.18.0.10', privateIp: '10.0.1.5' }],
    listeners: [{ port: 80, targetGroup: 'k8s-default-web-tg' }],
    targetGroups: [
      { name: 'k8s-default-web-tg', targetType: 'instance', healthCheck: LBC_CLUSTER_DEFAULTS, targets: [{ id: 'i-0a1', ip: '10.0.1.20', port: 31080, az: 'eu-west-1a' }] },
    ],
  };

  it('names target groups with well-formed ARNs and describes their health in the CLI formats', () => {
    const built = createNlb(config);
    if (!built.ok) throw new Error(built.errors.join('; '));
    const account = { region: 'eu-west-1', accountId: '111122223333' };
    const [group] = targetGroupsOf(built.nlb, account);
    expect(group?.arn).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup\/k8s-default-web-tg\/[0-9a-f]{16}$/);
    expect(group?.arn).toBe(targetGroupArn('k8s-default-web-tg', account));
    const json = describeTargetHealthText(built.nlb, account, group?.arn ?? '', 'json');
    expect(JSON.parse(json ?? '{}').TargetHealthDescriptions[0].Target).toEqual({ Id: 'i-0a1', Port: 31080 });
    expect(describeTargetHealthText(built.nlb, account, 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/0', 'json')).toBeUndefined();
  });
});

describe('the shell on adapters', () => {
  it('runs nginx -t in a pod through the nginx adapter', () => {
    const host = new FakeHost();
    host.configError = undefined;
    const shell = new Shell(host, COMMANDS);
    expect(runLine(host, 'kubectl exec web-7c5ddbdf54-x2x9z -- nginx -t', shell).code).toBe(0);
  });
});
