/**
 * `ip` targets, as the AWS Load Balancer Controller keeps them: its
 * TargetGroupBinding reconciler watches the Service's EndpointSlices and
 * registers the address of every ready endpoint (the pod IP and its port),
 * and deregisters an endpoint that stops being ready or goes away (a pod
 * deleted is terminating at once): the target then drains for the
 * deregistration delay. A new target is `initial` until the NLB's health
 * checks pass.
 *
 * The controller here looks at the slices once a second (`RECONCILE_MS`): a
 * watch with a short reconcile lag, which is also why real pods behind `ip`
 * targets want a preStop pause. The diff is a plain function.
 *
 * Simplified: a new pod that gets the IP of a target still draining is
 * registered only once that target has left (the drain ends), not at once.
 */
import type { Engine, Trace } from '../../sim';
import type { NlbRuntime, Target, TargetSpec } from '../../models/nlb';
import type { EndpointSlice } from '../../models/k8s/endpoints/slice';

/** How often the controller compares endpoints with registered targets. */
export const RECONCILE_MS = 1000;

/** Where the controller reads endpoints (the cluster model). */
export interface EndpointSource {
  endpointSlices(namespace: string, name: string): readonly EndpointSlice[];
}

/** A target the controller wants, with the pod it stands for. */
export interface WantedTarget extends TargetSpec {
  readonly pod: string;
}

/** Ready endpoints of the Service port named `portName` as `ip` targets (id = pod IP). */
export function wantedTargets(slices: readonly EndpointSlice[], portName: string): WantedTarget[] {
  const out: WantedTarget[] = [];
  for (const slice of slices) {
    const port = slice.ports.find((p) => p.name === portName) ?? (slice.ports.length === 1 ? slice.ports[0] : undefined);
    if (port === undefined) continue;
    for (const e of slice.endpoints) {
      if (!e.conditions.ready || e.zone === undefined) continue;
      out.push({ id: e.address, ip: e.address, port: port.port, az: e.zone, pod: e.targetRef.name });
    }
  }
  return out;
}

/** What to register and what to deregister so the target group matches `wanted`. */
export function targetDiff(current: readonly Target[], wanted: readonly WantedTarget[]): { add: WantedTarget[]; remove: Target[] } {
  const live = current.filter((t) => t.health.state !== 'draining' && t.health.state !== 'unused');
  const key = (t: { id: string; port: number }) => `${t.id}:${t.port}`;
  const wantedKeys = new Set(wanted.map(key));
  const liveKeys = new Set(current.map(key));
  return { add: wanted.filter((w) => !liveKeys.has(key(w))), remove: live.filter((t) => !wantedKeys.has(key(t))) };
}

/** One target group of an `ip` NLB and the Service port it serves. */
export interface IpGroup {
  readonly targetGroup: string;
  readonly portName: string;
}

/** Keep the `ip` target groups of one NLB in step with the Service's endpoints, from now on. */
export function syncIpTargets(
  deps: { engine: Engine; trace: Trace; runtime: NlbRuntime; endpoints: EndpointSource },
  service: { namespace: string; name: string },
  groups: readonly IpGroup[],
): void {
  const { engine, trace, runtime, endpoints } = deps;
  const component = `aws-load-balancer-controller:${service.namespace}/${service.name}`;
  const reconcile = (): void => {
    const slices = endpoints.endpointSlices(service.namespace, service.name);
    for (const g of groups) {
      const tg = runtime.nlb.targetGroups.find((x) => x.name === g.targetGroup);
      if (tg === undefined) continue;
      const { add, remove } = targetDiff(tg.targets, wantedTargets(slices, g.portName));
      for (const w of add) {
        trace.record({ kind: 'decision', component, decision: 'register', why: `pod ${w.pod} is a ready endpoint: register ${w.ip}:${w.port} (${w.az}) in ${tg.name}; initial until its health checks pass` });
        runtime.register(tg.name, { id: w.id, ip: w.ip, port: w.port, az: w.az });
      }
      for (const t of remove) {
        const why = `${t.ip} is no longer a ready endpoint of ${service.namespace}/${service.name} (pod not ready, terminating or gone)`;
        trace.record({ kind: 'decision', component, decision: 'deregister', why: `${why}: deregister ${t.ip}:${t.port} from ${tg.name}` });
        runtime.deregister(tg.name, t.id, t.port, why);
      }
    }
    engine.schedule(RECONCILE_MS, reconcile, 'lbc reconcile');
  };
  reconcile();
}
