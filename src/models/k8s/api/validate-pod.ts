/**
 * The pod template of a Deployment: its one container, the container's ports,
 * probes and ConfigMap mounts, and the pod's grace period.
 *
 * One container per pod: the simulation runs one process per pod, so a
 * second container is an error rather than a silent omission. A probe that
 * names a port must name one of the container's ports: the API server would
 * accept the manifest and the kubelet would report the probe as errored
 * forever, which is better caught here.
 */
import type { Findings, PathSegment } from './problems';
import type { Fields } from './read';
import { checkKeys, isFields, readEnum, readInt, readList, readObject, readString, readBool } from './read';
import type { Container, ContainerPort, PodSpec, Probe, Protocol, Volume, VolumeMount } from './types';
import { checkName, checkPortName } from './validate-meta';
import type { ProbeKind } from './validate-probe';
import { readProbe } from './validate-probe';

/** Protocols a port may name. */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

const IGNORED_CONTAINER: Readonly<Record<string, string>> = {
  imagePullPolicy: 'images are always present',
  command: 'the container runs the simulated app',
  args: 'the container runs the simulated app',
  env: 'environment variables are not simulated',
  envFrom: 'environment variables are not simulated',
  resources: 'CPU and memory are not simulated',
  securityContext: 'security settings are not simulated',
  workingDir: 'the container runs the simulated app',
  lifecycle: 'lifecycle hooks (preStop) are not simulated',
  terminationMessagePath: 'no effect on traffic',
  terminationMessagePolicy: 'no effect on traffic',
  stdin: 'no effect on traffic',
  tty: 'no effect on traffic',
};

const IGNORED_POD: Readonly<Record<string, string>> = {
  initContainers: 'init containers are not simulated',
  nodeSelector: 'the scheduler spreads pods over all nodes',
  affinity: 'the scheduler spreads pods over all nodes',
  tolerations: 'taints are not simulated',
  topologySpreadConstraints: 'the scheduler spreads pods over nodes and zones in its own way',
  serviceAccountName: 'no API access is simulated',
  automountServiceAccountToken: 'no API access is simulated',
  securityContext: 'security settings are not simulated',
  imagePullSecrets: 'images are always present',
  dnsPolicy: 'pods use cluster DNS (ClusterFirst)',
  priorityClassName: 'preemption is not simulated',
};

function readPorts(f: Findings, c: Fields, path: readonly PathSegment[]): ContainerPort[] {
  const list = readList(f, c, 'ports', path) ?? [];
  const ports: ContainerPort[] = [];
  const names = new Set<string>();
  list.forEach((item, i) => {
    const at = [...path, 'ports', i];
    if (!isFields(item)) {
      f.invalid(at, item, 'a mapping with containerPort', 'expected a map');
      return;
    }
    checkKeys(f, item, at, { supported: ['name', 'containerPort', 'protocol'], ignored: { hostPort: 'host ports are not simulated', hostIP: 'host ports are not simulated' } });
    const containerPort = readInt(f, item, 'containerPort', at, { min: 1, max: 65535 });
    if (item['containerPort'] === undefined) f.required([...at, 'containerPort'], 'a port number between 1 and 65535');
    const name = readString(f, item, 'name', at);
    if (name !== undefined) {
      if (checkPortName(f, name, [...at, 'name']) && names.has(name)) {
        f.error([...at, 'name'], 'a port name not used by another port of this container', `Duplicate value: ${JSON.stringify(name)}`);
      }
      names.add(name);
    }
    const protocol = readEnum(f, item, 'protocol', at, PROTOCOLS);
    if (containerPort === undefined) return;
    ports.push({ containerPort, ...(name !== undefined ? { name } : {}), ...(protocol !== undefined ? { protocol } : {}) });
  });
  return ports;
}

function readMounts(f: Findings, c: Fields, path: readonly PathSegment[], volumes: ReadonlySet<string>): VolumeMount[] {
  const list = readList(f, c, 'volumeMounts', path) ?? [];
  const mounts: VolumeMount[] = [];
  list.forEach((item, i) => {
    const at = [...path, 'volumeMounts', i];
    if (!isFields(item)) {
      f.invalid(at, item, 'a mapping with name and mountPath', 'expected a map');
      return;
    }
    checkKeys(f, item, at, { supported: ['name', 'mountPath', 'subPath', 'readOnly'] });
    const name = readString(f, item, 'name', at);
    const mountPath = readString(f, item, 'mountPath', at);
    const subPath = readString(f, item, 'subPath', at);
    const readOnly = readBool(f, item, 'readOnly', at);
    if (name === undefined) f.required([...at, 'name'], 'the name of one of the pod volumes');
    else if (!volumes.has(name)) f.error([...at, 'name'], 'the name of one of the pod volumes', `Not found: ${JSON.stringify(name)}`);
    if (mountPath === undefined) f.required([...at, 'mountPath'], 'an absolute path');
    if (name === undefined || mountPath === undefined) return;
    mounts.push({ name, mountPath, ...(subPath !== undefined ? { subPath } : {}), ...(readOnly !== undefined ? { readOnly } : {}) });
  });
  return mounts;
}

function readContainer(f: Findings, c: Fields, path: readonly PathSegment[], volumes: ReadonlySet<string>): Container | undefined {
  checkKeys(f, c, path, {
    supported: ['name', 'image', 'ports', 'readinessProbe', 'livenessProbe', 'startupProbe', 'volumeMounts'],
    ignored: IGNORED_CONTAINER,
  });
  const name = readString(f, c, 'name', path);
  if (name === undefined) f.required([...path, 'name'], 'a container name');
  else checkName(f, name, [...path, 'name'], 'dns1123-label');
  const image = readString(f, c, 'image', path);
  if (image === undefined || image === '') f.required([...path, 'image'], 'an image name, e.g. nginx:1.25');
  const ports = readPorts(f, c, path);
  const portNames = new Set(ports.flatMap((p) => (p.name !== undefined ? [p.name] : [])));
  const probes: Partial<Record<'readinessProbe' | 'livenessProbe' | 'startupProbe', Probe>> = {};
  for (const [key, kind] of [['readinessProbe', 'readiness'], ['livenessProbe', 'liveness'], ['startupProbe', 'startup']] as const) {
    const raw = readObject(f, c, key, path);
    if (raw === undefined) continue;
    const probe = readProbe(f, raw, [...path, key], kind satisfies ProbeKind);
    if (probe === undefined) continue;
    const handler = probe.httpGet !== undefined ? 'httpGet' : 'tcpSocket';
    const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
    if (typeof port === 'string' && !portNames.has(port)) {
      f.error([...path, key, handler, 'port'], `the name of one of this container's ports (${[...portNames].join(', ') || 'it has none'})`, `Not found: ${JSON.stringify(port)}`);
      continue;
    }
    probes[key] = probe;
  }
  const volumeMounts = readMounts(f, c, path, volumes);
  if (name === undefined || image === undefined) return undefined;
  const kept = Object.keys(IGNORED_CONTAINER).filter((k) => c[k] !== undefined);
  const unsimulated = kept.length === 0 ? undefined : Object.fromEntries(kept.map((k) => [k, c[k]]));
  return { name, image, ports, ...probes, volumeMounts, ...(unsimulated === undefined ? {} : { unsimulated }) };
}

function readVolumes(f: Findings, spec: Fields, path: readonly PathSegment[]): Volume[] {
  const list = readList(f, spec, 'volumes', path) ?? [];
  const volumes: Volume[] = [];
  list.forEach((item, i) => {
    const at = [...path, 'volumes', i];
    if (!isFields(item)) {
      f.invalid(at, item, 'a mapping with a name and a source', 'expected a map');
      return;
    }
    const name = readString(f, item, 'name', at);
    if (name === undefined) {
      f.required([...at, 'name'], 'a volume name');
      return;
    }
    const configMap = readObject(f, item, 'configMap', at);
    for (const key of Object.keys(item)) {
      if (key !== 'name' && key !== 'configMap') f.ignore([...at, key], 'only configMap volumes are read');
    }
    if (configMap === undefined) {
      volumes.push({ name });
      return;
    }
    const cmPath = [...at, 'configMap'];
    checkKeys(f, configMap, cmPath, { supported: ['name'], ignored: { items: 'every key is mounted', defaultMode: 'file modes are not simulated', optional: 'the ConfigMap must exist' } });
    const cmName = readString(f, configMap, 'name', cmPath);
    if (cmName === undefined) f.required([...cmPath, 'name'], 'the name of a ConfigMap');
    volumes.push({ name, ...(cmName !== undefined ? { configMap: { name: cmName } } : {}) });
  });
  return volumes;
}

/** Read a pod spec (`spec.template.spec`). */
export function readPodSpec(f: Findings, spec: Fields, path: readonly PathSegment[]): PodSpec | undefined {
  checkKeys(f, spec, path, {
    supported: ['containers', 'terminationGracePeriodSeconds', 'restartPolicy', 'volumes'],
    ignored: IGNORED_POD,
  });
  const volumes = readVolumes(f, spec, path);
  const volumeNames = new Set(volumes.map((v) => v.name));
  const grace = readInt(f, spec, 'terminationGracePeriodSeconds', path, { min: 0 });
  readEnum(f, spec, 'restartPolicy', path, ['Always'] as const);
  const list = readList(f, spec, 'containers', path);
  if (list === undefined || list.length === 0) {
    f.required([...path, 'containers'], 'exactly one container');
    return undefined;
  }
  if (list.length > 1) {
    f.error([...path, 'containers', 1], 'exactly one container', 'Too many: 2: the simulation runs one container per pod');
    return undefined;
  }
  const raw = list[0];
  const cPath = [...path, 'containers', 0];
  if (!isFields(raw)) {
    f.invalid(cPath, raw, 'a container mapping', 'expected a map');
    return undefined;
  }
  const container = readContainer(f, raw, cPath, volumeNames);
  if (container === undefined) return undefined;
  return {
    containers: [container],
    ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}),
    restartPolicy: 'Always',
    volumes,
  };
}
