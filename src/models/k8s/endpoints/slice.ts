/**
 * EndpointSlices for a Service, as the EndpointSlice controller builds them
 * (`pkg/controller/endpointslice`, `utils.go podToEndpoint`).
 *
 * Every pod the selector matches that has an IP is an endpoint, ready or not,
 * with three conditions: `serving` = the pod is Ready; `terminating` = the
 * pod is being deleted; `ready` = serving and not terminating. Named target
 * ports are resolved against each pod's container ports; pods with the same
 * resolved ports share a slice, at most 100 endpoints per slice
 * (`--max-endpoints-per-slice`). A Service without a selector gets no slices.
 */
import type { DefaultedContainer, DefaultedService, Protocol } from '../api/types';

/** What the controller reads from a pod. */
export interface PodForEndpoints {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ip?: string;
  readonly node?: string;
  readonly zone?: string;
  /** The pod's Ready condition. */
  readonly ready: boolean;
  /** The pod has a deletion timestamp. */
  readonly terminating: boolean;
  readonly container: DefaultedContainer;
}

export interface EndpointConditions {
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

export interface Endpoint {
  readonly address: string;
  readonly conditions: EndpointConditions;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly targetRef: { readonly kind: 'Pod'; readonly namespace: string; readonly name: string };
}

export interface EndpointPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface EndpointSlice {
  readonly name: string;
  readonly namespace: string;
  /** The `kubernetes.io/service-name` label. */
  readonly service: string;
  readonly addressType: 'IPv4';
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly EndpointPort[];
}

export const MAX_ENDPOINTS_PER_SLICE = 100;

export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** The pod's port for a Service port, or undefined when a named target port is not on the pod. */
export function resolveTargetPort(container: DefaultedContainer, targetPort: number | string, protocol: Protocol): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  return container.ports.find((p) => p.name === targetPort && p.protocol === protocol)?.containerPort;
}

export function endpointConditions(pod: Pick<PodForEndpoints, 'ready' | 'terminating'>): EndpointConditions {
  return { ready: pod.ready && !pod.terminating, serving: pod.ready, terminating: pod.terminating };
}

/**
 * The Service's slices. `sliceName(key, index)` names them: the caller keeps
 * names stable across updates, as the controller updates slices in place.
 */
export function buildSlices(
  service: DefaultedService,
  pods: readonly PodForEndpoints[],
  sliceName: (portKey: string, index: number) => string,
): EndpointSlice[] {
  if (Object.keys(service.selector).length === 0) return [];
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  const matching = pods
    .filter((p) => p.namespace === service.metadata.namespace && p.ip !== undefined && selects(service.selector, p.labels))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const pod of matching) {
    const ports: EndpointPort[] = [];
    for (const sp of service.ports) {
      const port = resolveTargetPort(pod.container, sp.targetPort, sp.protocol);
      if (port !== undefined) ports.push({ name: sp.name, port, protocol: sp.protocol });
    }
    if (ports.length === 0) continue;
    const key = ports.map((p) => `${p.name}:${p.port}/${p.protocol}`).join(',');
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports, endpoints: [] };
      groups.set(key, group);
    }
    group.endpoints.push({
      address: pod.ip!,
      conditions: endpointConditions(pod),
      ...(pod.node !== undefined ? { nodeName: pod.node } : {}),
      ...(pod.zone !== undefined ? { zone: pod.zone } : {}),
      targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
    });
  }
  const slices: EndpointSlice[] = [];
  for (const [key, group] of groups) {
    for (let i = 0; i * MAX_ENDPOINTS_PER_SLICE < group.endpoints.length; i++) {
      slices.push({
        name: sliceName(key, i),
        namespace: service.metadata.namespace,
        service: service.metadata.name,
        addressType: 'IPv4',
        endpoints: group.endpoints.slice(i * MAX_ENDPOINTS_PER_SLICE, (i + 1) * MAX_ENDPOINTS_PER_SLICE),
        ports: group.ports,
      });
    }
  }
  return slices;
}
