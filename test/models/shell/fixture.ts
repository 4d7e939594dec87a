/**
 * A TerminalHost made of plain data for the shell's tests: a small cluster
 * (two nginx pods, a crash-looping auth pod, a LoadBalancer Service with an
 * NLB name), log lines, DNS answers, nginx files, and an HTTP "network" whose
 * answers the test delivers by hand, as the engine would later.
 */
import type {
  ClusterView,
  DnsLookup,
  HttpCall,
  HttpEvents,
  HttpResult,
  LogLine,
  NginxControl,
  PodView,
  TargetGroupHealthCheck,
  TerminalHost,
} from '../../../src/models/shell';
import { COMMANDS, Shell } from '../../../src/models/shell';

export const NLB = 'k8s-default-web-0123456789.elb.eu-west-1.amazonaws.com';
export const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/k8s-default-web-0a1b2c3d4e/0123456789abcdef';

const S = 1000;
const MIN = 60 * S;

function nginxPod(name: string, ip: string, node: string): PodView {
  return {
    name,
    namespace: 'default',
    labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' },
    annotations: {},
    createdMs: 0,
    startedMs: 0,
    phase: 'Running',
    node,
    hostIp: node === 'ip-10-0-1-20.eu-west-1.compute.internal' ? '10.0.1.20' : '10.0.2.30',
    ip,
    controlledBy: 'ReplicaSet/web-7c5ddbdf54',
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.22.1',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        ready: true,
        restartCount: 0,
        state: { kind: 'running', startedMs: 2 * S },
        readiness: 'http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        mounts: [{ path: '/etc/nginx/conf.d', volume: 'config', readOnly: false }],
      },
    ],
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    volumes: [{ name: 'config', configMap: 'web-nginx-conf' }],
    qosClass: 'BestEffort',
    component: name,
  };
}

export function cluster(): ClusterView {
  const authPod: PodView = {
    ...nginxPod('auth-5f8b9c6d7-q2w3e', '10.0.1.40', 'ip-10-0-1-20.eu-west-1.compute.internal'),
    labels: { app: 'auth' },
    controlledBy: 'ReplicaSet/auth-5f8b9c6d7',
    containers: [
      {
        name: 'auth',
        image: 'example/auth:2.3',
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        ready: false,
        restartCount: 3,
        state: { kind: 'waiting', reason: 'CrashLoopBackOff' },
        lastState: { kind: 'terminated', reason: 'Error', exitCode: 1, startedMs: 4 * MIN, finishedMs: 4 * MIN + 20 * S },
        mounts: [],
      },
    ],
    conditions: [{ type: 'Ready', status: 'False' }],
    volumes: [],
    component: 'auth-5f8b9c6d7-q2w3e',
  };
  return {
    namespace: 'default',
    pods: [
      nginxPod('web-7c5ddbdf54-x2x9z', '10.0.1.15', 'ip-10-0-1-20.eu-west-1.compute.internal'),
      nginxPod('web-7c5ddbdf54-b7k4m', '10.0.2.9', 'ip-10-0-2-30.eu-west-1.compute.internal'),
      authPod,
    ],
    services: [
      {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
        annotations: {},
        createdMs: 0,
        type: 'ClusterIP',
        clusterIp: '10.100.0.1',
        externalIps: [],
        loadBalancerIngress: [],
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 443 }],
        selector: {},
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
      {
        name: 'web',
        namespace: 'default',
        labels: {},
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
        createdMs: 0,
        type: 'LoadBalancer',
        clusterIp: '10.100.20.5',
        externalIps: [],
        loadBalancerIngress: [NLB],
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 31080 }],
        selector: { app: 'web' },
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
      },
    ],
    endpointSlices: [
      {
        name: 'web-abcde',
        namespace: 'default',
        service: 'web',
        labels: { 'kubernetes.io/service-name': 'web' },
        createdMs: 0,
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        endpoints: [
          { addresses: ['10.0.1.15'], ready: true, serving: true, terminating: false, targetRef: 'Pod/web-7c5ddbdf54-x2x9z' },
          { addresses: ['10.0.2.9'], ready: true, serving: true, terminating: false, targetRef: 'Pod/web-7c5ddbdf54-b7k4m' },
        ],
      },
    ],
    deployments: [
      {
        name: 'web',
        namespace: 'default',
        labels: {},
        createdMs: 0,
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        selector: { app: 'web' },
        containers: [{ name: 'nginx', image: 'nginx:1.22.1' }],
      },
    ],
    events: [
      {
        namespace: 'default',
        type: 'Normal',
        reason: 'Scheduled',
        objectKind: 'Pod',
        objectName: 'web-7c5ddbdf54-x2x9z',
        message: 'Successfully assigned default/web-7c5ddbdf54-x2x9z to ip-10-0-1-20.eu-west-1.compute.internal',
        source: 'default-scheduler',
        firstMs: 0,
        lastMs: 0,
        count: 1,
      },
      {
        namespace: 'default',
        type: 'Warning',
        reason: 'BackOff',
        objectKind: 'Pod',
        objectName: 'auth-5f8b9c6d7-q2w3e',
        message: 'Back-off restarting failed container auth in pod auth-5f8b9c6d7-q2w3e_default(0b1c)',
        source: 'kubelet',
        firstMs: 1 * MIN,
        lastMs: 4 * MIN + 30 * S,
        count: 7,
      },
    ],
    nodes: [],
  };
}

export class FakeHost implements TerminalHost {
  t = 5 * MIN;
  readonly epochMs = Date.UTC(2024, 0, 1);
  readonly machine = { hostname: 'laptop', user: 'student', ip: '203.0.113.7', nameserver: '127.0.0.53' };
  readonly lines: LogLine[] = [];
  private readonly listeners = new Set<(line: LogLine) => void>();
  private pending: { call: HttpCall; events: HttpEvents; cancelled: boolean }[] = [];
  readonly calls: HttpCall[] = [];
  config = 'server {\n  listen 80;\n  location / { proxy_pass http://auth-service:8080; }\n}\n';
  configError: string | undefined;
  reloads = 0;
  clusterView: ClusterView | undefined = cluster();
  addresses: Record<string, string[]> = { 'www.example.com': ['52.18.0.10', '52.18.0.11'], [NLB]: ['52.18.0.10', '52.18.0.11'] };

  now = () => this.t;

  logs(components: readonly string[]): LogLine[] {
    return this.lines.filter((l) => components.includes(l.component));
  }

  followLogs(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Write a log line now, as a component of the world would. */
  write(component: string, stream: string, line: string): void {
    const record = { t: this.t, component, stream, line };
    this.lines.push(record);
    for (const l of this.listeners) l(record);
  }

  get listening(): number {
    return this.listeners.size;
  }

  /** Set to undefined for a world without Kubernetes. */
  cluster: (() => ClusterView) | undefined = () => {
    if (this.clusterView === undefined) throw new Error('no cluster');
    return this.clusterView;
  };

  resolve(name: string, _from: string, server?: string): DnsLookup {
    const found = this.addresses[name];
    return {
      server: server ?? '127.0.0.53',
      response:
        found === undefined
          ? { rcode: 'NXDOMAIN', authoritative: false, answers: [] }
          : {
              rcode: 'NOERROR',
              authoritative: false,
              answers: [
                ...(name === 'www.example.com' ? [{ name: 'www.example.com.', type: 'CNAME' as const, ttl: 300, value: `${NLB}.` }] : []),
                ...found.map((a) => ({ name: name === 'www.example.com' ? `${NLB}.` : `${name}.`, type: 'A' as const, ttl: 60, value: a })),
              ],
            },
    };
  }

  dig(args: readonly string[], from: string) {
    return { stdout: `dig ${args.join(' ')} from ${from}\n`, stderr: '', exitCode: 0 };
  }

  http(call: HttpCall, events: HttpEvents): () => void {
    const entry = { call, events, cancelled: false };
    this.calls.push(call);
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Deliver the oldest pending request's answer. */
  answer(result: HttpResult, connect = true): void {
    const next = this.pending.shift();
    if (next === undefined) throw new Error('no request pending');
    if (next.cancelled) return;
    if (connect) next.events.connected();
    next.events.done(result);
  }

  nginx(pod: string): NginxControl | undefined {
    if (!pod.startsWith('web-')) return undefined;
    return {
      mainFile: '/etc/nginx/nginx.conf',
      version: '1.22.1',
      files: () => ({ '/etc/nginx/nginx.conf': 'events {}\nhttp { include /etc/nginx/conf.d/*.conf; }\n', '/etc/nginx/conf.d/default.conf': this.config }),
      test: () => this.configError,
      reload: () => {
        if (this.configError === undefined) this.reloads++;
        return this.configError;
      },
    };
  }

  /** The target group's health checks, as the cloud provider's defaults would have them; tests change them. */
  healthCheck: TargetGroupHealthCheck = { protocol: 'TCP', port: 'traffic-port', enabled: true, intervalSeconds: 10, timeoutSeconds: 10, healthyThreshold: 2, unhealthyThreshold: 6 };

  targetGroups() {
    return [{ name: 'k8s-default-web-0a1b2c3d4e', arn: ARN, protocol: 'TCP', port: 31080, targetType: 'instance', loadBalancerArns: [], healthCheck: this.healthCheck }];
  }

  describeTargetHealth(arn: string, output: 'json' | 'text'): string | undefined {
    return arn === ARN ? `${output}: TargetHealthDescriptions\n` : undefined;
  }

  knownHosts = () => ['www.example.com', NLB];

  hopsOf = (requestId: string) => (requestId === 'terminal#1' ? ['laptop', 'nlb-eu-west-1a', 'web-7c5ddbdf54-x2x9z'] : []);
}

/** Run one line in a fresh or given shell; collects both streams in order. */
export function runLine(host: TerminalHost, line: string, shell = new Shell(host, COMMANDS)) {
  const out: string[] = [];
  const err: string[] = [];
  const both: string[] = [];
  let code: number | undefined;
  const execution = shell.run(
    line,
    {
      out: (t) => (out.push(t), both.push(t)),
      err: (t) => (err.push(t), both.push(t)),
    },
    (c) => (code = c),
  );
  return {
    shell,
    execution,
    get stdout() {
      return out.join('');
    },
    get stderr() {
      return err.join('');
    },
    get all() {
      return both.join('');
    },
    get code() {
      return code;
    },
  };
}
