/**
 * The Kubernetes objects as kubectl shows them, as plain data a host fills in
 * from its cluster model at the current virtual time. Only what `kubectl get`,
 * `describe`, `logs` and `exec` print is here; times are virtual milliseconds.
 */

/** A container's state (`State:` and `Last State:` in `kubectl describe pod`). */
export type ContainerState =
  | { readonly kind: 'running'; readonly startedMs: number }
  | { readonly kind: 'waiting'; readonly reason: string }
  | {
      readonly kind: 'terminated';
      readonly reason: string;
      readonly exitCode: number;
      readonly startedMs: number;
      readonly finishedMs: number;
    };

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly { readonly containerPort: number; readonly protocol: string; readonly name?: string }[];
  readonly ready: boolean;
  readonly restartCount: number;
  readonly state: ContainerState;
  /** The previous run, after a restart. */
  readonly lastState?: ContainerState;
  /** kubectl's probe text: `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
  readonly liveness?: string;
  readonly readiness?: string;
  readonly startup?: string;
  readonly mounts: readonly { readonly path: string; readonly volume: string; readonly readOnly: boolean }[];
}

export interface PodView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly createdMs: number;
  /** When the kubelet acknowledged the pod (absent while unscheduled). */
  readonly startedMs?: number;
  /** Pod phase: Pending, Running, Succeeded, Failed, Unknown. */
  readonly phase: string;
  /** Set while the pod is being deleted: the deletion time. */
  readonly deletingMs?: number;
  readonly node?: string;
  readonly hostIp?: string;
  readonly ip?: string;
  /** `ReplicaSet/web-7c5ddbdf54`. */
  readonly controlledBy?: string;
  readonly containers: readonly ContainerView[];
  /** In the API's order: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled. */
  readonly conditions: readonly { readonly type: string; readonly status: 'True' | 'False' | 'Unknown' }[];
  readonly volumes: readonly { readonly name: string; readonly configMap?: string }[];
  readonly qosClass: string;
  /** The trace component whose `log` records are this pod's logs. */
  readonly component?: string;
}

export interface ServicePortView {
  readonly name: string;
  readonly protocol: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly nodePort?: number;
}

export interface ServiceView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly createdMs: number;
  readonly type: string;
  /** `None` for a headless service. */
  readonly clusterIp: string;
  readonly externalIps: readonly string[];
  /** `status.loadBalancer.ingress`: host names (an NLB's DNS name) or IPs; empty while pending. */
  readonly loadBalancerIngress: readonly string[];
  readonly ports: readonly ServicePortView[];
  readonly selector: Readonly<Record<string, string>>;
  readonly sessionAffinity: string;
  readonly externalTrafficPolicy?: string;
  readonly internalTrafficPolicy?: string;
  readonly healthCheckNodePort?: number;
}

export interface EndpointView {
  readonly addresses: readonly string[];
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly nodeName?: string;
  readonly zone?: string;
  /** `Pod/web-7c5ddbdf54-x2x9z`. */
  readonly targetRef?: string;
}

export interface EndpointSliceView {
  readonly name: string;
  readonly namespace: string;
  /** The Service it belongs to (label `kubernetes.io/service-name`). */
  readonly service: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createdMs: number;
  readonly addressType: string;
  readonly ports: readonly { readonly name: string; readonly port: number; readonly protocol: string }[];
  readonly endpoints: readonly EndpointView[];
}

export interface DeploymentView {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createdMs: number;
  readonly replicas: number;
  readonly updatedReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly selector: Readonly<Record<string, string>>;
  readonly containers: readonly { readonly name: string; readonly image: string }[];
}

export interface EventView {
  readonly namespace: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  /** `Pod`, `Service`, `Deployment`, `ReplicaSet`, `Node`… */
  readonly objectKind: string;
  readonly objectName: string;
  readonly message: string;
  /** `kubelet`, `default-scheduler`, `deployment-controller`… */
  readonly source: string;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly count: number;
}

export interface NodeView {
  readonly name: string;
  readonly createdMs: number;
  readonly ready: boolean;
  /** Cordoned (`spec.unschedulable`): STATUS gets `,SchedulingDisabled`, describe a NoSchedule taint. */
  readonly unschedulable: boolean;
  /** The availability zone (`topology.kubernetes.io/zone`), when known. */
  readonly zone?: string;
  /** When the Ready condition last changed (LastTransitionTime); creation when absent. */
  readonly readyChangedMs?: number;
  /** The kubelet's last status post reaching the API server, while it is cut off (LastHeartbeatTime of a NotReady node). */
  readonly lastHeartbeatMs?: number;
  /** The EC2 instance behind it (`ProviderID: aws:///eu-west-1a/i-…`), when known. */
  readonly instanceId?: string;
  readonly roles: readonly string[];
  readonly version: string;
  readonly internalIp: string;
  readonly externalIp?: string;
  readonly osImage: string;
  readonly kernelVersion: string;
  readonly containerRuntime: string;
}

/**
 * A change kubectl asks of the cluster (`kubectl scale`, `cordon`,
 * `uncordon`, `drain`). The world makes it through its own commands, so it
 * is recorded and replays with the run.
 */
export type ClusterChange =
  | { readonly kind: 'scale'; readonly namespace: string; readonly name: string; readonly replicas: number }
  | { readonly kind: 'cordon' | 'uncordon' | 'drain'; readonly node: string };

/** Everything kubectl can list, at one instant. */
export interface ClusterView {
  /** The namespace of the current kubectl context (usually `default`). */
  readonly namespace: string;
  readonly pods: readonly PodView[];
  readonly services: readonly ServiceView[];
  readonly endpointSlices: readonly EndpointSliceView[];
  readonly deployments: readonly DeploymentView[];
  readonly events: readonly EventView[];
  readonly nodes: readonly NodeView[];
}
