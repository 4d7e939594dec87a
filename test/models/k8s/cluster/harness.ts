/** A three-node cluster on an engine, with apps that answer probes as a test script says. */
import { parse } from 'yaml';
import { Engine, Random, Trace } from '../../../../src/sim';
import { Cluster } from '../../../../src/models/k8s/cluster/cluster';
import type { ClusterOptions } from '../../../../src/models/k8s/cluster/cluster';
import { validateManifest } from '../../../../src/models/k8s/api/validate';
import type { DefaultedManifest } from '../../../../src/models/k8s/api/types';
import type { ProbeAnswer } from '../../../../src/models/k8s/pod/probe-judge';
import type { PodRef } from '../../../../src/models/k8s/pod/pod';

export const NODES = [
  { name: 'node-a', ip: '10.0.1.10', az: 'eu-west-1a' },
  { name: 'node-b', ip: '10.0.2.10', az: 'eu-west-1b' },
  { name: 'node-c', ip: '10.0.3.10', az: 'eu-west-1c' },
];

/** How the app in a pod answers probes at `now`. */
export type AppBehaviour = (pod: PodRef, now: number) => ProbeAnswer | 'silent';

export function manifests(yaml: string): DefaultedManifest[] {
  return yaml
    .split(/^---$/m)
    .filter((doc) => doc.trim() !== '')
    .map((doc) => {
      const r = validateManifest(parse(doc));
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      return r.value;
    });
}

export function makeCluster(seed = 1, behaviour: AppBehaviour = () => ({ outcome: 'http', status: 200 }), extra: Partial<ClusterOptions> = {}) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const random = new Random(seed);
  const log: string[] = [];
  const cluster = new Cluster({
    engine,
    trace,
    random,
    nodes: NODES,
    world: {
      probe: (pod, _request, answer) => {
        const a = behaviour(pod, engine.now);
        if (a !== 'silent') engine.schedule(1, () => answer(a));
      },
      containerStarted: (pod, generation) => log.push(`started ${pod.name} #${generation}`),
      containerExited: (pod, code) => log.push(`exited ${pod.name} ${code}`),
      podRemoved: (pod) => log.push(`removed ${pod.name}`),
    },
    ...extra,
  });
  return { engine, trace, cluster, log };
}

export const NGINX = `
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
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
---
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
