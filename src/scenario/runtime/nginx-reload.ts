/**
 * The `nginx-reload` command in a full world: one configuration file edited,
 * then `nginx -s reload` in every nginx the target names. Each master checks
 * the new files with the resolver it started with (cluster DNS in a pod,
 * public DNS on a machine). When any check fails, nothing changes: the error
 * goes to that nginx's error log and into the command record, and the old
 * configuration keeps serving everywhere. When all pass, each nginx starts
 * fresh workers (see `nginx-process.ts`), and the files are kept for what
 * starts later: a Deployment's new containers read them as they would an
 * updated ConfigMap; a single pod's restarts read them too.
 */
import type { Trace } from '../../sim';
import type { NginxReloadCommand } from '../commands';
import { RELOAD_REFUSED } from '../commands';
import type { ClusterPart } from './cluster-part';
import { podComponent } from './cluster-part';
import type { MachinePart } from './machine-part';
import { checkNginx, editedFiles, type NginxFiles } from './nginx-process';
import type { RunningProcess, StartupResolve } from './pod-process';

export interface ReloadDeps {
  readonly trace: Trace;
  readonly machines: MachinePart;
  readonly cluster?: ClusterPart;
}

/** One nginx to reload: its trace component, the label the record uses, what it runs and how it resolves. */
interface Unit {
  readonly component: string;
  readonly label: string;
  readonly files: NginxFiles;
  readonly resolve: StartupResolve;
  readonly process: RunningProcess | undefined;
}

/** What a target names: units to reload, and where the edited files are kept. */
interface Reach {
  readonly units: Unit[];
  readonly keep: (edit: (files: NginxFiles) => NginxFiles) => void;
}

function machineReach(deps: ReloadDeps, id: string): Reach {
  const files = deps.machines.machineNginx(id);
  if (files === undefined) throw new Error(`nginx-reload: expected a machine that runs nginx, got "${id}", which runs an app`);
  return {
    units: [{ component: id, label: id, files, resolve: deps.machines.resolve, process: deps.machines.process(id) }],
    keep: (edit) => deps.machines.setNginxFiles(id, edit(files)),
  };
}

function podUnit(cluster: ClusterPart, component: string, label: string): Unit | undefined {
  const files = cluster.podNginx(component);
  if (files === undefined) return undefined;
  return { component, label, files, resolve: cluster.resolverOf(component), process: cluster.slot(component)?.process };
}

function deploymentReach(cluster: ClusterPart, owner: string): Reach {
  const base = cluster.deploymentNginx(owner);
  if (base === undefined) throw new Error(`nginx-reload: expected a Deployment that runs nginx, got "${owner}"`);
  const units = cluster.podsOf(owner).flatMap((p) => podUnit(cluster, podComponent(p.ref), p.name) ?? []);
  return { units, keep: (edit) => cluster.setNginxFiles({ owner }, edit(base)) };
}

/** Resolve a target: `all`, a machine id, a Deployment, `deployment/index` or a pod name. */
function reachOf(deps: ReloadDeps, target: string): Reach[] {
  const { machines, cluster } = deps;
  if (target === 'all') {
    return [...machines.nginxMachines().map((id) => machineReach(deps, id)), ...(cluster?.nginxDeployments() ?? []).map((d) => deploymentReach(cluster!, d))];
  }
  if (machines.process(target) !== undefined) return [machineReach(deps, target)];
  if (cluster === undefined) throw new Error(`nginx-reload: expected the id of a machine that runs nginx, or all, got "${target}"`);
  const owner = target.includes('/') ? target : `default/${target}`;
  if (cluster.nginxDeployments().includes(owner)) return [deploymentReach(cluster, owner)];
  const indexed = /^(.+)\/(\d+)$/.exec(target);
  const pod = indexed !== null ? cluster.podsOf(indexed[1] ?? '')[Number(indexed[2])] : cluster.cluster.podList().find((p) => p.name === target || podComponent(p.ref) === target);
  if (pod !== undefined) {
    const component = podComponent(pod.ref);
    const unit = podUnit(cluster, component, pod.name);
    if (unit === undefined) throw new Error(`nginx-reload: expected a pod that runs nginx, got ${pod.name}`);
    return [{ units: [unit], keep: (edit) => cluster.setNginxFiles({ component }, edit(unit.files)) }];
  }
  throw new Error(`nginx-reload: expected all, a machine id, a Deployment that runs nginx, deployment/index (web/0) or a pod name, got "${target}"`);
}

/** Apply an `nginx-reload` command now. Throws an Error saying what was expected when the target is wrong. */
export function applyNginxReload(deps: ReloadDeps, command: NginxReloadCommand): void {
  if (typeof command.file !== 'string' || typeof command.text !== 'string' || command.file === '') {
    throw new Error('nginx-reload: expected a file name (relative to /etc/nginx) and its text');
  }
  const reach = reachOf(deps, command.target);
  const edit = (files: NginxFiles) => editedFiles(files, command.file, command.text);
  const units = reach.flatMap((r) => r.units);
  const checked = units.map((u) => ({ unit: u, check: checkNginx(edit(u.files), u.resolve, deps.trace, u.component) }));
  const failed = checked.find((c) => !c.check.ok);
  const names = units.length === 0 ? 'no running nginx' : units.map((u) => u.label).join(', ');
  if (failed !== undefined && !failed.check.ok) {
    deps.trace.record({
      kind: 'command',
      command: command.kind,
      target: command.target,
      why: `${RELOAD_REFUSED} (${failed.unit.label}): ${failed.check.line}; nginx: configuration file /etc/nginx/nginx.conf test failed, so the running configuration keeps serving`,
    });
    return;
  }
  for (const r of reach) r.keep(edit);
  deps.trace.record({
    kind: 'command',
    command: command.kind,
    target: command.target,
    why: `edit /etc/nginx/${command.file} and reload nginx (${names}): new workers with fresh upstream state take every new request; the old workers finish the requests they hold`,
  });
  for (const { unit, check } of checked) if (check.ok) unit.process?.nginx?.reload(check.config);
}
