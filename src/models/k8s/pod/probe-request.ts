/**
 * Turning a container's probe into the request the world carries out: the
 * port name resolved to the container's port number, the address (the
 * handler's `host`, else the pod IP), the timeout in milliseconds.
 */
import type { DefaultedContainer, DefaultedProbe } from '../api/types';
import type { ProbeKindName, ProbeRequest } from './probe-judge';

/** A port number, or the number of the container port with that name (validation made sure it exists). */
export function resolvePort(container: DefaultedContainer, port: number | string): number {
  if (typeof port === 'number') return port;
  const found = container.ports.find((p) => p.name === port);
  if (found === undefined) throw new Error(`container ${container.name} has no port named ${port}`);
  return found.containerPort;
}

/** The request for one probe of a container in a pod at `podIp`. */
export function probeRequest(
  kind: ProbeKindName,
  probe: DefaultedProbe,
  pod: string,
  container: DefaultedContainer,
  podIp: string,
): ProbeRequest {
  return {
    kind,
    pod,
    container: container.name,
    ip: probe.handler.host ?? podIp,
    port: resolvePort(container, probe.handler.port),
    handler: probe.handler,
    timeoutMs: probe.timeoutSeconds * 1000,
  };
}
