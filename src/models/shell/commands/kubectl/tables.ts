/**
 * The rows `kubectl get` prints for each resource type, built from the
 * host's plain cluster data the way the API server's table printers build
 * them (pkg/printers/internalversion/printers.go): the columns, which of
 * them only `-o wide` shows, and the order the API lists objects in.
 */
import type { ClusterView, DeploymentView, EndpointSliceView, EventView, NodeView, PodView, ServiceView } from '../../host';
import { age } from '../../format/age';
import { capped, externalIp, formatLabels, podStatus, portsText, readyEndpoints } from './cells';

export { formatLabels, podStatus, portsText, readyEndpoints } from './cells';
import type { ResourceKind } from './resources';

export interface Column {
  readonly header: string;
  /** Shown only with `-o wide` (priority 1 in the API's column definitions). */
  readonly wide: boolean;
}

export interface Row {
  readonly name: string;
  readonly namespace: string;
  /** One cell per column, in column order. */
  readonly cells: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

const col = (header: string, wide = false): Column => ({ header, wide });

function podTable(pods: readonly PodView[], now: number): Table {
  return {
    columns: [col('NAME'), col('READY'), col('STATUS'), col('RESTARTS'), col('AGE'), col('IP', true), col('NODE', true), col('NOMINATED NODE', true), col('READINESS GATES', true)],
    rows: pods.map((p) => {
      const s = podStatus(p, now);
      return {
        name: p.name,
        namespace: p.namespace,
        labels: p.labels,
        cells: [p.name, s.ready, s.status, s.restarts, age(p.createdMs, now), p.ip ?? '<none>', p.node ?? '<none>', '<none>', '<none>'],
      };
    }),
  };
}

function serviceTable(services: readonly ServiceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), col('AGE'), col('SELECTOR', true)],
    rows: services.map((s) => ({
      name: s.name,
      namespace: s.namespace,
      labels: s.labels,
      cells: [s.name, s.type, s.clusterIp === '' ? '<none>' : s.clusterIp, externalIp(s), portsText(s), age(s.createdMs, now), formatLabels(s.selector)],
    })),
  };
}

function endpointsTable(services: readonly ServiceView[], slices: readonly EndpointSliceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('ENDPOINTS'), col('AGE')],
    rows: services.map((s) => {
      const own = slices.filter((e) => e.service === s.name && e.namespace === s.namespace);
      const text = readyEndpoints(own);
      return { name: s.name, namespace: s.namespace, labels: s.labels, cells: [s.name, text === '' || text === '<none>' ? '<none>' : text, age(s.createdMs, now)] };
    }),
  };
}

function sliceTable(slices: readonly EndpointSliceView[], now: number): Table {
  return {
    columns: [col('NAME'), col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), col('AGE')],
    rows: slices.map((e) => ({
      name: e.name,
      namespace: e.namespace,
      labels: e.labels,
      cells: [
        e.name,
        e.addressType,
        capped(e.ports.map((p) => String(p.port)), '<unset>'),
        capped(e.endpoints.flatMap((x) => x.addresses), '<unset>'),
        age(e.createdMs, now),
      ],
    })),
  };
}

function deploymentTable(deployments: readonly DeploymentView[], now: number): Table {
  return {
    columns: [col('NAME'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('AGE'), col('CONTAINERS', true), col('IMAGES', true), col('SELECTOR', true)],
    rows: deployments.map((d) => ({
      name: d.name,
      namespace: d.namespace,
      labels: d.labels,
      cells: [
        d.name,
        `${d.readyReplicas}/${d.replicas}`,
        String(d.updatedReplicas),
        String(d.availableReplicas),
        age(d.createdMs, now),
        d.containers.map((c) => c.name).join(','),
        d.containers.map((c) => c.image).join(','),
        formatLabels(d.selector),
      ],
    })),
  };
}

function eventTable(events: readonly EventView[], now: number): Table {
  return {
    columns: [
      col('LAST SEEN'),
      col('TYPE'),
      col('REASON'),
      col('OBJECT'),
      col('SUBOBJECT', true),
      col('SOURCE', true),
      col('MESSAGE'),
      col('FIRST SEEN', true),
      col('COUNT', true),
      col('NAME', true),
    ],
    rows: events.map((e, i) => {
      const name = `${e.objectName}.${(0x17a0000000000000n + BigInt(i)).toString(16)}`;
      return {
        name,
        namespace: e.namespace,
        labels: {},
        cells: [
          age(e.lastMs, now),
          e.type,
          e.reason,
          `${e.objectKind.toLowerCase()}/${e.objectName}`,
          '',
          e.source,
          e.message.trim(),
          age(e.firstMs, now),
          String(e.count),
          name,
        ],
      };
    }),
  };
}

/** STATUS of a node (printNode): its Ready condition, then `SchedulingDisabled` when cordoned. */
export function nodeStatus(n: NodeView): string {
  const ready = n.ready ? 'Ready' : 'NotReady';
  return n.unschedulable ? `${ready},SchedulingDisabled` : ready;
}

function nodeTable(nodes: readonly NodeView[], now: number): Table {
  return {
    columns: [
      col('NAME'),
      col('STATUS'),
      col('ROLES'),
      col('AGE'),
      col('VERSION'),
      col('INTERNAL-IP', true),
      col('EXTERNAL-IP', true),
      col('OS-IMAGE', true),
      col('KERNEL-VERSION', true),
      col('CONTAINER-RUNTIME', true),
    ],
    rows: nodes.map((n) => ({
      name: n.name,
      namespace: '',
      labels: {},
      cells: [
        n.name,
        nodeStatus(n),
        n.roles.length === 0 ? '<none>' : n.roles.join(','),
        age(n.createdMs, now),
        n.version,
        n.internalIp,
        n.externalIp ?? '<none>',
        n.osImage,
        n.kernelVersion,
        n.containerRuntime,
      ],
    })),
  };
}

function byNamespaceAndName<T extends { namespace: string; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The table for one resource type, rows in the API's order (namespace, then name). */
export function tableFor(kind: ResourceKind, cluster: ClusterView, now: number): Table {
  switch (kind) {
    case 'pods':
      return podTable(byNamespaceAndName(cluster.pods), now);
    case 'services':
      return serviceTable(byNamespaceAndName(cluster.services), now);
    case 'endpoints':
      return endpointsTable(
        byNamespaceAndName(cluster.services).filter((s) => Object.keys(s.selector).length > 0 || cluster.endpointSlices.some((e) => e.service === s.name)),
        cluster.endpointSlices,
        now,
      );
    case 'endpointslices':
      return sliceTable(byNamespaceAndName(cluster.endpointSlices), now);
    case 'deployments':
      return deploymentTable(byNamespaceAndName(cluster.deployments), now);
    case 'events': {
      // Event names start with the object's name, so the API lists them grouped by object, oldest first.
      const sorted = [...cluster.events].sort(
        (a, b) => a.namespace.localeCompare(b.namespace) || a.objectName.localeCompare(b.objectName) || a.firstMs - b.firstMs,
      );
      return eventTable(sorted, now);
    }
    case 'nodes':
      return nodeTable([...cluster.nodes].sort((a, b) => a.name.localeCompare(b.name)), now);
  }
}
