/**
 * From the `cluster` section and its validated manifests to a `ClusterSpec`:
 * objects sorted by kind, each nginx Deployment's configuration read from the
 * ConfigMaps mounted into it (and checked with `nginx -t`'s rules, errors at
 * their scenario line), and one NLB per LoadBalancer Service whose
 * annotations ask for one.
 */
import type { Node } from 'yaml';
import { loadBalancerPlan } from '../models/k8s/api/load-balancer-class';
import type { DefaultedConfigMap, DefaultedDeployment, DefaultedService } from '../models/k8s/api/types';
import type { ConfSource } from './nginx-conf';
import { checkNginxSources } from './nginx-conf';
import { nodeAt, refOf, type ReadManifest } from './manifests';
import type { Ctx } from './schema';
import { posOf, report, reportAt } from './schema';
import type { ClusterSpec, LoadBalancerSpec, NginxSpec, NodeSpecScenario } from './types';
import type { VpcLatency } from './runtime/placement';

export interface ClusterFields {
  readonly region: string;
  readonly nodes: readonly NodeSpecScenario[];
  readonly latency: VpcLatency;
  readonly dns: { readonly ttl: number };
  readonly loadBalancers: readonly LoadBalancerSpec[];
}

/** True for the nginx image (`nginx`, `nginx:1.25`, `public.ecr.aws/nginx/nginx:stable`). */
export function isNginxImage(image: string): boolean {
  const last = image.split('/').at(-1) ?? '';
  return /^nginx([:@]|$)/.test(last);
}

const NGINX_PREFIX = '/etc/nginx/';

/** The files an nginx container sees from its ConfigMap volumes: conf files by /etc/nginx key, others by absolute path. */
function nginxSources(
  d: DefaultedDeployment,
  read: ReadManifest,
  configMaps: ReadonlyMap<string, { cm: DefaultedConfigMap; read: ReadManifest }>,
  ctx: Ctx,
): { conf: ConfSource[]; docs: Record<string, string> } | undefined {
  const container = d.template.spec.containers.find((c) => isNginxImage(c.image));
  if (container === undefined) return undefined;
  const conf: ConfSource[] = [];
  const docs: Record<string, string> = {};
  const ci = d.template.spec.containers.indexOf(container);
  let ok = true;
  container.volumeMounts.forEach((mount) => {
    const volume = d.template.spec.volumes.find((v) => v.name === mount.name);
    if (volume?.configMap === undefined) return;
    const cmRef = `${d.metadata.namespace}/${volume.configMap.name}`;
    const found = configMaps.get(cmRef);
    if (found === undefined) {
      const at = nodeAt(read.source.node, ['spec', 'template', 'spec', 'volumes']);
      report(ctx, posOf(at, ctx), `${read.source.path}.spec.template.spec.volumes`, `expected a ConfigMap named ${volume.configMap.name} in namespace ${d.metadata.namespace} (the pod would stay in ContainerCreating), found none`);
      ok = false;
      return;
    }
    const entries = Object.entries(found.cm.data).filter(([key]) => mount.subPath === undefined || key === mount.subPath);
    for (const [key, text] of entries) {
      const file = mount.subPath === undefined ? `${mount.mountPath.replace(/\/$/, '')}/${key}` : mount.mountPath;
      const node = nodeAt(found.read.source.node, ['data', key]) as Node;
      const path = `${found.read.source.path}.data.${key}`;
      if (file.startsWith(NGINX_PREFIX)) conf.push({ key: file.slice(NGINX_PREFIX.length), text, node, path });
      else docs[file] = text;
    }
  });
  if (!ok) return undefined;
  if (conf.length === 0) {
    const at = nodeAt(read.source.node, ['spec', 'template', 'spec', 'containers', ci, 'volumeMounts']);
    report(
      ctx,
      posOf(at, ctx),
      `${read.source.path}.spec.template.spec.containers[${ci}].volumeMounts`,
      'expected a ConfigMap with the nginx configuration mounted at /etc/nginx/conf.d (or nginx.conf at /etc/nginx/nginx.conf with subPath), found none',
    );
    return undefined;
  }
  return { conf, docs };
}

/** Build the cluster, reporting every problem; undefined when any was found. */
export function buildCluster(fields: ClusterFields, read: readonly ReadManifest[], ctx: Ctx, ignored: readonly string[]): ClusterSpec | undefined {
  const before = ctx.errors.length;
  const seen = new Map<string, string>();
  for (const r of read) {
    const key = `${r.manifest.kind} ${refOf(r.manifest)}`;
    const first = seen.get(key);
    if (first !== undefined) report(ctx, posOf(nodeAt(r.source.node, ['metadata', 'name']), ctx), `${r.source.path}.metadata.name`, `expected one ${key}, got a second (first at ${first})`);
    else seen.set(key, r.source.path);
  }
  const names = new Set<string>();
  fields.nodes.forEach((n, i) => {
    if (names.has(n.name)) reportAt(ctx, `cluster.nodes[${i}].name`, `expected a node name used once, got ${n.name} twice`);
    names.add(n.name);
  });
  const deployments = read.filter((r) => r.manifest.kind === 'Deployment') as (ReadManifest & { manifest: DefaultedDeployment })[];
  const services = read.filter((r) => r.manifest.kind === 'Service') as (ReadManifest & { manifest: DefaultedService })[];
  const cms = read.filter((r) => r.manifest.kind === 'ConfigMap') as (ReadManifest & { manifest: DefaultedConfigMap })[];
  const cmByRef = new Map(cms.map((r) => [refOf(r.manifest), { cm: r.manifest, read: r as ReadManifest }]));

  const nginx: Record<string, NginxSpec> = {};
  for (const d of deployments) {
    const sources = nginxSources(d.manifest, d, cmByRef, ctx);
    if (sources === undefined) continue;
    const checked = checkNginxSources(sources.conf, ctx, { node: d.source.node, path: d.source.path });
    if (checked !== undefined) nginx[refOf(d.manifest)] = { files: checked.files, entry: checked.entry, checked: checked.config, docs: sources.docs };
  }

  const azs = new Set(fields.nodes.map((n) => n.az));
  for (const s of services) {
    if (s.manifest.type !== 'LoadBalancer') continue;
    const plan = loadBalancerPlan(s.manifest);
    if (plan.kind !== 'nlb') {
      report(ctx, posOf(nodeAt(s.source.node, ['metadata']), ctx), `${s.source.path}.metadata.annotations`, `expected an NLB: ${plan.why}`);
    }
  }
  fields.loadBalancers.forEach((lb, i) => {
    const svc = services.find((s) => refOf(s.manifest) === lb.service);
    if (svc === undefined || svc.manifest.type !== 'LoadBalancer') {
      const known = services.filter((s) => s.manifest.type === 'LoadBalancer').map((s) => refOf(s.manifest));
      reportAt(ctx, `cluster.loadBalancers[${i}].service`, `expected a Service of type LoadBalancer (${known.join(', ') || 'none defined'}), got ${lb.service}`);
    }
    for (const az of Object.keys(lb.addresses)) {
      if (!azs.has(az)) reportAt(ctx, `cluster.loadBalancers[${i}].addresses.${az}`, `expected an AZ with nodes (${[...azs].join(', ')}), got ${az}`);
    }
  });
  if (ctx.errors.length > before) return undefined;
  return {
    region: fields.region,
    nodes: fields.nodes,
    latency: fields.latency,
    dnsTtlS: fields.dns.ttl,
    loadBalancers: fields.loadBalancers,
    manifests: read.map((r) => r.manifest),
    deployments: deployments.map((d) => d.manifest),
    services: services.map((s) => s.manifest),
    configMaps: cms.map((c) => c.manifest),
    nginx,
    ignored,
  };
}
