/**
 * What kube-proxy knows about one Service port after a sync: its addresses,
 * policies and endpoints (all of them, with conditions, in kube-proxy's
 * order). Built by the cluster from Services and EndpointSlices.
 */
import type { Protocol, TrafficPolicy } from '../api/types';
import type { ProxyEndpoint } from './categorize';
import { servicePortName } from './chain-names';

export interface ServicePortInfo {
  readonly namespace: string;
  readonly name: string;
  /** The Service port's name ('' when the Service has one unnamed port). */
  readonly portName: string;
  readonly protocol: Protocol;
  readonly clusterIP: string;
  readonly port: number;
  readonly nodePort?: number;
  /** Only for NodePort and LoadBalancer Services. */
  readonly externalTrafficPolicy?: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  readonly healthCheckNodePort?: number;
  /** Sorted by `ip:port`, as kube-proxy sorts them. */
  readonly endpoints: readonly ProxyEndpoint[];
}

/** `ns/name:port`, the name kube-proxy uses in comments and chain hashes. */
export function portNameOf(info: ServicePortInfo): string {
  return servicePortName(info.namespace, info.name, info.portName);
}
