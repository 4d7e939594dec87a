import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateManifest } from '../../../../src/models/k8s/api/validate';
import { loadBalancerPlan } from '../../../../src/models/k8s/api/load-balancer-class';
import type { DefaultedDeployment, DefaultedService } from '../../../../src/models/k8s/api/types';

/** The Service from the course notes, as written there. */
const NGINX_LOADBALANCER = `
apiVersion: v1
kind: Service
metadata:
  name: nginx-loadbalancer
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: "nlb"
spec:
  type: LoadBalancer
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`;

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - name: http
          containerPort: 80
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
        resources:
          limits:
            cpu: 500m
`;

function problemsOf(yaml: string): string[] {
  const r = validateManifest(parse(yaml));
  return r.ok ? [] : r.problems.map((p) => p.message);
}

describe('validateManifest: the course notes Service', () => {
  it('accepts nginx-loadbalancer and fills in the defaults the API server would', () => {
    const r = validateManifest(parse(NGINX_LOADBALANCER));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value as DefaultedService;
    expect(s.metadata).toEqual({
      name: 'nginx-loadbalancer',
      namespace: 'default',
      labels: {},
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    });
    expect(s.type).toBe('LoadBalancer');
    expect(s.selector).toEqual({ app: 'nginx' });
    expect(s.ports).toEqual([{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(s.externalTrafficPolicy).toBe('Cluster');
    expect(s.internalTrafficPolicy).toBe('Cluster');
    expect(s.allocateLoadBalancerNodePorts).toBe(true);
    expect(s.sessionAffinity).toBe('None');
    expect(r.ignored).toEqual([]);
  });

  it('is built by the in-tree AWS provider as an NLB with instance targets', () => {
    const r = validateManifest(parse(NGINX_LOADBALANCER));
    if (!r.ok) throw new Error('expected ok');
    const plan = loadBalancerPlan(r.value as DefaultedService);
    expect(plan).toMatchObject({ kind: 'nlb', controller: 'cloud-provider-aws', targetType: 'instance' });
  });

  it('would be a Classic ELB without the annotation, and an LBC NLB with loadBalancerClass', () => {
    const bare = validateManifest(parse(NGINX_LOADBALANCER.replace(/ {2}annotations:\n.*\n/, '')));
    if (!bare.ok) throw new Error(JSON.stringify(bare.problems));
    expect(loadBalancerPlan(bare.value as DefaultedService).kind).toBe('classic');
    const lbc = validateManifest(parse(NGINX_LOADBALANCER.replace('type: LoadBalancer', 'type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb')));
    if (!lbc.ok) throw new Error(JSON.stringify(lbc.problems));
    expect(loadBalancerPlan(lbc.value as DefaultedService)).toMatchObject({ controller: 'aws-load-balancer-controller' });
  });
});

describe('validateManifest: Deployments', () => {
  it('accepts a Deployment, defaults its probe and lists fields it does not model', () => {
    const r = validateManifest(parse(DEPLOYMENT));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value as DefaultedDeployment;
    expect(d.replicas).toBe(3);
    expect(d.template.spec.terminationGracePeriodSeconds).toBe(30);
    expect(d.template.spec.containers[0]?.readinessProbe).toMatchObject({ periodSeconds: 10, failureThreshold: 3, handler: { port: 'http', path: '/healthz' } });
    expect(r.ignored.map((i) => i.field)).toEqual(['spec.template.spec.containers[0].resources']);
  });

  it('rejects a selector that does not match the template labels, naming the field', () => {
    const r = validateManifest(parse(DEPLOYMENT.replace('      app: nginx\n  template', '      app: web\n  template')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.path).toEqual(['spec', 'template', 'metadata', 'labels']);
    expect(r.problems[0]?.message).toContain('`selector` does not match template `labels`');
    expect(r.problems[0]?.expected).toContain('app: web');
  });

  it('rejects an unknown field with its path, as strict validation does', () => {
    const r = validateManifest(parse(DEPLOYMENT.replace('replicas: 3', 'replica: 3')));
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => p.field)).toEqual(['spec.replica']);
    expect(r.problems[0]?.message).toBe('spec.replica: unknown field "replica"');
  });

  it('rejects a probe period given as a string and a liveness successThreshold other than 1', () => {
    const yaml = DEPLOYMENT.replace(
      '        readinessProbe:',
      '        livenessProbe:\n          tcpSocket:\n            port: 80\n          successThreshold: 2\n          periodSeconds: "5"\n        readinessProbe:',
    );
    expect(problemsOf(yaml)).toEqual([
      'spec.template.spec.containers[0].livenessProbe.periodSeconds: Invalid value: "5": expected an integer',
      'spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
  });

  it('rejects a probe on a port name the container does not have', () => {
    const r = validateManifest(parse(DEPLOYMENT.replace('port: http', 'port: web')));
    if (r.ok) throw new Error('expected problems');
    expect(r.problems[0]?.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'port']);
    expect(r.problems[0]?.expected).toContain('http');
  });

  it('rejects a probe with two handlers and one with none', () => {
    const two = DEPLOYMENT.replace('            port: http\n', '            port: http\n          tcpSocket:\n            port: 80\n');
    expect(problemsOf(two)).toEqual(['spec.template.spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']);
    const none = DEPLOYMENT.replace('          httpGet:\n            path: /healthz\n            port: http\n', '          periodSeconds: 5\n');
    expect(problemsOf(none)).toEqual(['spec.template.spec.containers[0].readinessProbe: Required value']);
  });

  it('asks for quotes around a label value YAML reads as a number', () => {
    expect(problemsOf(DEPLOYMENT.replace('  labels:\n        app: nginx', '  labels:\n        app: nginx\n        version: 2'))).toEqual([
      'spec.template.metadata.labels.version: Invalid value: 2: expected a string',
    ]);
  });
});

describe('validateManifest: Services', () => {
  const base = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: auth-service\nspec:\n${spec}`;

  it('gives a ClusterIP Service no externalTrafficPolicy and no allocateLoadBalancerNodePorts', () => {
    const r = validateManifest(parse(base('  selector:\n    app: auth\n  ports:\n  - port: 80\n    targetPort: 3000\n')));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const s = r.value as DefaultedService;
    expect(s.type).toBe('ClusterIP');
    expect(s.externalTrafficPolicy).toBeUndefined();
    expect(s.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(s.ports[0]?.targetPort).toBe(3000);
  });

  it('rejects externalTrafficPolicy on a ClusterIP Service', () => {
    expect(problemsOf(base('  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n'))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set when `type` is \'NodePort\' or \'LoadBalancer\'',
    ]);
  });

  it('requires port names when there are two ports, and rejects a bad policy value', () => {
    expect(problemsOf(base('  type: NodePort\n  externalTrafficPolicy: Global\n  ports:\n  - port: 80\n  - port: 443\n'))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
  });

  it('rejects healthCheckNodePort unless the Service is a LoadBalancer with policy Local', () => {
    expect(problemsOf(base('  type: LoadBalancer\n  healthCheckNodePort: 32000\n  ports:\n  - port: 80\n'))).toHaveLength(1);
    expect(problemsOf(base('  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  ports:\n  - port: 80\n'))).toEqual([]);
  });

  it('rejects a Service name that is not a DNS-1035 label, since it becomes a DNS name', () => {
    const r = validateManifest(parse(base('  ports:\n  - port: 80\n').replace('auth-service', '1auth')));
    if (r.ok) throw new Error('expected problems');
    expect(r.problems[0]?.path).toEqual(['metadata', 'name']);
  });

  it('prefixes every path with the caller path', () => {
    const r = validateManifest(parse(base('  ports: []\n')), ['manifests', 3]);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems[0]?.path).toEqual(['manifests', 3, 'spec', 'ports']);
    expect(r.problems[0]?.field).toBe('manifests[3].spec.ports');
  });
});

describe('validateManifest: kinds and the rest', () => {
  it('rejects an unsupported kind and a wrong apiVersion', () => {
    expect(problemsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n')[0]).toContain('Unsupported value: "Pod"');
    expect(problemsOf('apiVersion: v1\nkind: Deployment\nmetadata:\n  name: x\n')[0]).toContain('a Deployment is apps/v1');
  });

  it('accepts a ConfigMap holding an nginx.conf and a Namespace with its name label', () => {
    const cm = validateManifest(parse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx-conf\ndata:\n  nginx.conf: |\n    events {}\n'));
    expect(cm.ok && cm.value.kind === 'ConfigMap' && cm.value.data['nginx.conf']).toBe('events {}\n');
    const ns = validateManifest(parse('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n'));
    expect(ns.ok && ns.value.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
  });
});
