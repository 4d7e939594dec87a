/**
 * What the picture needs to know about a component that a snapshot does not
 * (yet) say outright, worked out from the scenario and the trace: the
 * availability zone of a node, an NLB node and a pod; the app (Deployment)
 * a pod belongs to; whether it runs nginx; and, for nginx, its
 * configuration text. A field the snapshot does carry always wins.
 */
import type { ComponentSnapshot, Scenario } from '../../scenario';
import type { NginxSpec } from '../../scenario/types';
import { extra } from './tiers';

/** A Deployment's pod name is `<deployment>-<pod-template-hash>-<5 characters>`: the app is the part before. */
export function podApp(name: string): string | undefined {
  return /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(name)?.[1];
}

/** `pod:default/nginx-55cf…` → `{ namespace: 'default', name: 'nginx-55cf…' }`. */
function podName(c: ComponentSnapshot): { namespace: string; name: string } {
  const m = /^pod:([^/]+)\/(.+)$/.exec(c.id);
  return m === null ? { namespace: 'default', name: c.label } : { namespace: m[1] ?? 'default', name: m[2] ?? c.label };
}

/** The file of an nginx configuration a student wants to read: the one with the `location` blocks. */
export function mainConfig(spec: NginxSpec): { file: string; text: string } | undefined {
  const files = Object.entries(spec.files);
  const withLocations = files.find(([, text]) => /^\s*location\s/m.test(text)) ?? files.find(([name]) => name === spec.entry) ?? files[0];
  return withLocations === undefined ? undefined : { file: `/etc/nginx/${withLocations[0]}`, text: withLocations[1] };
}

/** The Services whose selector matches the pod labels of Deployment `namespace/app`, by name. */
export function servicesOf(scenario: Scenario | undefined, namespace: string, app: string): string[] {
  const cluster = scenario?.cluster;
  const deployment = cluster?.deployments.find((d) => d.metadata.name === app && d.metadata.namespace === namespace);
  if (cluster === undefined || deployment === undefined) return [];
  const labels = deployment.template.labels;
  return cluster.services
    .filter((svc) => svc.metadata.namespace === namespace && Object.keys(svc.selector).length > 0 && Object.entries(svc.selector).every(([k, v]) => labels[k] === v))
    .map((svc) => svc.metadata.name);
}

/** The node a pod was scheduled to, from its kubelet event ("Successfully assigned default/x to node-1"). */
export function nodeFromEvent(line: string): string | undefined {
  return /Successfully assigned \S+ to (\S+)/.exec(line)?.[1];
}

/**
 * Add `az`, `app`, `service`, `group`, `role`, `node` and `config` to the
 * components that lack them. `nodeOf(podId)` tells where a pod runs, when known.
 */
export function enrich(components: readonly ComponentSnapshot[], scenario: Scenario | undefined, nodeOf: (id: string) => string | undefined): ComponentSnapshot[] {
  const cluster = scenario?.cluster;
  const nodeAz = new Map((cluster?.nodes ?? []).map((n) => [n.name, n.az]));
  const nlbAz = new Map<string, string>();
  for (const lb of cluster?.loadBalancers ?? []) for (const [az, ip] of Object.entries(lb.addresses)) nlbAz.set(ip, az);
  const machines = new Map((scenario?.machines ?? []).map((m) => [m.id, m]));
  return components.map((c) => {
    const add: Record<string, unknown> = {};
    if (c.kind === 'node') add.az = nodeAz.get(c.id) ?? nodeAz.get(c.label);
    else if (c.kind === 'nlb-node') add.az = nlbAz.get(c.address) ?? /\b([a-z]{2}-[a-z]+-\d[a-z])\b/.exec(c.label)?.[1];
    else if (c.kind === 'pod') {
      const { namespace, name } = podName(c);
      const app = podApp(name);
      const node = nodeOf(c.id);
      add.node = node;
      add.az = node === undefined ? undefined : nodeAz.get(node);
      add.app = app;
      // Grouped by the Service that selects the pod (what kube-proxy balances over), else by its Deployment.
      add.service = app === undefined ? undefined : (servicesOf(scenario, namespace, app)[0] ?? undefined);
      add.group = app;
      const nginx = app === undefined ? undefined : cluster?.nginx[`${namespace}/${app}`];
      if (nginx !== undefined) {
        add.role = 'nginx';
        add.config = mainConfig(nginx);
      }
    } else if (c.kind === 'machine') {
      const role = machines.get(c.id)?.role;
      if (role?.kind === 'nginx') {
        add.role = 'nginx';
        add.config = mainConfig(role.nginx);
      }
    }
    const missing = Object.entries(add).filter(([k, v]) => v !== undefined && extra(c, k) === undefined && (c as unknown as Record<string, unknown>)[k] === undefined);
    return missing.length === 0 ? c : ({ ...c, ...Object.fromEntries(missing) } as ComponentSnapshot);
  });
}
