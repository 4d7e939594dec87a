/**
 * From the API's objects to what kube-proxy programs: one `ServicePortInfo`
 * per Service port, with the endpoints of the Service's EndpointSlices that
 * carry that port (matched by port name), in kube-proxy's order.
 */
import type { ServiceState } from '../cluster/services';
import type { ProxyEndpoint } from '../proxy/categorize';
import { sortEndpoints } from '../proxy/categorize';
import type { ServicePortInfo } from '../proxy/service-port';
import type { EndpointSlice } from './slice';

export function proxyView(services: readonly ServiceState[], slicesOf: (namespace: string, name: string) => readonly EndpointSlice[]): ServicePortInfo[] {
  const out: ServicePortInfo[] = [];
  for (const s of services) {
    const { namespace, name } = s.spec.metadata;
    const slices = slicesOf(namespace, name);
    for (const port of s.ports) {
      const endpoints: ProxyEndpoint[] = [];
      for (const slice of slices) {
        const sp = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
        if (sp === undefined) continue;
        for (const e of slice.endpoints) {
          endpoints.push({
            ip: e.address,
            port: sp.port,
            ...(e.nodeName !== undefined ? { node: e.nodeName } : {}),
            pod: e.targetRef.name,
            ...e.conditions,
          });
        }
      }
      out.push({
        namespace,
        name,
        portName: port.name,
        protocol: port.protocol,
        clusterIP: s.clusterIP,
        port: port.port,
        ...(port.nodePort !== undefined ? { nodePort: port.nodePort } : {}),
        ...(s.spec.externalTrafficPolicy !== undefined ? { externalTrafficPolicy: s.spec.externalTrafficPolicy } : {}),
        internalTrafficPolicy: s.spec.internalTrafficPolicy,
        ...(s.healthCheckNodePort !== undefined ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
        endpoints: sortEndpoints(endpoints),
      });
    }
  }
  return out;
}
