/**
 * Defaulting for Deployments, Services, ConfigMaps and Namespaces, as the API
 * server applies it before storing an object.
 *
 * Sources: `pkg/apis/core/v1/defaults.go` (SetDefaults_Service,
 * SetDefaults_PodSpec, SetDefaults_ConfigMap), `pkg/apis/apps/v1/defaults.go`
 * (replicas 1). In particular, for a Service: type ClusterIP, protocol TCP,
 * targetPort = port, externalTrafficPolicy Cluster only for externally
 * accessible types (NodePort, LoadBalancer), internalTrafficPolicy Cluster,
 * allocateLoadBalancerNodePorts true only for LoadBalancer.
 */
import { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, defaultProbe } from './probe-defaults';
import type {
  ConfigMap,
  Container,
  DefaultedConfigMap,
  DefaultedContainer,
  DefaultedDeployment,
  DefaultedMeta,
  DefaultedNamespace,
  DefaultedService,
  Deployment,
  Namespace,
  ObjectMeta,
  Service,
} from './types';

/** Where a namespaced object goes when its manifest names no namespace. */
export const DEFAULT_NAMESPACE = 'default';

/** A Namespace gets the label `kubernetes.io/metadata.name` (SetDefaults_Namespace). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Metadata with namespace, labels and annotations always set. */
export function defaultMeta(meta: ObjectMeta, namespaced = true): DefaultedMeta {
  return {
    name: meta.name,
    namespace: namespaced ? (meta.namespace ?? DEFAULT_NAMESPACE) : '',
    labels: { ...(meta.labels ?? {}) },
    annotations: { ...(meta.annotations ?? {}) },
  };
}

/** A container with port protocols and probe fields defaulted. */
export function defaultContainer(c: Container): DefaultedContainer {
  return {
    name: c.name,
    image: c.image,
    ports: (c.ports ?? []).map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    })),
    ...(c.readinessProbe !== undefined ? { readinessProbe: defaultProbe(c.readinessProbe) } : {}),
    ...(c.livenessProbe !== undefined ? { livenessProbe: defaultProbe(c.livenessProbe) } : {}),
    ...(c.startupProbe !== undefined ? { startupProbe: defaultProbe(c.startupProbe) } : {}),
    volumeMounts: c.volumeMounts ?? [],
    ...(c.unsimulated !== undefined ? { unsimulated: c.unsimulated } : {}),
  };
}

/** A Deployment as the API server stores it (replicas 1, grace period 30 s, restartPolicy Always). */
export function defaultDeployment(d: Deployment): DefaultedDeployment {
  const spec = d.spec.template.spec;
  return {
    kind: 'Deployment',
    metadata: defaultMeta(d.metadata),
    replicas: d.spec.replicas ?? 1,
    selector: { ...d.spec.selector.matchLabels },
    ...(d.spec.strategy !== undefined ? { strategy: d.spec.strategy } : {}),
    template: {
      labels: { ...d.spec.template.metadata.labels },
      annotations: { ...(d.spec.template.metadata.annotations ?? {}) },
      spec: {
        containers: spec.containers.map(defaultContainer),
        terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
        restartPolicy: 'Always',
        volumes: spec.volumes ?? [],
      },
    },
  };
}

/** A Service as the API server stores it (see the module comment for each default). */
export function defaultService(s: Service): DefaultedService {
  const type = s.spec.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  return {
    kind: 'Service',
    metadata: defaultMeta(s.metadata),
    type,
    selector: { ...(s.spec.selector ?? {}) },
    ports: s.spec.ports.map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      // A zero or empty targetPort means "same as port" (SetDefaults_Service).
      targetPort: p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort,
      ...(p.nodePort !== undefined && p.nodePort !== 0 ? { nodePort: p.nodePort } : {}),
    })),
    ...(s.spec.clusterIP !== undefined && s.spec.clusterIP !== '' ? { clusterIP: s.spec.clusterIP } : {}),
    ...(external ? { externalTrafficPolicy: s.spec.externalTrafficPolicy ?? 'Cluster' } : {}),
    internalTrafficPolicy: s.spec.internalTrafficPolicy ?? 'Cluster',
    ...(s.spec.healthCheckNodePort !== undefined && s.spec.healthCheckNodePort !== 0
      ? { healthCheckNodePort: s.spec.healthCheckNodePort }
      : {}),
    ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: s.spec.allocateLoadBalancerNodePorts ?? true } : {}),
    ...(s.spec.loadBalancerClass !== undefined ? { loadBalancerClass: s.spec.loadBalancerClass } : {}),
    sessionAffinity: 'None',
  };
}

/** A ConfigMap with `data` always set. */
export function defaultConfigMap(c: ConfigMap): DefaultedConfigMap {
  return { kind: 'ConfigMap', metadata: defaultMeta(c.metadata), data: { ...(c.data ?? {}) } };
}

/** A Namespace with its `kubernetes.io/metadata.name` label. */
export function defaultNamespace(n: Namespace): DefaultedNamespace {
  const meta = defaultMeta(n.metadata, false);
  return { kind: 'Namespace', metadata: { ...meta, labels: { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name } } };
}
