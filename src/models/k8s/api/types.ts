/**
 * The part of the Kubernetes API the simulation understands, as TypeScript
 * types: Deployment (apps/v1), Service, ConfigMap and Namespace (v1).
 *
 * Two shapes per object. The manifest shape has Kubernetes' optional fields,
 * as an author writes them. The `Defaulted…` shape is what the API server
 * stores after defaulting (`pkg/apis/core/v1/defaults.go`,
 * `pkg/apis/apps/v1/defaults.go`): every field the simulation reads is set,
 * so no model ever applies a default of its own.
 */

/** A port number or the name of a container port (`intstr.IntOrString`). */

export type IntOrString = number | string;

/** A port's protocol (only TCP carries traffic in the simulation). */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** `metadata` of a manifest. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A header an httpGet probe sends. */
export interface HTTPHeader {
  readonly name: string;
  readonly value: string;
}

/** An httpGet probe handler. */
export interface HTTPGetAction {
  readonly path?: string;
  readonly port: IntOrString;
  readonly host?: string;
  readonly scheme?: 'HTTP' | 'HTTPS';
  readonly httpHeaders?: readonly HTTPHeader[];
}

/** A tcpSocket probe handler. */
export interface TCPSocketAction {
  readonly port: IntOrString;
  readonly host?: string;
}

/** A probe exactly as a manifest writes it; exactly one handler. */
export interface Probe {
  readonly httpGet?: HTTPGetAction;
  readonly tcpSocket?: TCPSocketAction;
  readonly initialDelaySeconds?: number;
  readonly timeoutSeconds?: number;
  readonly periodSeconds?: number;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
  /** Per-probe grace period for the kill a failed liveness or startup probe causes (overrides the pod's). */
  readonly terminationGracePeriodSeconds?: number;
}

/** A port the container listens on. */
/** The pod's one container. */
export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: Protocol;
}

/** Where a pod volume appears in the container. */
export interface VolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly?: boolean;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly ContainerPort[];
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly startupProbe?: Probe;
  readonly volumeMounts?: readonly VolumeMount[];
  /**
   * Fields the simulation accepts and does not use (`env`, `resources`, …), as
   * written. Kept so that changing one changes the pod template, and so its
   * hash, and rolls the Deployment out as Kubernetes would.
   */
  readonly unsimulated?: Readonly<Record<string, unknown>>;
}

/** A pod volume; only ConfigMap volumes are read (to find the nginx.conf). */
export interface Volume {
  readonly name: string;
  readonly configMap?: { readonly name: string };
}

/** A pod template's `spec`. */
export interface PodSpec {
  readonly containers: readonly Container[];
  readonly terminationGracePeriodSeconds?: number;
  readonly restartPolicy?: 'Always';
  readonly volumes?: readonly Volume[];
}

/** A Deployment's `spec.template`. */
export interface PodTemplateSpec {
  readonly metadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: PodSpec;
}

/** Only `matchLabels` is supported; `matchExpressions` is rejected with a clear problem. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
}

/** An apps/v1 Deployment manifest. */
/** How a Deployment replaces its pods when the template changes (`spec.strategy`). */
export type DeploymentStrategy =
  | { readonly type: 'RollingUpdate'; readonly maxSurge: number | string; readonly maxUnavailable: number | string }
  | { readonly type: 'Recreate' };

export interface Deployment {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas?: number;
    readonly selector: LabelSelector;
    readonly template: PodTemplateSpec;
    readonly strategy?: DeploymentStrategy;
  };
}

/** Service types the simulation supports (ExternalName is rejected). */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
/** `externalTrafficPolicy` / `internalTrafficPolicy`. */
export type TrafficPolicy = 'Cluster' | 'Local';

/** One port of a Service manifest. */
export interface ServicePort {
  readonly name?: string;
  readonly protocol?: Protocol;
  readonly port: number;
  readonly targetPort?: IntOrString;
  readonly nodePort?: number;
}

/** A v1 Service manifest. */
export interface Service {
  readonly apiVersion: 'v1';
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly type?: ServiceType;
    readonly selector?: Readonly<Record<string, string>>;
    readonly ports: readonly ServicePort[];
    readonly clusterIP?: string;
    readonly externalTrafficPolicy?: TrafficPolicy;
    readonly internalTrafficPolicy?: TrafficPolicy;
    readonly healthCheckNodePort?: number;
    readonly allocateLoadBalancerNodePorts?: boolean;
    readonly loadBalancerClass?: string;
    readonly sessionAffinity?: 'None';
  };
}

/** A v1 ConfigMap manifest (nginx.conf lives here). */
export interface ConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: ObjectMeta;
  readonly data?: Readonly<Record<string, string>>;
}

/** A v1 Namespace manifest. */
export interface Namespace {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
}

/** Any supported manifest. */
export type Manifest = Deployment | Service | ConfigMap | Namespace;

// ---- After defaulting -------------------------------------------------------

/** Metadata after defaulting. */
export interface DefaultedMeta {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** An httpGet handler after `SetDefaults_HTTPGetAction`. */
export interface DefaultedHTTPGet {
  readonly kind: 'httpGet';
  readonly path: string;
  readonly port: IntOrString;
  readonly host?: string;
  readonly scheme: 'HTTP' | 'HTTPS';
  readonly httpHeaders: readonly HTTPHeader[];
}

/** A tcpSocket handler. */
export interface DefaultedTCPSocket {
  readonly kind: 'tcpSocket';
  readonly port: IntOrString;
  readonly host?: string;
}

/** A probe's one handler. */
export type ProbeHandler = DefaultedHTTPGet | DefaultedTCPSocket;

/** A probe after `SetDefaults_Probe` and `SetDefaults_HTTPGetAction`. */
export interface DefaultedProbe {
  readonly handler: ProbeHandler;
  readonly initialDelaySeconds: number;
  readonly timeoutSeconds: number;
  readonly periodSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  readonly terminationGracePeriodSeconds?: number;
}

/** A container port with its protocol set. */
/** A container after defaulting. */
export interface DefaultedContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export interface DefaultedContainer {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly DefaultedContainerPort[];
  readonly readinessProbe?: DefaultedProbe;
  readonly livenessProbe?: DefaultedProbe;
  readonly startupProbe?: DefaultedProbe;
  readonly volumeMounts: readonly VolumeMount[];
  /** See `Container.unsimulated`. */
  readonly unsimulated?: Readonly<Record<string, unknown>>;
}

/** A pod spec after defaulting. */
export interface DefaultedPodSpec {
  readonly containers: readonly DefaultedContainer[];
  readonly terminationGracePeriodSeconds: number;
  readonly restartPolicy: 'Always';
  readonly volumes: readonly Volume[];
}

/** A pod template after defaulting. */
export interface DefaultedPodTemplate {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly spec: DefaultedPodSpec;
}

/** A Deployment as stored, flattened to what the controller reads. */
export interface DefaultedDeployment {
  readonly kind: 'Deployment';
  readonly metadata: DefaultedMeta;
  readonly replicas: number;
  readonly selector: Readonly<Record<string, string>>;
  readonly template: DefaultedPodTemplate;
  /** Absent: RollingUpdate with maxSurge and maxUnavailable 25%. */
  readonly strategy?: DeploymentStrategy;
}

/** A Service port as stored (name '' when unnamed). */
/** A Service as stored, before allocation. */
export interface DefaultedServicePort {
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly targetPort: IntOrString;
  /** Requested NodePort; the allocator fills in the rest. */
  readonly nodePort?: number;
}

export interface DefaultedService {
  readonly kind: 'Service';
  readonly metadata: DefaultedMeta;
  readonly type: ServiceType;
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly DefaultedServicePort[];
  readonly clusterIP?: string;
  /** Set for NodePort and LoadBalancer only (defaulted to Cluster there), as the API server does. */
  readonly externalTrafficPolicy?: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  readonly healthCheckNodePort?: number;
  /** Set for LoadBalancer only (defaulted to true). */
  readonly allocateLoadBalancerNodePorts?: boolean;
  readonly loadBalancerClass?: string;
  readonly sessionAffinity: 'None';
}

/** A ConfigMap as stored. */
export interface DefaultedConfigMap {
  readonly kind: 'ConfigMap';
  readonly metadata: DefaultedMeta;
  readonly data: Readonly<Record<string, string>>;
}

/** A Namespace as stored. */
export interface DefaultedNamespace {
  readonly kind: 'Namespace';
  readonly metadata: DefaultedMeta;
}

/** Any supported object after defaulting. */
export type DefaultedManifest = DefaultedDeployment | DefaultedService | DefaultedConfigMap | DefaultedNamespace;
