/**
 * Service (v1) validation, after `ValidateService` in kubernetes
 * `pkg/apis/core/validation/validation.go`: at least one port; names
 * required and unique when there is more than one; ports 1–65535;
 * `externalTrafficPolicy` only on NodePort and LoadBalancer Services;
 * `healthCheckNodePort` only on a LoadBalancer with policy Local;
 * `allocateLoadBalancerNodePorts` and `loadBalancerClass` only on a
 * LoadBalancer. Whether a NodePort is inside the node-port range, and free,
 * is the allocator's check (the range is a cluster setting).
 */
import { defaultService } from './defaults';
import type { PathSegment, Validated } from './problems';
import { Findings, show } from './problems';
import type { Fields } from './read';
import { checkKeys, isFields, readBool, readEnum, readInt, readList, readObject, readString, readStringMap } from './read';
import type { DefaultedService, Service, ServicePort, ServiceType, TrafficPolicy } from './types';
import { checkLabels, checkName, readMeta } from './validate-meta';
import { PROTOCOLS } from './validate-pod';
import { readPort } from './validate-probe';

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];
const POLICIES: readonly TrafficPolicy[] = ['Cluster', 'Local'];
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const IGNORED_SPEC: Readonly<Record<string, string>> = {
  clusterIPs: 'single-stack IPv4: clusterIP is used',
  ipFamilies: 'single-stack IPv4',
  ipFamilyPolicy: 'single-stack IPv4',
  loadBalancerSourceRanges: 'source ranges are not simulated',
  sessionAffinityConfig: 'session affinity is not simulated',
};

function readServicePorts(f: Findings, spec: Fields, path: readonly PathSegment[], type: ServiceType): ServicePort[] | undefined {
  const list = readList(f, spec, 'ports', path);
  if (list === undefined || list.length === 0) {
    f.required([...path, 'ports'], 'at least one port, e.g. - port: 80');
    return undefined;
  }
  const ports: ServicePort[] = [];
  const names = new Set<string>();
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const at = [...path, 'ports', i];
    if (!isFields(item)) {
      f.invalid(at, item, 'a mapping with port (and targetPort)', 'expected a map');
      return;
    }
    checkKeys(f, item, at, { supported: ['name', 'protocol', 'port', 'targetPort', 'nodePort'], ignored: { appProtocol: 'no effect on routing' } });
    const name = readString(f, item, 'name', at);
    if (name === undefined && list.length > 1) f.required([...at, 'name'], 'a port name (required when a Service has more than one port)');
    if (name !== undefined) {
      if (checkName(f, name, [...at, 'name'], 'dns1123-label') && names.has(name)) {
        f.error([...at, 'name'], 'a name not used by another port', `Duplicate value: ${show(name)}`);
      }
      names.add(name);
    }
    const port = readInt(f, item, 'port', at, { min: 1, max: 65535 });
    if (item['port'] === undefined) f.required([...at, 'port'], 'a port number between 1 and 65535');
    const protocol = readEnum(f, item, 'protocol', at, PROTOCOLS);
    const targetPort = readPort(f, item, 'targetPort', at);
    const nodePort = readInt(f, item, 'nodePort', at, { min: 0, max: 65535 });
    if (nodePort !== undefined && nodePort !== 0 && type === 'ClusterIP') {
      f.error([...at, 'nodePort'], 'no nodePort on a ClusterIP Service', "Forbidden: may not be used when `type` is 'ClusterIP'");
    }
    if (port === undefined) return;
    const key = `${port}/${protocol ?? 'TCP'}`;
    if (seen.has(key)) f.error([...at], 'a port/protocol pair not used by another port', `Duplicate value: ${show(key)}`);
    seen.add(key);
    ports.push({
      port,
      ...(name !== undefined ? { name } : {}),
      ...(protocol !== undefined ? { protocol } : {}),
      ...(targetPort !== undefined ? { targetPort } : {}),
      ...(nodePort !== undefined ? { nodePort } : {}),
    });
  });
  return ports;
}

/** Check a parsed Service; on success returns it with Kubernetes' defaults filled in. */
export function validateService(raw: Fields, path: readonly PathSegment[] = []): Validated<DefaultedService> {
  const f = new Findings();
  checkKeys(f, raw, path, { supported: ['apiVersion', 'kind', 'metadata', 'spec'], ignored: { status: 'status is written by the cluster' } });
  // A Service name becomes a DNS label (`auth-service.default.svc.cluster.local`).
  const metadata = readMeta(f, raw, path, { rule: 'dns1035-label', namespaced: true });
  const sPath = [...path, 'spec'];
  const spec = readObject(f, raw, 'spec', path);
  if (spec === undefined) {
    f.required(sPath, 'a Service spec with ports');
    return f.fail();
  }
  checkKeys(f, spec, sPath, {
    supported: [
      'type', 'selector', 'ports', 'clusterIP', 'externalTrafficPolicy', 'internalTrafficPolicy', 'healthCheckNodePort',
      'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'sessionAffinity', 'publishNotReadyAddresses', 'externalName',
      'externalIPs', 'loadBalancerIP',
    ],
    ignored: IGNORED_SPEC,
  });
  if (spec['type'] === 'ExternalName' || spec['externalName'] !== undefined) {
    f.error([...sPath, spec['type'] === 'ExternalName' ? 'type' : 'externalName'], `one of ${TYPES.join(', ')}`, 'Unsupported value: ExternalName Services are not simulated');
  }
  for (const key of ['publishNotReadyAddresses', 'externalIPs', 'loadBalancerIP'] as const) {
    if (spec[key] !== undefined) f.error([...sPath, key], 'leave it out', `Unsupported value: ${key} is not simulated`);
  }
  const type = readEnum(f, spec, 'type', sPath, TYPES) ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const selector = readStringMap(f, spec, 'selector', sPath);
  if (selector !== undefined) checkLabels(f, selector, [...sPath, 'selector']);
  const ports = readServicePorts(f, spec, sPath, type);

  const clusterIP = readString(f, spec, 'clusterIP', sPath);
  if (clusterIP === 'None') {
    f.error([...sPath, 'clusterIP'], 'an IPv4 address or nothing', 'Unsupported value: "None": headless Services are not simulated');
  } else if (clusterIP !== undefined && clusterIP !== '' && !IPV4.test(clusterIP)) {
    f.invalid([...sPath, 'clusterIP'], clusterIP, 'an IPv4 address in the service CIDR', 'must be a valid IP address');
  }
  const etp = readEnum(f, spec, 'externalTrafficPolicy', sPath, POLICIES);
  if (etp !== undefined && !external) {
    f.invalid([...sPath, 'externalTrafficPolicy'], etp, 'no externalTrafficPolicy unless type is NodePort or LoadBalancer', "may only be set when `type` is 'NodePort' or 'LoadBalancer'");
  }
  const itp = readEnum(f, spec, 'internalTrafficPolicy', sPath, POLICIES);
  const hcnp = readInt(f, spec, 'healthCheckNodePort', sPath, { min: 0, max: 65535 });
  if (hcnp !== undefined && hcnp !== 0 && !(type === 'LoadBalancer' && etp === 'Local')) {
    f.invalid([...sPath, 'healthCheckNodePort'], hcnp, 'no healthCheckNodePort unless type is LoadBalancer with externalTrafficPolicy Local', "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
  }
  const alloc = readBool(f, spec, 'allocateLoadBalancerNodePorts', sPath);
  if (alloc !== undefined && type !== 'LoadBalancer') {
    f.error([...sPath, 'allocateLoadBalancerNodePorts'], 'only on a LoadBalancer Service', "Forbidden: may only be used when `type` is 'LoadBalancer'");
  }
  const lbClass = readString(f, spec, 'loadBalancerClass', sPath);
  if (lbClass !== undefined) {
    if (type !== 'LoadBalancer') {
      f.error([...sPath, 'loadBalancerClass'], 'only on a LoadBalancer Service', "Forbidden: may only be used when `type` is 'LoadBalancer'");
    } else if (!QUALIFIED_NAME.test(lbClass) || !lbClass.includes('/')) {
      f.invalid([...sPath, 'loadBalancerClass'], lbClass, 'a label-style name with a prefix, e.g. service.k8s.aws/nlb', 'must be a label-style name with a DNS prefix');
    }
  }
  const affinity = readEnum(f, spec, 'sessionAffinity', sPath, ['None', 'ClientIP'] as const);
  if (affinity === 'ClientIP') {
    f.error([...sPath, 'sessionAffinity'], '"None"', 'Unsupported value: "ClientIP": session affinity is not simulated');
  }
  if (f.problems.length > 0 || metadata === undefined || ports === undefined) return f.fail();
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type,
      ports,
      ...(selector !== undefined ? { selector } : {}),
      ...(clusterIP !== undefined ? { clusterIP } : {}),
      ...(etp !== undefined ? { externalTrafficPolicy: etp } : {}),
      ...(itp !== undefined ? { internalTrafficPolicy: itp } : {}),
      ...(hcnp !== undefined ? { healthCheckNodePort: hcnp } : {}),
      ...(alloc !== undefined ? { allocateLoadBalancerNodePorts: alloc } : {}),
      ...(lbClass !== undefined ? { loadBalancerClass: lbClass } : {}),
    },
  };
  return f.result(defaultService(service));
}
