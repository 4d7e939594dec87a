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

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface HTTPHeader {
  readonly name: string;
  readonly value: string;
}

export interface HTTPGetAction {
  readonly path?: string;
  readonly port: IntOrString;
  readonly host?: string;
  readonly scheme?: 'HTTP' | 'HTTPS';
  readonly httpHeaders?: readonly HTTPHeader[];
}

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

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: Protocol;
}

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
}

/** A pod volume; only ConfigMap volumes are read (to find the nginx.conf). */
export interface Volume {
  readonly name: string;
  readonly configMap?: { readonly name: string };
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly terminationGracePeriodSeconds?: number;
  readonly restartPolicy?: 'Always';
  readonly volumes?: readonly Volume[];
}

export interface PodTemplateSpec {
  readonly metadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: PodSpec;
}

/** Only `matchLabels` is supported; `matchExpressions` is rejected with a clear problem. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
}

export interface Deployment {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas?: number;
    readonly selector: LabelSelector;
    readonly template: PodTemplateSpec;
  };
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export type TrafficPolicy = 'Cluster' | 'Local';

export interface ServicePort {
  readonly name?: string;
  readonly protocol?: Protocol;
  readonly port: number;
  readonly targetPort?: IntOrString;
  readonly nodePort?: number;
}

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

export interface ConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: ObjectMeta;
  readonly data?: Readonly<Record<string, string>>;
}

export interface Namespace {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
}

export type Manifest = Deployment | Service | ConfigMap | Namespace;

// ---- After defaulting -------------------------------------------------------

export interface DefaultedMeta {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface DefaultedHTTPGet {
  readonly kind: 'httpGet';
  readonly path: string;
  readonly port: IntOrString;
  readonly host?: string;
  readonly scheme: 'HTTP' | 'HTTPS';
  readonly httpHeaders: readonly HTTPHeader[];
}

export interface DefaultedTCPSocket {
  readonly kind: 'tcpSocket';
  readonly port: IntOrString;
  readonly host?: string;
}

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
}

export interface DefaultedPodSpec {
  readonly containers: readonly DefaultedContainer[];
  readonly terminationGracePeriodSeconds: number;
  readonly restartPolicy: 'Always';
  readonly volumes: readonly Volume[];
}

export interface DefaultedPodTemplate {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly spec: DefaultedPodSpec;
}

export interface DefaultedDeployment {
  readonly kind: 'Deployment';
  readonly metadata: DefaultedMeta;
  readonly replicas: number;
  readonly selector: Readonly<Record<string, string>>;
  readonly template: DefaultedPodTemplate;
}

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

export interface DefaultedConfigMap {
  readonly kind: 'ConfigMap';
  readonly metadata: DefaultedMeta;
  readonly data: Readonly<Record<string, string>>;
}

export interface DefaultedNamespace {
  readonly kind: 'Namespace';
  readonly metadata: DefaultedMeta;
}

export type DefaultedManifest = DefaultedDeployment | DefaultedService | DefaultedConfigMap | DefaultedNamespace;
