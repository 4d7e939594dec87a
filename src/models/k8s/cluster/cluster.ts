/**
 * A Kubernetes cluster on the engine: nodes, the objects applied to it, its
 * pods (each a pod machine), and the controllers that connect them —
 * scheduler, Deployment/ReplicaSet, EndpointSlice, one kube-proxy per node,
 * cluster DNS. Network-agnostic: the world carries out probes, runs the app
 * behind each pod IP, and asks kube-proxy where each new connection goes.
 * Everything a controller decides is written to the trace with its `why`.
 */
import type { Engine, Random, Trace, TraceInput } from '../../../sim';
import type { Problem } from '../api/problems';
import { Findings } from '../api/problems';
import type { DefaultedConfigMap, DefaultedDeployment, DefaultedManifest } from '../api/types';
import type { ClusterDnsAnswer, ResolvConf } from '../dns/cluster-dns';
import { lookupClusterName, podResolvConf } from '../dns/cluster-dns';
import { EndpointsController } from '../endpoints/controller';
import type { EndpointSlice } from '../endpoints/slice';
import type { PodRuntime } from '../pod/pod';
import type { PodTiming } from '../pod/pod.types';
import { DEFAULT_POD_TIMING } from '../pod/pod.types';
import type { PodRow } from '../pod/kubectl';
import { formatTable } from '../pod/kubectl';
import type { HealthzAnswer } from '../proxy/healthz';
import { KubeProxy } from '../proxy/kube-proxy';
import type { NewConnection, ProxyDecision } from '../proxy/route';
import type { SyncTiming } from '../proxy/sync-runner';
import { DEFAULT_SYNC_TIMING } from '../proxy/sync-runner';
import type { DeploymentState } from '../workloads/deployments';
import { DeploymentController } from '../workloads/deployments';
import type { Cidr } from './ipv4';
import { parseCidr } from './ipv4';
import type { ClusterNode, NodeSpec } from './nodes';
import { DEFAULT_CLUSTER_CIDR, layoutNodes } from './nodes';
import type { ClusterWorld } from './cluster-world';
import { NodeController } from './node-controller';
import type { ApplyProblem } from './apply-check';
import { applyChanges, type ApplyResult } from './apply-changes';
import type { PendingPod } from './pending-pods';
import { PodRegistry } from './pod-registry';
import { DEFAULT_NODE_PORT_RANGE, DEFAULT_SERVICE_CIDR } from './service-ips';
import type { ServiceState } from './services';
import { ServiceRegistry } from './services';

export type { ClusterWorld } from './cluster-world';

export interface ClusterOptions {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly nodes: readonly NodeSpec[];
  readonly world: ClusterWorld;
  /** Pod network (`--cluster-cidr`), default 10.244.0.0/16, one /24 per node. */
  readonly clusterCidr?: string;
  readonly serviceCidr?: string;
  readonly nodePortRange?: readonly [number, number];
  /** Default pod timing; a Deployment can override it at apply. */
  readonly podTiming?: Partial<PodTiming>;
  readonly proxy?: Partial<SyncTiming>;
  /** From an EndpointSlice change to kube-proxy hearing of it (default 0). */
  readonly endpointPropagationMs?: number;
  readonly dnsTtlSeconds?: number;
  /** The AWS Load Balancer Controller's Service webhook is installed (v2.5+). */
  readonly lbcWebhook?: boolean;
}

export type { ApplyProblem } from './apply-check';

export interface ApplyOptions {
  /** Simulation-only timing per Deployment (`namespace/name`): how the app starts, crashes, stops. */
  readonly podTiming?: Readonly<Record<string, Partial<PodTiming>>>;
}

const ORDER: Readonly<Record<DefaultedManifest['kind'], number>> = { Namespace: 0, ConfigMap: 1, Service: 2, Deployment: 3 };

export class Cluster {
  readonly nodes: readonly ClusterNode[];
  readonly clusterCidr: Cidr;
  private readonly engine: Engine;
  private readonly trace: Trace;
  private readonly random: Random;
  private readonly world: ClusterWorld;
  private readonly services: ServiceRegistry;
  private readonly namespaces = new Set<string>(['default', 'kube-system']);
  private readonly configMaps = new Map<string, DefaultedConfigMap>();
  private readonly pods: PodRegistry;
  private readonly proxies = new Map<string, KubeProxy>();
  private readonly deployments: DeploymentController;
  private readonly endpoints: EndpointsController;
  private readonly nodeController: NodeController;
  private readonly podTiming: PodTiming;
  private readonly dnsTtl: number | undefined;

  constructor(options: ClusterOptions) {
    this.engine = options.engine;
    this.trace = options.trace;
    this.random = options.random;
    this.world = options.world;
    this.nodes = layoutNodes(options.nodes, options.clusterCidr ?? DEFAULT_CLUSTER_CIDR);
    this.clusterCidr = parseCidr(options.clusterCidr ?? DEFAULT_CLUSTER_CIDR);
    this.podTiming = { ...DEFAULT_POD_TIMING, ...options.podTiming };
    this.dnsTtl = options.dnsTtlSeconds;
    this.services = new ServiceRegistry(
      options.serviceCidr ?? DEFAULT_SERVICE_CIDR,
      options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE,
      this.random.stream('k8s:service-ips'),
      { ...(options.lbcWebhook !== undefined ? { lbcWebhook: options.lbcWebhook } : {}) },
    );
    const timing = { ...DEFAULT_SYNC_TIMING, ...options.proxy };
    for (const node of this.nodes) {
      const proxy = new KubeProxy(node, this.engine, timing, this.clusterCidr, this.random.stream(`k8s:kube-proxy:${node.name}`), (changes, waitedMs) =>
        this.trace.record({
          kind: 'decision',
          component: `kube-proxy:${node.name}`,
          decision: 'sync rules',
          why: `rules rewritten ${waitedMs} ms after the change reached kube-proxy (min-sync-period ${timing.minSyncPeriodMs} ms): ${changes.join('; ')}`,
        }),
      );
      this.proxies.set(node.name, proxy);
    }
    this.endpoints = new EndpointsController(
      {
        engine: this.engine,
        trace: this.trace,
        services: () => this.services.all(),
        pods: () => this.pods.forEndpoints(),
        proxies: () => [...this.proxies.values()],
        propagationMs: options.endpointPropagationMs ?? 0,
      },
      this.random.stream('k8s:endpointslice-names'),
    );
    this.deployments = new DeploymentController({
      engine: this.engine,
      trace: this.trace,
      podsOf: (owner) => this.pods.replicas(owner),
      createPod: (source) => this.pods.create(source),
      deletePod: (ns, name, why) => this.pods.delete(ns, name, why),
    });
    this.pods = new PodRegistry({
      engine: this.engine,
      trace: this.trace,
      random: this.random,
      world: this.world,
      nodes: this.nodes,
      endpointsChanged: (why, pod) => this.endpoints.requestSync(why, pod),
      ownerChanged: (owner) => this.deployments.requestReconcile(owner),
      unfit: (node) => this.nodeController.unfit(node.name),
      nodeReady: (node) => this.nodeController.isReady(node),
      kubeletReachable: (node) => this.nodeController.kubeletReachable(node),
    });
    this.nodeController = new NodeController({
      engine: this.engine,
      trace: this.trace,
      nodes: this.nodes,
      readinessChanged: (node, ready, why) => this.pods.nodeReadinessChanged(node, ready, why),
      evictAll: (node, why, taintManager) => void this.pods.evictAll(node, why, taintManager),
      schedulable: () => this.pods.retryPending(),
      kubeletBack: (node) => this.pods.kubeletBack(node),
    });
  }

  // ---- Applying objects -----------------------------------------------------

  /** Create the objects (Namespaces first, then ConfigMaps, Services, Deployments); returns the problems found. */
  apply(manifests: readonly DefaultedManifest[], options: ApplyOptions = {}): ApplyProblem[] {
    const problems: ApplyProblem[] = [];
    const order = manifests.map((m, index) => ({ m, index })).sort((a, b) => ORDER[a.m.kind] - ORDER[b.m.kind] || a.index - b.index);
    for (const { m, index } of order) {
      for (const problem of this.applyOne(m, options)) problems.push({ index, problem });
    }
    return problems.sort((a, b) => a.index - b.index);
  }

  private applyOne(m: DefaultedManifest, options: ApplyOptions): Problem[] {
    const f = new Findings();
    const { name, namespace } = m.metadata;
    if (m.kind === 'Namespace') {
      this.namespaces.add(name);
      return [];
    }
    if (!this.namespaces.has(namespace)) {
      f.error(['metadata', 'namespace'], `an existing namespace (${[...this.namespaces].join(', ')}) or a Namespace in the same scenario`, `Not found: namespaces "${namespace}" not found`);
      return f.problems;
    }
    const key = `${namespace}/${name}`;
    switch (m.kind) {
      case 'ConfigMap':
        this.configMaps.set(key, m);
        return [];
      case 'Service': {
        const created = this.services.create(m);
        if (!created.ok) return [...created.problems];
        this.trace.record({ kind: 'decision', component: `service:${key}`, decision: 'allocate', why: created.why });
        this.world.serviceChanged?.(created.service, created.why);
        this.endpoints.requestSync(`Service ${key} created`);
        return [];
      }
      case 'Deployment': {
        if (this.deployments.get(key) !== undefined) {
          f.error(['metadata', 'name'], 'a name no other Deployment in the namespace has', `Duplicate value: deployments.apps "${name}" already exists`);
          return f.problems;
        }
        this.checkVolumes(m, f);
        if (f.problems.length > 0) return f.problems;
        this.deployments.add(m, { ...this.podTiming, ...options.podTiming?.[key] });
        return [];
      }
    }
  }

  /**
   * `kubectl apply` while the cluster runs. Every object is checked first and
   * nothing changes when any is refused. New objects are created; a
   * Deployment with a new replica count scales, with a new pod template rolls
   * out; a Service takes its new selector and ports. Returns kubectl's lines
   * (`deployment.apps/web configured`).
   */
  applyChanges(manifests: readonly DefaultedManifest[], why: string): ApplyResult {
    return applyChanges(
      {
        trace: this.trace,
        namespaces: this.namespaces,
        configMaps: this.configMaps,
        services: this.services,
        deployments: this.deployments,
        create: (m) => void this.applyOne(m, {}),
        endpointsChanged: (reason) => this.endpoints.requestSync(reason),
      },
      manifests,
      why,
    );
  }


  /** A pod that mounts a missing ConfigMap would stay in ContainerCreating forever; say so up front. */
  private checkVolumes(d: DefaultedDeployment, f: Findings): void {
    d.template.spec.volumes.forEach((v, i) => {
      if (v.configMap === undefined) return;
      if (!this.configMaps.has(`${d.metadata.namespace}/${v.configMap.name}`)) {
        f.error(['spec', 'template', 'spec', 'volumes', i, 'configMap', 'name'], 'the name of a ConfigMap in the same namespace', `Not found: configmaps "${v.configMap.name}" not found`);
      }
    });
  }

  // ---- Commands --------------------------------------------------------------

  /** `kubectl delete pod` (or an eviction): the pod terminates and its Deployment replaces it. */
  deletePod(namespace: string, name: string, why: string): boolean {
    return this.pods.delete(namespace, name, why);
  }

  /** The app in the pod's container exited by itself (a crash fault, or the backend model deciding to die). */
  crashContainer(namespace: string, name: string, why: string, exitCode = 1): boolean {
    const pod = this.pods.get(namespace, name);
    if (pod === undefined) return false;
    pod.send({ type: 'CRASH', why, exitCode });
    return true;
  }

  // ---- Nodes -------------------------------------------------------------------

  /** `kubectl cordon`: new pods no longer go to the node. False when it was already cordoned or is unknown. */
  cordon(node: string, why: string): boolean {
    return this.nodeController.cordon(node, why);
  }

  /** `kubectl uncordon`: the node takes pods again (Pending pods are tried at once). */
  uncordon(node: string, why: string): boolean {
    return this.nodeController.uncordon(node, why);
  }

  /** `kubectl drain`: cordon, then evict every pod on the node; their ReplicaSets replace them elsewhere. */
  drain(node: string, why: string): boolean {
    if (!this.nodeController.has(node)) return false;
    this.nodeController.drain(node, why);
    return true;
  }

  /** The node's kubelet loses (`reachable` false) or regains the control plane: the node lifecycle controller reacts. */
  setKubeletReachable(node: string, reachable: boolean, why: string): void {
    if (reachable) this.nodeController.reconnect(node, why);
    else this.nodeController.cut(node, why);
  }

  /** `kubectl get nodes` STATUS: Ready, NotReady, with `,SchedulingDisabled` when cordoned. */
  nodeStatus(node: string): string {
    return this.nodeController.status(node);
  }

  /** The node's Ready condition is True and it is not cordoned: whether the scheduler may use it. */
  nodeSchedulable(node: string): boolean {
    return this.nodeController.unfit(node) === undefined;
  }

  /** Pods no node could take, with the scheduler's reason. */
  pendingPods(): PendingPod[] {
    return this.pods.pendingPods();
  }

  /** `kubectl scale deployment`. */
  scale(namespace: string, name: string, replicas: number, why: string): boolean {
    return this.deployments.scale(`${namespace}/${name}`, replicas, why);
  }

  /** The load balancer controller wrote the hostname into `status.loadBalancer.ingress`. */
  setLoadBalancerIngress(namespace: string, name: string, hostname: string): boolean {
    const service = this.services.setIngress(namespace, name, hostname);
    if (service === undefined) return false;
    const why = `${namespace}/${name}: ${service.loadBalancer.kind === 'nlb' ? service.loadBalancer.controller : 'the controller'} wrote status.loadBalancer.ingress[0].hostname`;
    this.trace.record({ kind: 'state', component: `service:${namespace}/${name}`, from: '<pending>', to: hostname, why });
    this.world.serviceChanged?.(service, why);
    return true;
  }

  // ---- Traffic ---------------------------------------------------------------

  /** kube-proxy on `node` decides where a new connection goes; the decision is traced. */
  connect(node: string, connection: NewConnection, requestId?: string): ProxyDecision {
    const proxy = this.proxies.get(node);
    if (proxy === undefined) throw new Error(`no node named ${node}`);
    const decision = proxy.connect(connection);
    const summary = proxy.summary(decision);
    const component = proxy.component;
    // Two literals rather than a conditional spread: this runs for every new connection (same key order either way).
    // `t` and `seq` are placeholders the trace stamps, written first so the record keeps its shape.
    if (requestId !== undefined) this.trace.record({ t: 0, seq: 0, kind: 'decision', component, decision: summary, requestId, why: decision.why } as TraceInput);
    else this.trace.record({ t: 0, seq: 0, kind: 'decision', component, decision: summary, why: decision.why } as TraceInput);
    return decision;
  }

  /** The healthCheckNodePort answer on `node`, as kube-proxy's rules stand now. */
  healthz(node: string, port: number): HealthzAnswer | undefined {
    return this.proxies.get(node)?.healthz(port);
  }

  /** Cluster DNS: an A query for a fully qualified name. */
  lookup(name: string): ClusterDnsAnswer {
    return lookupClusterName(this.services.records(), name, this.dnsTtl !== undefined ? { ttl: this.dnsTtl } : {});
  }

  /** The address of cluster DNS (kube-dns), the CIDR's tenth. */
  get dnsIp(): string {
    return this.services.clusterIps.dnsIp;
  }

  resolvConf(namespace: string): ResolvConf {
    return podResolvConf(namespace, this.dnsIp);
  }

  // ---- Reading -----------------------------------------------------------------

  service(namespace: string, name: string): ServiceState | undefined {
    return this.services.get(namespace, name);
  }

  allServices(): ServiceState[] {
    return this.services.all();
  }

  configMap(namespace: string, name: string): DefaultedConfigMap | undefined {
    return this.configMaps.get(`${namespace}/${name}`);
  }

  /** Every Deployment, as `namespace/name`, sorted. */
  deploymentKeys(): string[] {
    return this.deployments
      .all()
      .map((d) => `${d.spec.metadata.namespace}/${d.spec.metadata.name}`)
      .sort();
  }

  deployment(namespace: string, name: string): DeploymentState | undefined {
    return this.deployments.get(`${namespace}/${name}`);
  }

  endpointSlices(namespace: string, name: string): readonly EndpointSlice[] {
    return this.endpoints.slicesOf(namespace, name);
  }

  /** Live pods (terminating included), in name order. */
  podList(namespace?: string): PodRuntime[] {
    return this.pods.list(namespace);
  }

  pod(namespace: string, name: string): PodRuntime | undefined {
    return this.pods.get(namespace, name);
  }

  /** `kubectl get pods [-o wide]` rows and text. */
  getPods(namespace = 'default'): PodRow[] {
    return [...this.podList(namespace).map((p) => p.row()), ...this.pods.unscheduledRows(namespace)].sort((a, b) => (a.NAME < b.NAME ? -1 : a.NAME > b.NAME ? 1 : 0));
  }

  kubectlGetPods(namespace = 'default', wide = false): string {
    const rows = this.getPods(namespace);
    return rows.length === 0 ? `No resources found in ${namespace} namespace.` : formatTable(rows, wide);
  }

  /** `iptables-save -t nat` on a node, as its kube-proxy has programmed it. */
  iptablesSave(node: string): string {
    const proxy = this.proxies.get(node);
    if (proxy === undefined) throw new Error(`no node named ${node}`);
    return proxy.iptablesSave();
  }
}
