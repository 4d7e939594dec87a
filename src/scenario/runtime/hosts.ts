/**
 * Who is where: every component of a full world with its kind, label and
 * place, the host that answers SYNs for it, and the addresses it owns.
 * Pods come and go, so entries are added and removed as the cluster says.
 */
import type { Host } from './tcp-types';
import type { Place, Placements } from './placement';

/** Component kinds a snapshot reports (the UI draws each kind its own way). */
export type FullKind = 'client' | 'resolver' | 'dns-server' | 'machine' | 'proxy' | 'nlb-node' | 'node' | 'pod';

export interface Component {
  readonly id: string;
  readonly kind: FullKind;
  readonly label: string;
  /** Main address (`ip` or `ip:port` where it listens). */
  readonly address: string;
  readonly host: Host;
  state(): string;
  counters(): Record<string, number>;
  /** Extra facts for the inspector (AZ, node, Service…). */
  details?(): Record<string, string>;
}

export class Hosts {
  private readonly byId = new Map<string, Component>();
  private readonly byIp = new Map<string, string>();

  constructor(private readonly places: Placements) {}

  add(component: Component, place: Place, ips: readonly string[]): void {
    if (this.byId.has(component.id)) throw new Error(`duplicate component id ${component.id}`);
    this.byId.set(component.id, component);
    this.places.set(component.id, place);
    for (const ip of ips) this.byIp.set(ip, component.id);
  }

  /** `component` runs on the machine of component `host` (loopback between them). */
  colocate(component: string, host: string): void {
    this.places.colocate(component, host);
  }

  /** Forget a component (a pod that is gone); its addresses are free for the next owner. */
  remove(id: string): void {
    this.byId.delete(id);
    for (const [ip, owner] of this.byIp) if (owner === id) this.byIp.delete(ip);
  }

  get(id: string): Component | undefined {
    return this.byId.get(id);
  }

  host(id: string): Host | undefined {
    return this.byId.get(id)?.host;
  }

  /** The component that owns `ip`, if any. */
  owner(ip: string): string | undefined {
    return this.byIp.get(ip);
  }

  all(): Component[] {
    return [...this.byId.values()];
  }
}
