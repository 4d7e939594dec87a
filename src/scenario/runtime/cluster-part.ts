/**
 * The Kubernetes cluster in a full world: the cluster model (`models/k8s`)
 * with its pods, controllers and kube-proxies, and the world's side of its
 * contract — nodes and pods as components on the fabric, probes carried out
 * as `health` connections from the node, the program in each container
 * started and stopped as the kubelet says, kube-proxy asked where each new
 * connection to a NodePort or ClusterIP goes, and the NLB built when the
 * LoadBalancer Service has its NodePort.
 */
import type { Engine, Random, Trace } from '../../sim';
import type { AppFaults, AppSpec } from '../../models/backend';
import { Cluster, type ClusterWorld } from '../../models/k8s/cluster/cluster';
import type { PodRef, PodRuntime } from '../../models/k8s/pod/pod';
import type { ProbeAnswer, ProbeRequest } from '../../models/k8s/pod/probe-judge';
import { DEFAULT_APP } from '../sections/app-default';
import type { ClusterSpec } from '../types';
import type { Hosts } from './hosts';
import type { NlbPart } from './nlb-part';
import { PortCounter } from './net-adapters';
import { runCheck } from './health-probe';
import { kubeNodeHost, resolveAtStart } from './kube-node';
import type { NginxFiles } from './nginx-process';
import { startProgram, type Program, type RunningProcess, type StartupResolve } from './pod-process';
import type { Tcp } from './tcp';
import type { Host, Syn, SynVerdict } from './tcp-types';

export interface ClusterDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly hosts: Hosts;
  readonly tcp: () => Tcp;
  readonly nlbs: NlbPart;
  readonly apps: Readonly<Record<string, AppSpec>>;
}

interface PodSlot {
  readonly ref: PodRef;
  readonly component: string;
  /** Containers started; a process started for an older one is never installed. */
  generation: number;
  process?: RunningProcess;
  /** Conditions that outlive a restart. */
  faults: Partial<AppFaults>;
  /** nginx files reloaded into this pod alone (its next containers read them too). */
  nginxFiles?: NginxFiles;
}

/** The trace component of a pod, as the cluster model names it. */
export function podComponent(ref: Pick<PodRef, 'namespace' | 'name'>): string {
  return `pod:${ref.namespace}/${ref.name}`;
}

/** A probe from the kubelet to a pod on its own node, through the node's bridge. */
const LOCAL_PROBE_MS = 0.1;

export class ClusterPart {
  readonly cluster: Cluster;
  private readonly pods = new Map<string, PodSlot>();
  private readonly probePorts = new PortCounter();
  private readonly nodeIps = new Map<string, string>();
  /** Every Service's ClusterIP, kept as Services are created (asked on every new connection). */
  private readonly clusterIps = new Set<string>();
  /** nginx files reloaded into a Deployment's pods, by Deployment (`ns/name`): what its new containers read. */
  private readonly nginxEdits = new Map<string, NginxFiles>();
  /** Nodes in a lost AZ. */
  private readonly cutOff = new Set<string>();
  /** The last answer each probe got (`component|kind`), which a cut-off kubelet keeps seeing. */
  private readonly lastProbe = new Map<string, ProbeAnswer>();

  constructor(
    private readonly spec: ClusterSpec,
    private readonly deps: ClusterDeps,
  ) {
    const world: ClusterWorld = {
      probe: (pod, request, answer) => this.probe(pod, request, answer),
      containerStarted: (pod) => this.started(pod),
      containerExited: (pod, _code, why) => this.exited(pod, why),
      podRemoved: (pod) => this.removed(pod),
      serviceChanged: (service) => {
        this.clusterIps.add(service.clusterIP);
        if (service.spec.type !== 'LoadBalancer' || service.ingress.length > 0) return;
        const problem = deps.nlbs.build(service, this.cluster.nodes);
        if (problem !== undefined) {
          deps.trace.record({ kind: 'decision', component: `service:${service.spec.metadata.namespace}/${service.spec.metadata.name}`, decision: 'no load balancer', why: problem });
          return;
        }
        const { namespace, name } = service.spec.metadata;
        const ref = `${namespace}/${name}`;
        deps.engine.schedule(0, () => this.cluster.setLoadBalancerIngress(namespace, name, deps.nlbs.dnsName(ref)), 'lb ingress');
      },
    };
    this.cluster = new Cluster({
      engine: deps.engine,
      trace: deps.trace,
      random: deps.random,
      nodes: spec.nodes.map((n) => ({ name: n.name, ip: n.ip, az: n.az })),
      world,
      dnsTtlSeconds: spec.dnsTtlS,
    });
    for (const node of this.cluster.nodes) {
      this.nodeIps.set(node.name, node.ip);
      deps.hosts.add(
        {
          id: node.name,
          kind: 'node',
          label: node.name,
          address: node.ip,
          host: kubeNodeHost(node.name, node.ip, this.cluster, deps.hosts, (component) => this.pods.get(component)?.ref.node),
          state: () => this.cluster.nodeStatus(node.name),
          counters: () => ({ pods: this.cluster.podList().filter((p) => p.ref.node === node.name).length }),
          details: () => ({ az: node.az, instanceId: node.instanceId, podCidr: `${node.podCidr.base}` }),
        },
        { kind: 'vpc', az: node.az, node: node.name, edgeMs: 1 },
        [node.ip],
      );
    }
  }

  /** Apply the manifests: Services get their IPs and ports, Deployments their pods. */
  start(): void {
    const problems = this.cluster.apply(this.spec.manifests);
    for (const { problem } of problems) {
      this.deps.trace.record({ kind: 'decision', component: 'kube-apiserver', decision: 'reject', why: problem.message });
    }
  }

  /**
   * An AZ is lost (or back): the kubelets of its nodes lose (or regain) the
   * control plane, and the node lifecycle controller reacts in its own time.
   */
  setAzLost(az: string, lost: boolean, why: string): void {
    for (const node of this.cluster.nodes) {
      if (node.az !== az) continue;
      if (lost) this.cutOff.add(node.name);
      else this.cutOff.delete(node.name);
      this.cluster.setKubeletReachable(node.name, !lost, why);
    }
  }

  /** Names of the Deployments (`ns/name`), for messages. */
  deploymentNames(): string[] {
    return this.cluster.deploymentKeys();
  }

  /** True for a ClusterIP (kube-proxy's business, on the sender's node). */
  isClusterIp(ip: string): boolean {
    return this.clusterIps.has(ip);
  }

  /** The node a component runs on (itself for a node), for ClusterIP routing. */
  nodeOf(component: string): string | undefined {
    if (this.nodeIps.has(component)) return component;
    return this.pods.get(component)?.ref.node;
  }

  /** kube-proxy on `node` decides where a new connection to a ClusterIP goes. */
  routeClusterIp(node: string, syn: Syn): SynVerdict {
    const d = this.cluster.connect(node, { dstIp: syn.dstIp, dstPort: syn.dstPort, srcIp: syn.srcIp, srcPort: syn.srcPort }, syn.requestId);
    if (d.kind === 'refused') return { kind: 'reset', why: d.why };
    if (d.kind !== 'forward') return { kind: 'drop', why: d.why };
    const next = this.deps.hosts.owner(d.to.ip);
    if (next === undefined) return { kind: 'drop', why: `no pod at ${d.to.ip}` };
    return { kind: 'forward', next, dstIp: d.to.ip, dstPort: d.to.port, srcIp: d.source.ip };
  }

  /** Pods of a Deployment, oldest first, not being deleted: `deployment/index` targets count in this order. */
  podsOf(deployment: string): PodRuntime[] {
    const [ns, name] = deployment.includes('/') ? deployment.split('/') : ['default', deployment];
    return this.cluster
      .podList(ns)
      .filter((p) => p.ref.owner === `${ns}/${name}` && p.view().deletedAt === undefined)
      .sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : 1));
  }

  /** The world component of a live pod. */
  slot(component: string): { ref: PodRef; process?: RunningProcess; faults: Partial<AppFaults> } | undefined {
    return this.pods.get(component);
  }

  /** Apply a fault to a pod: now to the running process, and to its next ones. */
  setPodFaults(component: string, faults: Partial<AppFaults>, why: string): void {
    const slot = this.pods.get(component);
    if (slot === undefined) return;
    slot.faults = { ...slot.faults, ...faults };
    slot.process?.app?.setFaults(faults, why);
  }

  /** The app in the pod exits by itself now. */
  crashPod(component: string, why: string): void {
    const slot = this.pods.get(component);
    if (slot === undefined) return;
    if (slot.process?.app !== undefined) slot.process.app.crash(why);
    else this.cluster.crashContainer(slot.ref.namespace, slot.ref.name, why);
  }

  /** Deployments (`ns/name`) that run nginx. */
  nginxDeployments(): string[] {
    return Object.keys(this.spec.nginx);
  }

  /** The nginx files a Deployment's new containers read, or undefined when it does not run nginx. */
  deploymentNginx(owner: string): NginxFiles | undefined {
    return this.nginxEdits.get(owner) ?? this.spec.nginx[owner];
  }

  /** The nginx files a pod runs, or undefined when it does not run nginx. */
  podNginx(component: string): NginxFiles | undefined {
    const slot = this.pods.get(component);
    return slot === undefined ? undefined : (slot.nginxFiles ?? this.deploymentNginx(slot.ref.owner));
  }

  /** Reloaded files: for every pod of the Deployment (`owner`), or for one pod (`component`), now and on restarts. */
  setNginxFiles(scope: { owner: string } | { component: string }, files: NginxFiles): void {
    if ('owner' in scope) {
      this.nginxEdits.set(scope.owner, files);
      for (const slot of this.pods.values()) if (slot.ref.owner === scope.owner) delete slot.nginxFiles;
      return;
    }
    const slot = this.pods.get(scope.component);
    if (slot !== undefined) slot.nginxFiles = files;
  }

  /** How nginx in a pod resolves upstream names (cluster DNS with the pod's search list). */
  resolverOf(component: string): StartupResolve {
    const ref = this.pods.get(component)?.ref;
    return (host) => (ref === undefined ? undefined : resolveAtStart(this.cluster, this.deps.trace, ref, component, host));
  }

  private program(ref: PodRef): Program {
    const nginx = this.spec.nginx[ref.owner];
    const files = this.podNginx(podComponent(ref));
    if (nginx !== undefined) return { kind: 'nginx', nginx: files === undefined ? nginx : { ...nginx, files: files.files, entry: files.entry } };
    return { kind: 'app', app: this.deps.apps[ref.owner] ?? DEFAULT_APP };
  }

  private started(ref: PodRef): void {
    const component = podComponent(ref);
    let slot = this.pods.get(component);
    if (slot === undefined) {
      slot = { ref, component, generation: 0, faults: {} };
      this.pods.set(component, slot);
      const node = this.cluster.nodes.find((n) => n.name === ref.node);
      this.deps.hosts.add(
        {
          id: component,
          kind: 'pod',
          label: ref.name,
          address: ref.ip,
          host: this.podHost(component),
          state: () => this.cluster.pod(ref.namespace, ref.name)?.row().STATUS ?? 'Gone',
          counters: () => this.podCounters(component),
          details: () => ({ node: ref.node, owner: ref.owner, image: ref.container.image }),
        },
        { kind: 'vpc', az: node?.az ?? '', node: ref.node, edgeMs: 1 },
        [ref.ip],
      );
    }
    // The process starts as its own engine event at the same instant: creating an actor from
    // inside the pod machine's action would run it in the middle of another actor's step.
    const started = slot;
    const generation = ++started.generation;
    this.deps.engine.schedule(0, () => {
      if (started.generation !== generation || this.pods.get(component) !== started) return;
      const carried: Partial<AppFaults> = { ...started.faults, hung: false };
      const ports = ref.container.ports.length > 0 ? ref.container.ports.map((p) => p.containerPort) : [80];
      started.process = startProgram(this.program(ref), component, ref.ip, ports, this.deps, {
        faults: carried,
        resolve: (host) => resolveAtStart(this.cluster, this.deps.trace, ref, component, host),
        // The kubelet hears of the exit as its own event: not from inside the app machine's step.
        crashed: (why) => this.deps.engine.schedule(0, () => this.cluster.crashContainer(ref.namespace, ref.name, why), 'container exit'),
        recordStates: false,
        running: false,
      });
    }, `start ${ref.name}`);
  }

  private exited(ref: PodRef, why: string): void {
    const slot = this.pods.get(podComponent(ref));
    if (slot === undefined) return;
    slot.generation++;
    slot.process?.exit(why);
    slot.process = undefined;
  }

  private removed(ref: PodRef): void {
    const component = podComponent(ref);
    const slot = this.pods.get(component);
    slot?.process?.exit('pod removed');
    this.pods.delete(component);
    this.lastProbe.delete(`${component}|readiness`);
    this.lastProbe.delete(`${component}|liveness`);
    this.lastProbe.delete(`${component}|startup`);
    this.deps.hosts.remove(component);
  }

  private podCounters(component: string): Record<string, number> {
    const slot = this.pods.get(component);
    const view = slot === undefined ? undefined : this.cluster.pod(slot.ref.namespace, slot.ref.name)?.view();
    return { ready: view?.ready === true ? 1 : 0, restarts: view?.restartCount ?? 0, ...(slot?.process?.counters() ?? {}) };
  }

  private podHost(component: string): Host {
    return {
      id: component,
      syn: (syn) => {
        const slot = this.pods.get(component);
        if (slot?.process?.listens(syn.dstPort) === true) return { kind: 'accept', server: slot.process.accept() };
        const state = slot === undefined ? 'gone' : (this.cluster.pod(slot.ref.namespace, slot.ref.name)?.row().STATUS ?? 'gone');
        return { kind: 'reset', why: `nothing listens on ${syn.dstIp}:${syn.dstPort} (pod ${state}${slot?.process === undefined ? ', no container running' : ', app not listening yet'})` };
      },
    };
  }

  private probe(ref: PodRef, request: ProbeRequest, answer: (a: ProbeAnswer) => void): void {
    const key = `${podComponent(ref)}|${request.kind}`;
    if (this.cutOff.has(ref.node)) {
      // A lost AZ cuts its nodes off from the rest, not from their own pods: the kubelet still
      // reaches them over the node's bridge. The fabric drops everything in the AZ, so the
      // probe is not sent; the pod answers as it last did (what the kubelet makes of it stays
      // on the node anyway, until the node is back).
      const last = this.lastProbe.get(key);
      if (last !== undefined) this.deps.engine.schedule(LOCAL_PROBE_MS, () => answer(last), `probe ${ref.name}`);
      return;
    }
    const reply = (a: ProbeAnswer) => {
      this.lastProbe.set(key, a);
      answer(a);
    };
    const h = request.handler;
    runCheck(
      this.deps.tcp(),
      this.deps.engine,
      {
        from: ref.node,
        srcIp: this.nodeIps.get(ref.node) ?? ref.ip,
        srcPort: this.probePorts.take(),
        dstIp: request.ip,
        dstPort: request.port,
        ...(h.kind === 'httpGet' ? { http: { id: `probe:${ref.name}:${request.kind}`, path: h.path, userAgent: 'kube-probe/1.30' } } : {}),
        timeoutMs: request.timeoutMs,
      },
      (result) => reply(result.kind === 'http' ? { outcome: 'http', status: result.status } : { outcome: result.kind }),
    );
  }
}
