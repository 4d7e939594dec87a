/**
 * Where each component stands, and the one-way latency that follows.
 *
 * Inside the VPC, distance is the AZ layout: the same node (a veth pair),
 * the same AZ, or across AZs. Out on the internet, each component has a
 * distance to the backbone (`edgeMs`) and two of them are the sum apart: a
 * browser 10 ms from the backbone reaches an NLB 1 ms from it in 11 ms. A
 * VPC component that faces the internet (an NLB node) has an `edgeMs` too.
 */

export type Place =
  | { readonly kind: 'internet'; readonly edgeMs: number }
  | { readonly kind: 'vpc'; readonly az: string; readonly node?: string; readonly edgeMs: number };

export interface VpcLatency {
  readonly sameNodeMs: number;
  readonly sameAzMs: number;
  readonly crossAzMs: number;
}

/** One-way latency through a machine's loopback interface (no wire: a copy in the kernel). */
export const LOOPBACK_MS = 0.01;

export const DEFAULT_VPC_LATENCY: VpcLatency = { sameNodeMs: 0.05, sameAzMs: 0.25, crossAzMs: 1 };

/** One-way latency between two places. */
export function latencyBetween(a: Place, b: Place, vpc: VpcLatency): number {
  if (a.kind === 'vpc' && b.kind === 'vpc') {
    if (a.node !== undefined && a.node === b.node) return vpc.sameNodeMs;
    return a.az === b.az ? vpc.sameAzMs : vpc.crossAzMs;
  }
  return Math.round((a.edgeMs + b.edgeMs) * 1000) / 1000;
}

/** Places by component id, kept up to date as pods come and go. */
export class Placements {
  private readonly places = new Map<string, Place>();
  /** Component → the machine it runs on, for programs that share one (nginx and its app). */
  private readonly machineOf = new Map<string, string>();

  constructor(private readonly vpc: VpcLatency) {}

  set(component: string, place: Place): void {
    this.places.set(component, place);
  }

  get(component: string): Place | undefined {
    return this.places.get(component);
  }

  /** The AZ a component is in, if it is inside the VPC. */
  azOf(component: string): string | undefined {
    const place = this.places.get(component);
    return place?.kind === 'vpc' ? place.az : undefined;
  }

  /** `component` runs on the same machine as `host`: they are loopback apart. */
  colocate(component: string, host: string): void {
    this.machineOf.set(component, host);
  }

  latency(a: string, b: string): number {
    if ((this.machineOf.get(a) ?? a) === (this.machineOf.get(b) ?? b)) return LOOPBACK_MS;
    const pa = this.places.get(a);
    const pb = this.places.get(b);
    if (pa === undefined || pb === undefined) throw new Error(`no place for ${pa === undefined ? a : b}`);
    return latencyBetween(pa, pb, this.vpc);
  }
}
