/**
 * The EndpointSlice controller and the path from it to every kube-proxy.
 *
 * A pod change (new IP, readiness, deletion) asks for a sync; syncs are
 * folded per engine instant and run after the event that caused them, when
 * the pod's state is settled. Each sync rebuilds every Service's slices,
 * records what changed and why, and hands kube-proxy on every node the new
 * view after `propagationMs` (API server, watch, informer), where each
 * proxy's own sync timing takes over.
 */
import type { Engine, Rng, Trace } from '../../../sim';
import type { ServiceState } from '../cluster/services';
import type { KubeProxy } from '../proxy/kube-proxy';
import { randomSuffix } from '../workloads/names';
import { diffEndpoints } from './diff';
import { proxyView } from './proxy-view';
import type { EndpointSlice, PodForEndpoints } from './slice';
import { buildSlices } from './slice';

export interface EndpointsHost {
  readonly engine: Engine;
  readonly trace: Trace;
  services(): readonly ServiceState[];
  pods(): readonly PodForEndpoints[];
  proxies(): readonly KubeProxy[];
  /** API server → kube-proxy delay for a change. */
  readonly propagationMs: number;
}

export class EndpointsController {
  private readonly slices = new Map<string, EndpointSlice[]>();
  private readonly names = new Map<string, string>();
  private causes: { pod?: string; why: string }[] = [];
  private pending = false;

  constructor(
    private readonly host: EndpointsHost,
    private readonly rng: Rng,
  ) {}

  slicesOf(namespace: string, name: string): readonly EndpointSlice[] {
    return this.slices.get(`${namespace}/${name}`) ?? [];
  }

  /** Something that may change endpoints happened; `why` says what, and `pod` which pod it concerns. */
  requestSync(why: string, pod?: string): void {
    this.causes.push(pod === undefined ? { why } : { pod, why });
    if (this.pending) return;
    this.pending = true;
    this.host.engine.schedule(0, () => this.sync(), 'endpointslice sync');
  }

  private sliceName(service: string, key: string, index: number): string {
    const id = `${service}|${key}|${index}`;
    let name = this.names.get(id);
    if (name === undefined) {
      // generateName `<service>-` plus five random characters, stable for the slice's life.
      name = `${service.split('/')[1]}-${randomSuffix(this.rng)}`;
      this.names.set(id, name);
    }
    return name;
  }

  private sync(): void {
    this.pending = false;
    const causes = this.causes;
    this.causes = [];
    const pods = this.host.pods();
    let changed = false;
    for (const service of this.host.services()) {
      const key = `${service.spec.metadata.namespace}/${service.spec.metadata.name}`;
      const before = this.slices.get(key);
      const after = buildSlices(service.spec, pods, (portKey, i) => this.sliceName(key, portKey, i));
      const changes = diffEndpoints(before ?? [], after);
      this.slices.set(key, after);
      if (before === undefined) changed = true;
      if (changes.length === 0) continue;
      changed = true;
      for (const change of changes) {
        const own = causes.filter((c) => c.pod === change.pod);
        const reasons = [...new Set((own.length > 0 ? own : causes.filter((c) => c.pod === undefined)).map((c) => c.why))];
        this.host.trace.record({
          kind: 'state',
          component: `endpoints:${key}`,
          from: change.before === undefined ? 'absent' : change.before.ready ? 'ready' : change.before.serving ? 'serving' : 'not ready',
          to: change.after === undefined ? 'absent' : change.after.ready ? 'ready' : change.after.serving ? 'serving' : 'not ready',
          why: `endpoint ${change.summary}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
        });
      }
    }
    if (!changed) return;
    const view = proxyView(this.host.services(), (ns, name) => this.slicesOf(ns, name));
    this.host.engine.schedule(this.host.propagationMs, () => {
      for (const proxy of this.host.proxies()) proxy.update(view);
    }, 'endpoints reach kube-proxy');
  }
}
