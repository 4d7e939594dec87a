/**
 * A scenario once validated: plain data with every default filled in, ready
 * for `createWorld`. The YAML format it comes from is described in `format.ts`.
 *
 * Two kinds of scenario share the type. A direct one (`topology`) joins
 * clients to servers by explicit links, with no DNS: the first step of the
 * story. A full one (`dns`, `machines`, `proxies`, `cluster`, `traffic`,
 * `faults`) has clients that resolve names and connect across a modelled
 * internet, a forward proxy, an AWS NLB and a Kubernetes cluster.
 */
import type { LinkSpec } from '../net';
import type { Arrival, TrafficClientConfig } from '../models/client';
import type { AppSpec } from '../models/backend';
import type { ServerConfig } from '../models/backend';
import type { DefaultedConfigMap, DefaultedDeployment, DefaultedManifest, DefaultedService } from '../models/k8s/api/types';
import type { NginxConfig } from '../models/nginx/model';
import type { VpcLatency } from './runtime/placement';

export interface Scenario {
  /** The file it was loaded from, as given to `loadScenario`. */
  readonly file: string;
  readonly name: string;
  /** '' when the file has none. */
  readonly description: string;
  /** The seed to use when the caller does not choose one (default 1). */
  readonly seed: number;
  readonly topology: Topology;
  readonly dns?: DnsSpec;
  readonly machines: readonly MachineSpec[];
  readonly proxies: readonly ProxySpec[];
  readonly cluster?: ClusterSpec;
  /** Deployment name → how the app in its pods behaves. */
  readonly apps: Readonly<Record<string, AppSpec>>;
  readonly traffic: readonly TrafficSpec[];
  readonly faults: readonly FaultSpec[];
}

export interface Topology {
  readonly clients: readonly ClientSpec[];
  readonly servers: readonly ServerSpec[];
  readonly links: readonly LinkSpec[];
}

export interface ClientSpec {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  /** Id of the server it sends to. */
  readonly target: string;
  readonly requests: RequestsSpec;
}

export interface RequestsSpec {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly path: string;
  readonly arrival: Arrival;
  /** How long the client waits for an answer before giving up. */
  readonly timeoutMs: number;
}

/** A server: id, label, address, port, latency range and error rate. */
export type ServerSpec = ServerConfig;

export type { LinkSpec };

// ---- full scenarios ---------------------------------------------------------

export interface DnsSpec {
  readonly resolvers: readonly ResolverSpec[];
  /** One-way distance of the root, TLD and authoritative servers to the backbone. */
  readonly serverLinkMs: number;
  readonly zones: readonly ZoneSpec[];
}

export interface ResolverSpec {
  readonly id: string;
  readonly address: string;
  readonly linkMs: number;
}

export interface ZoneSpec {
  /** The hosted zone's apex, e.g. `my-nlb-url.com`. */
  readonly zone: string;
  readonly nameServers: readonly { readonly name: string; readonly ip: string }[];
  readonly records: readonly RecordSpec[];
}

export type RecordSpec =
  | { readonly kind: 'a'; readonly name: string; readonly addresses: readonly string[]; readonly ttlS: number }
  | { readonly kind: 'cname'; readonly name: string; readonly target: string; readonly ttlS: number }
  /** A Route 53 alias to the NLB of a LoadBalancer Service (`namespace/name` or `name`). */
  | { readonly kind: 'alias'; readonly name: string; readonly service: string };

export type MachineRole = { readonly kind: 'app'; readonly app: AppSpec } | { readonly kind: 'nginx'; readonly nginx: NginxSpec };

export interface MachineSpec {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  /** The port its program listens on. */
  readonly port: number;
  readonly linkMs: number;
  readonly role: MachineRole;
  /** An app next to nginx on the same machine, reached through loopback (`proxy_pass http://localhost:3000`). */
  readonly localApp?: LocalAppSpec;
}

/** An app on an nginx machine: its own component on the fabric, reached from nginx on 127.0.0.1 (loopback). */
export interface LocalAppSpec {
  /** Its component id: `<machine id>-app`. */
  readonly component: string;
  readonly port: number;
  readonly app: AppSpec;
}

/** nginx on a machine: its configuration (checked at load) and the files `root` serves. */
export interface NginxSpec {
  /** Files by name relative to /etc/nginx (`nginx.conf`, `conf.d/default.conf`). */
  readonly files: Readonly<Record<string, string>>;
  readonly entry: string;
  /** The checked configuration, with every upstream host resolved to a placeholder (the world resolves for real). */
  readonly checked: NginxConfig;
  /** Absolute path → content, for `root` and `alias`. */
  readonly docs: Readonly<Record<string, string>>;
}

export interface ProxySpec {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  readonly port: number;
  readonly linkMs: number;
  /** Resolver id; the first resolver when absent. */
  readonly resolver?: string;
  readonly forwardedFor: boolean;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
}

export interface NodeSpecScenario {
  readonly name: string;
  readonly ip: string;
  readonly az: string;
}

export interface LoadBalancerSpec {
  /** The LoadBalancer Service (`namespace/name`). */
  readonly service: string;
  /** The NLB's name (`a1b2…` when generated). */
  readonly name?: string;
  /** Public address of the NLB node per AZ; generated when absent. */
  readonly addresses: Readonly<Record<string, string>>;
  readonly linkMs: number;
}

export interface ClusterSpec {
  readonly region: string;
  readonly nodes: readonly NodeSpecScenario[];
  readonly latency: VpcLatency;
  /** CoreDNS TTL for Service records. */
  readonly dnsTtlS: number;
  readonly loadBalancers: readonly LoadBalancerSpec[];
  readonly manifests: readonly DefaultedManifest[];
  readonly deployments: readonly DefaultedDeployment[];
  readonly services: readonly DefaultedService[];
  readonly configMaps: readonly DefaultedConfigMap[];
  /** nginx Deployments' configuration, by Deployment (`namespace/name`). */
  readonly nginx: Readonly<Record<string, NginxSpec>>;
  /** Real Kubernetes fields the manifests use that change nothing here, for the author to see. */
  readonly ignored: readonly string[];
}

/**
 * A traffic entry as the scenario states it: the client's own configuration,
 * with the proxy and resolver named by id (the world resolves them) and the
 * host cache left to its per-kind default.
 */
export interface TrafficSpec extends Omit<TrafficClientConfig, 'proxy' | 'hostCache'> {
  readonly linkMs: number;
  readonly resolver?: string;
  readonly proxy?: string;
  /** Stop sending at this virtual time (keeps sending when absent). */
  readonly stopMs?: number;
  /** Keep DNS answers in a host cache; browsers do by default, load generators do not. */
  readonly hostCache?: boolean;
}

/** Kinds of fault a scenario can schedule (and an instructor inject). */
export type FaultKind =
  | 'crash'
  | 'recover'
  | 'hang'
  | 'slow'
  | 'unhealthy'
  | 'heal'
  | 'kill'
  | 'drain'
  | 'cordon'
  | 'uncordon'
  | 'lose-az'
  | 'restore-az'
  | 'dns-ttl'
  | 'dns-record'
  | 'nlb-health-check'
  | 'cut-link'
  | 'restore-link'
  | 'scale';

/** Values some fault kinds take besides their target: flat fields, so a command stays flat JSON. */
export interface FaultSettings {
  /** `dns-ttl`: the record's new TTL, in seconds. */
  readonly ttlS?: number;
  /** `dns-record`: the new data: addresses (`10.0.1.5,10.0.2.5`), `alias:<service>` or a host name (a CNAME). */
  readonly value?: string;
  /** `nlb-health-check`: new interval, timeout (seconds) and thresholds; absent ones stay. */
  readonly intervalS?: number;
  readonly timeoutS?: number;
  readonly healthyThreshold?: number;
  readonly unhealthyThreshold?: number;
  /** `scale`: the Deployment's new replica count. */
  readonly replicas?: number;
}

export interface FaultSpec extends FaultSettings {
  readonly atMs: number;
  readonly kind: FaultKind;
  /** A machine id, `deployment/index`, a pod name, a node name or an AZ, by kind. */
  readonly target: string;
  /** Undo it after this long. */
  readonly forMs?: number;
  /** `slow`: the extra time per request. */
  readonly byMs?: number;
}
