/**
 * The Kubernetes component: the part of the Kubernetes API the simulation
 * reads (with the API server's defaults and line-mappable validation), and a
 * running cluster — pods with kubelet probes and CrashLoopBackOff,
 * Deployments, EndpointSlices, kube-proxy's iptables decisions per node, and
 * cluster DNS for Services.
 *
 * How a world uses it:
 *
 * 1. Validate each manifest the scenario parsed with {@link validateManifest}
 *    (problems carry a `path` for `doc.getIn(path)`), then create a
 *    {@link Cluster} with the nodes and a {@link ClusterWorld}, and
 *    `cluster.apply(defaulted, { podTiming })`.
 * 2. `world.probe(pod, request, answer)`: deliver the probe to `request.ip:request.port`
 *    and call `answer` later on the engine clock (no answer = timeout).
 *    `containerStarted` / `containerStopping` / `containerExited` /
 *    `podRemoved` say when the app behind a pod IP runs, gets SIGTERM, dies,
 *    and when the IP is free.
 * 3. For each new TCP connection that reaches a node (a NodePort from the
 *    NLB, a ClusterIP from a pod), call `cluster.connect(node, connection)`:
 *    it returns where kube-proxy sends it (pod IP and port, source after
 *    SNAT, extra hop), a health-check answer, or refused/dropped, with a `why`.
 * 4. Cluster DNS: `cluster.lookup(fqdn)`; the search list is `cluster.resolvConf(ns)`.
 * 5. The load balancer controller reads `cluster.service(ns, name)` (NodePorts,
 *    healthCheckNodePort, `loadBalancer` plan) and writes the NLB's name
 *    back with `cluster.setLoadBalancerIngress`.
 * 6. Faults: `deletePod`, `crashContainer`, `scale`; nodes: `cordon`,
 *    `uncordon`, `drain`, `setKubeletReachable` (the node lifecycle
 *    controller marks a silent node NotReady and evicts its pods);
 *    `applyChanges` for `kubectl apply` while running (scale, rolling update).
 */

// API subset: types, defaults, validation.
export type * from './api/types';
export { PROBE_DEFAULTS, HTTP_GET_DEFAULTS, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, defaultProbe } from './api/probe-defaults';
export { defaultDeployment, defaultService, defaultConfigMap, defaultNamespace, defaultContainer, DEFAULT_NAMESPACE } from './api/defaults';
export { validateManifest, SUPPORTED_KINDS } from './api/validate';
export { validateDeployment } from './api/validate-deployment';
export { validateService } from './api/validate-service';
export { validateConfigMap, validateNamespace } from './api/validate-config';
export { formatPath, type Problem, type IgnoredField, type Validated, type PathSegment } from './api/problems';
export {
  loadBalancerPlan,
  ANNOTATION_LB_TYPE,
  ANNOTATION_NLB_TARGET_TYPE,
  LBC_CLASS,
  type LoadBalancerPlan,
  type LoadBalancerController,
} from './api/load-balancer-class';

// The running cluster.
export { Cluster, type ClusterOptions, type ClusterWorld, type ApplyProblem, type ApplyOptions } from './cluster/cluster';
export type { NodeSpec, ClusterNode } from './cluster/nodes';
export type { PendingPod } from './cluster/pending-pods';
export {
  NODE_MONITOR_GRACE_PERIOD_MS,
  DEFAULT_TOLERATION_SECONDS,
  nodeStatus,
  notReadyAt,
  evictAt,
  readyAgainAt,
  unschedulableMessage,
  type NodeCondition,
} from './cluster/node-lifecycle';
export { planRollout, resolveFenceposts, type RolloutSet, type RolloutStep } from './workloads/rollout';
export type { ServiceState, AllocatedPort } from './cluster/services';
export { DEFAULT_SERVICE_CIDR, DEFAULT_NODE_PORT_RANGE } from './cluster/service-ips';
export { DEFAULT_CLUSTER_CIDR } from './cluster/nodes';

// Pods.
export { PodRuntime, type PodRef } from './pod/pod';
export { podMachine } from './pod/pod.machine';
export { probeWorkerMachine } from './pod/probe.machine';
export { DEFAULT_POD_TIMING, type PodTiming } from './pod/pod.types';
export { judgeProbe, type ProbeAnswer, type ProbeRequest, type ProbeVerdict } from './pod/probe-judge';
export { planRestart, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, BACKOFF_RESET_AFTER_MS, type BackoffEntry } from './pod/backoff';
export { formatTable, humanDuration, podStatus, podReady, podRestarts, type PodRow } from './pod/kubectl';
export type { PodView, ContainerState } from './pod/view';

// EndpointSlices.
export { buildSlices, MAX_ENDPOINTS_PER_SLICE, type EndpointSlice, type Endpoint, type EndpointConditions } from './endpoints/slice';

// kube-proxy.
export { routeConnection, type NewConnection, type ProxyDecision } from './proxy/route';
export { computeProbability, ruleProbability, formatProbability } from './proxy/probability';
export { chainRules, formatRule, describeRule, type ChainRule } from './proxy/rules';
export { iptablesSave } from './proxy/iptables-save';
export { healthzAnswer, type HealthzAnswer } from './proxy/healthz';
export { categorize, type ProxyEndpoint } from './proxy/categorize';
export type { ServicePortInfo } from './proxy/service-port';
export { DEFAULT_SYNC_TIMING, type SyncTiming } from './proxy/sync-runner';

// Cluster DNS.
export { lookupClusterName, podResolvConf, formatResolvConf, CLUSTER_DOMAIN, type ClusterDnsAnswer, type ResolvConf } from './dns/cluster-dns';
