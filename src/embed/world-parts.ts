/**
 * Parts of a world that only some scenarios have, loaded before such a
 * world is built: the Kubernetes cluster (with its models), the AWS NLB
 * model, nginx (its configuration parser, router and balancer) and the
 * forward proxy. In the embed build each part's
 * modules are replaced by stand-ins that register a loader here
 * (vite.embed.parts.ts, `worldParts`); a lesson step whose scenario has no
 * cluster then never downloads Kubernetes, one without nginx never nginx.
 * Elsewhere (tests, the app) nothing registers and the parts are simply
 * there.
 */
import type { Scenario } from '../scenario';
import type { NginxSpec } from '../scenario/types';
import { NET_FAULT_KINDS } from '../scenario/runtime/faults-net';
import { hasNginxTemplate, loadNginxParser } from './deferred/nginx-config';

/** The parts the embed can load on demand (the terminal's when it opens, the others before a world that needs them). */
export type WorldPart = 'direct' | 'cluster' | 'nlb' | 'nginx' | 'balancers' | 'proxy' | 'terminal' | 'apply' | 'net-faults';

/**
 * The network fault kinds (src/scenario/runtime/faults-net.ts): their code
 * (the `net-faults` part) is loaded only for a scenario or lesson step that
 * gives one. A page's `inject()` takes only `crash` and `recover`
 * (src/embed/faults.ts), so no other fault can need it later.
 */
const NET_FAULTS: readonly string[] = NET_FAULT_KINDS;

const loaders = new Map<WorldPart, () => Promise<void>>();
const loading = new Map<WorldPart, Promise<void>>();

/** A stand-in says how to load its part (the embed build's generated code calls this). */
export function registerWorldPart(part: WorldPart, load: () => Promise<void>): void {
  const before = loaders.get(part);
  loaders.set(part, before === undefined ? load : () => Promise.all([before(), load()]).then(() => undefined));
  // A stand-in in a chunk that loads later (the terminal's adapters take podComponent from the cluster part) may
  // come after its part has loaded: it is filled in too, and whatever is loading waits for it.
  const started = loading.get(part);
  if (started !== undefined) {
    const late = started.then(load);
    loading.set(part, late);
    filling.add(late);
    void late.finally(() => filling.delete(late)).catch(() => undefined);
  }
}

/** Stand-ins being filled in after their part loaded (see registerWorldPart). */
const filling = new Set<Promise<void>>();

/**
 * The parts a world built from `scenario` uses: the direct world for a
 * scenario with a topology, the cluster and its NLBs
 * when it has one (a LoadBalancer Service can be made at any time), nginx
 * when a machine or a Deployment runs it (its balancing methods besides
 * round-robin when a configuration chooses one), the forward proxy when
 * there is one, the network faults' code when the scenario, or `faults`
 * (a lesson step's own), gives one.
 */
export function partsNeeded(scenario: Scenario, faults: readonly { kind: string }[] = []): WorldPart[] {
  const parts: WorldPart[] = [];
  // As createWorld decides (src/scenario/world.ts): a topology makes a direct world.
  if (scenario.topology.clients.length + scenario.topology.servers.length > 0) parts.push('direct');
  if (scenario.cluster !== undefined) parts.push('cluster', 'nlb');
  const nginx = scenario.machines.some((m) => m.role.kind === 'nginx') || Object.keys(scenario.cluster?.nginx ?? {}).length > 0;
  if (nginx) parts.push('nginx');
  if (nginxSpecs(scenario).some((spec) => spec.checked.upstreams.some((u) => u.method.kind !== 'round_robin'))) parts.push('balancers');
  if (scenario.proxies.length > 0) parts.push('proxy');
  if ([...scenario.faults, ...faults].some((f) => NET_FAULTS.includes(f.kind))) parts.push('net-faults');
  return parts;
}

/**
 * Whether a world built from `scenario` needs the nginx configuration
 * parser: when an nginx of it starts on files the build did not parse (a
 * scenario given as YAML; src/embed/deferred/nginx-config.ts).
 */
export function needsNginxParser(scenario: Scenario): boolean {
  return nginxSpecs(scenario).some((spec) => !hasNginxTemplate(spec.files, spec.entry));
}

/** Every nginx a scenario runs: on machines and as Deployments. */
function nginxSpecs(scenario: Scenario): NginxSpec[] {
  const machines = scenario.machines.flatMap((m) => (m.role.kind === 'nginx' ? [m.role.nginx] : []));
  return [...machines, ...Object.values(scenario.cluster?.nginx ?? {})];
}

/** Load what a world built from `scenario` (and given `faults`) needs (at once when nothing is deferred, as outside the embed build). */
export async function loadWorldParts(scenario: Scenario, faults: readonly { kind: string }[] = []): Promise<void> {
  await Promise.all([
    needsNginxParser(scenario) ? loadNginxParser() : undefined,
    ...partsNeeded(scenario, faults).map(loadWorldPart),
  ]);
}

/** Load what the terminal's commands read a world with (src/scenario/terminal/adapters): the terminal awaits it as it opens. */
export function loadTerminalPart(): Promise<void> {
  // The network faults' code too, should a command of the terminal give one.
  return Promise.all([loadWorldPart('terminal'), loadWorldPart('net-faults')]).then(() => undefined);
}

/** Load one part (once; again after a failed download). */
export function loadWorldPart(part: WorldPart): Promise<void> {
  const load = loaders.get(part);
  if (load === undefined) return Promise.resolve();
  let promise = loading.get(part);
  if (promise === undefined) {
    promise = load();
    loading.set(part, promise);
    // A failed download may be retried by the next world that needs the part.
    promise.catch(() => loading.delete(part));
  }
  // The part's own modules may have brought stand-ins of parts already loaded: they are filled in before this settles.
  return promise.then(() => Promise.all([...filling])).then(() => undefined);
}
