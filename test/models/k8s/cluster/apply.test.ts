import { describe, expect, it } from 'vitest';
import { makeCluster, manifests, NGINX } from './harness';

const svc = (name: string, nodePort: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: ${nodePort}
`;

describe('applying objects to a cluster', () => {
  it('rejects a NodePort already taken by another Service, naming the field', () => {
    const { cluster } = makeCluster();
    const problems = cluster.apply(manifests(`${svc('one', 30080)}---\n${svc('two', 30080)}`));
    expect(problems).toEqual([
      {
        index: 1,
        problem: expect.objectContaining({ path: ['spec', 'ports', 0, 'nodePort'], message: 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated' }),
      },
    ]);
  });

  it('rejects a NodePort outside 30000-32767', () => {
    const { cluster } = makeCluster();
    const [p] = cluster.apply(manifests(svc('one', 8080)));
    expect(p?.problem.message).toBe('spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it('needs the namespace to exist, and creates Namespaces first whatever the order', () => {
    const { cluster } = makeCluster();
    const inShop = svc('one', 30080).replace('name: one', 'name: one\n  namespace: shop');
    expect(cluster.apply(manifests(inShop))[0]?.problem.path).toEqual(['metadata', 'namespace']);
    expect(cluster.apply(manifests(`${inShop.replace('one', 'two').replace('30080', '30081')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n`))).toEqual([]);
  });

  it('reports a mounted ConfigMap that does not exist', () => {
    const { cluster } = makeCluster();
    const withVolume = NGINX.replace(
      '        readinessProbe:',
      '        volumeMounts:\n        - name: conf\n          mountPath: /etc/nginx/conf.d\n        readinessProbe:',
    ).replace('      containers:', '      volumes:\n      - name: conf\n        configMap:\n          name: nginx-conf\n      containers:');
    const problems = cluster.apply(manifests(withVolume));
    expect(problems.map((p) => p.problem.field)).toEqual(['spec.template.spec.volumes[0].configMap.name']);
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx-conf\ndata:\n  default.conf: "server { listen 80; }"\n';
    expect(makeCluster().cluster.apply(manifests(`${withVolume}---\n${cm}`))).toEqual([]);
  });

  it('keeps the load balancer hostname the controller writes', () => {
    const { cluster, trace } = makeCluster();
    cluster.apply(manifests(NGINX));
    cluster.setLoadBalancerIngress('default', 'nginx-loadbalancer', 'k8s-nginx-abc123.elb.eu-west-1.amazonaws.com');
    expect(cluster.service('default', 'nginx-loadbalancer')?.ingress).toEqual([{ hostname: 'k8s-nginx-abc123.elb.eu-west-1.amazonaws.com' }]);
    expect(trace.records().at(-1)).toMatchObject({ kind: 'state', from: '<pending>', to: 'k8s-nginx-abc123.elb.eu-west-1.amazonaws.com' });
  });

  it('allocates no NodePort when allocateLoadBalancerNodePorts is false', () => {
    const { cluster } = makeCluster();
    cluster.apply(manifests(NGINX.replace('type: LoadBalancer', 'type: LoadBalancer\n  allocateLoadBalancerNodePorts: false')));
    expect(cluster.service('default', 'nginx-loadbalancer')?.ports[0]?.nodePort).toBeUndefined();
  });
});
