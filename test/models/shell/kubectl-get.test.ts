import { describe, expect, it } from 'vitest';
import type { ClusterView, PodView } from '../../../src/models/shell';
import { cluster, FakeHost, NLB, runLine } from './fixture';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** kube-system's CoreDNS as a real cluster showed it (kubectl 1.30, output quoted in the test names' source). */
function coreDns(now: number): ClusterView {
  const created = now - (4 * D + 21 * H);
  const pod = (name: string, ip: string): PodView => ({
    name,
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    annotations: {},
    createdMs: created,
    phase: 'Running',
    ip,
    containers: [
      {
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.1',
        ports: [],
        ready: true,
        restartCount: 2,
        state: { kind: 'running', startedMs: now - 131 * M },
        lastState: { kind: 'terminated', reason: 'Unknown', exitCode: 255, startedMs: created, finishedMs: now - 131 * M - 30 * S },
        mounts: [],
      },
    ],
    conditions: [{ type: 'Ready', status: 'True' }],
    volumes: [],
    qosClass: 'Burstable',
  });
  return {
    namespace: 'kube-system',
    pods: [pod('coredns-7db6d8ff4d-7kb9x', '10.1.0.20'), pod('coredns-7db6d8ff4d-gkp5z', '10.1.0.21')],
    services: [
      {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: {},
        annotations: {},
        createdMs: created,
        type: 'ClusterIP',
        clusterIp: '10.96.0.10',
        externalIps: [],
        loadBalancerIngress: [],
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
          { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
        sessionAffinity: 'None',
      },
    ],
    endpointSlices: [
      {
        name: 'kube-dns-x7r2p',
        namespace: 'kube-system',
        service: 'kube-dns',
        labels: {},
        createdMs: created,
        addressType: 'IPv4',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
        endpoints: ['10.1.0.20', '10.1.0.21'].map((a) => ({ addresses: [a], ready: true, serving: true, terminating: false })),
      },
    ],
    deployments: [
      {
        name: 'coredns',
        namespace: 'kube-system',
        labels: {},
        createdMs: created,
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        selector: { 'k8s-app': 'kube-dns' },
        containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1' }],
      },
    ],
    events: [],
    nodes: [],
  };
}

function hostWith(view: ClusterView): FakeHost {
  const host = new FakeHost();
  host.t = 10 * D;
  host.clusterView = view;
  return host;
}

describe('kubectl get, against output captured from a real cluster', () => {
  it('prints pods with READY, STATUS, RESTARTS "(131m ago)" and AGE columns spaced as kubectl does', () => {
    const host = hostWith(coreDns(10 * D));
    expect(runLine(host, 'kubectl get pods -n kube-system').stdout).toBe(
      [
        'NAME                       READY   STATUS    RESTARTS       AGE',
        'coredns-7db6d8ff4d-7kb9x   1/1     Running   2 (131m ago)   4d21h',
        'coredns-7db6d8ff4d-gkp5z   1/1     Running   2 (131m ago)   4d21h',
        '',
      ].join('\n'),
    );
  });

  it('prints deployments with READY UP-TO-DATE AVAILABLE AGE', () => {
    const host = hostWith(coreDns(10 * D));
    expect(runLine(host, 'kubectl get deployment --namespace=kube-system').stdout).toBe(
      'NAME      READY   UP-TO-DATE   AVAILABLE   AGE\ncoredns   2/2     2            2           4d21h\n',
    );
  });

  it('prints services with PORT(S) and <none> for a ClusterIP service without external IPs', () => {
    const host = hostWith(coreDns(10 * D));
    expect(runLine(host, 'kubectl get services --namespace=kube-system').stdout).toBe(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        'kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   4d21h\n',
    );
  });

  it('prints endpoints as address:port pairs, three at most, then "+ N more..."', () => {
    const host = hostWith(coreDns(10 * D));
    expect(runLine(host, 'kubectl get endpoints kube-dns --namespace=kube-system').stdout).toBe(
      'NAME       ENDPOINTS                                            AGE\n' +
        'kube-dns   10.1.0.20:53,10.1.0.21:53,10.1.0.20:53 + 3 more...   4d21h\n',
    );
  });
});

describe('kubectl get in the simulated cluster', () => {
  it('shows a crash-looping pod as CrashLoopBackOff with its restarts and when the last one was', () => {
    const out = runLine(new FakeHost(), 'kubectl get pods').stdout;
    expect(out.split('\n')[0]).toBe('NAME                   READY   STATUS             RESTARTS      AGE');
    expect(out).toContain('auth-5f8b9c6d7-q2w3e   0/1     CrashLoopBackOff   3 (40s ago)   5m');
    expect(out).toContain('web-7c5ddbdf54-x2x9z   1/1     Running            0             5m');
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const out = runLine(new FakeHost(), 'kubectl get pods -o wide').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(out).toMatch(/web-7c5ddbdf54-b7k4m\s+1\/1\s+Running\s+0\s+5m\s+10\.0\.2\.9\s+ip-10-0-2-30\.eu-west-1\.compute\.internal\s+<none>\s+<none>/);
  });

  it('shows the NLB name as the EXTERNAL-IP of the LoadBalancer service and NodePorts in PORT(S)', () => {
    const out = runLine(new FakeHost(), 'kubectl get svc').stdout;
    expect(out).toMatch(new RegExp(`^web\\s+LoadBalancer\\s+10\\.100\\.20\\.5\\s+${NLB.replaceAll('.', '\\.')}\\s+80:31080/TCP\\s+5m$`, 'm'));
    expect(out).toMatch(/^kubernetes\s+ClusterIP\s+10\.100\.0\.1\s+<none>\s+443\/TCP\s+5m$/m);
  });

  it('shows <pending> while a LoadBalancer service has no load balancer yet', () => {
    const host = new FakeHost();
    const view = cluster();
    host.clusterView = { ...view, services: view.services.map((s) => ({ ...s, loadBalancerIngress: [] })) };
    expect(runLine(host, 'kubectl get svc web').stdout).toMatch(/web\s+LoadBalancer\s+\S+\s+<pending>/);
  });

  it('lists several types with kind/name prefixes and a blank line between tables', () => {
    const out = runLine(new FakeHost(), 'kubectl get pods,svc,endpoints,endpointslices,deployments').stdout;
    const tables = out.split('\n\n');
    expect(tables).toHaveLength(5);
    expect(tables[0]).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(tables[0]).toContain('pod/web-7c5ddbdf54-x2x9z');
    expect(tables[1]).toContain('service/web');
    expect(tables[2]).toMatch(/endpoints\/web\s+10\.0\.1\.15:80,10\.0\.2\.9:80\s+5m/);
    expect(tables[3]).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nendpointslice\.discovery\.k8s\.io\/web-abcde\s+IPv4\s+80\s+10\.0\.1\.15,10\.0\.2\.9\s+5m/);
    expect(tables[4]).toMatch(/deployment\.apps\/web\s+2\/2\s+2\s+2\s+5m/);
  });

  it('prints events as LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const out = runLine(new FakeHost(), 'kubectl get events').stdout;
    const [header, ...rows] = out.trimEnd().split('\n');
    expect(header).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(rows[0]).toMatch(/^30s\s+Warning\s+BackOff\s+pod\/auth-5f8b9c6d7-q2w3e\s+Back-off restarting failed container/);
  });

  it('filters by label with -l and prints names only with -o name', () => {
    expect(runLine(new FakeHost(), 'kubectl get pods -l app=web -o name').stdout).toBe('pod/web-7c5ddbdf54-b7k4m\npod/web-7c5ddbdf54-x2x9z\n');
  });

  it('says "No resources found" on stderr when a namespace is empty', () => {
    const r = runLine(new FakeHost(), 'kubectl get pods -n empty');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in empty namespace.\n');
    expect(r.code).toBe(0);
  });

  it('reports a missing pod the way the API server does, with exit status 1', () => {
    const r = runLine(new FakeHost(), 'kubectl get pod nope');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.code).toBe(1);
  });
});
