/**
 * The NLB's DNS answer: one A record per enabled AZ that is healthy, TTL 60.
 *
 * An AZ is healthy when every target group in use has enough healthy targets
 * for that AZ's node (at least one by default; with cross-zone on, anywhere).
 * When no AZ is healthy, the NLB fails open and returns every AZ's address
 * (target-group-health-checks.md:11-13, target-group-health.md:8-20).
 * Clients and resolvers may keep a removed address until its TTL runs out.
 */
import { belowMinimum, targetGroupsInUse, zoneView } from './failover';
import type { Ip, Nlb } from './types';

/** The NLB's A-record TTL, fixed by AWS (a Route 53 alias takes it too). */
export const NLB_DNS_TTL_SECONDS = 60;

export interface ZoneHealth {
  readonly az: string;
  readonly ip: Ip;
  readonly healthy: boolean;
  readonly why: string;
}

export interface NlbDnsAnswer {
  readonly name: string;
  readonly ttlSeconds: number;
  /** In the order the AZs were enabled. */
  readonly addresses: Ip[];
  /** True when no AZ was healthy and every address is returned. */
  readonly failOpen: boolean;
  readonly zones: ZoneHealth[];
  readonly why: string;
}

function zoneHealth(nlb: Nlb, az: string, ip: Ip): ZoneHealth {
  for (const tg of targetGroupsInUse(nlb)) {
    const view = zoneView(nlb, tg, az);
    if (belowMinimum(tg.dnsFailover, view)) {
      return {
        az,
        ip,
        healthy: false,
        why: `${tg.name} has ${view.healthy.length} healthy of ${view.available.length} target(s) for ${az}`,
      };
    }
  }
  return { az, ip, healthy: true, why: `every target group has a healthy target for ${az}` };
}

/** What the NLB's DNS name resolves to right now. */
export function nlbDnsAnswer(nlb: Nlb): NlbDnsAnswer {
  const zones = nlb.nodes.map((n) => zoneHealth(nlb, n.az, n.ip));
  const healthy = zones.filter((z) => z.healthy);
  if (healthy.length === 0) {
    return {
      name: nlb.dnsName,
      ttlSeconds: NLB_DNS_TTL_SECONDS,
      addresses: zones.map((z) => z.ip),
      failOpen: true,
      zones,
      why: `fail-open: no AZ has a healthy target, so all ${zones.length} AZ addresses are returned`,
    };
  }
  const dropped = zones.filter((z) => !z.healthy);
  return {
    name: nlb.dnsName,
    ttlSeconds: NLB_DNS_TTL_SECONDS,
    addresses: healthy.map((z) => z.ip),
    failOpen: false,
    zones,
    why:
      dropped.length === 0
        ? `all ${zones.length} AZs have healthy targets`
        : dropped.map((z) => `${z.az} (${z.ip}) removed: ${z.why}`).join('; '),
  };
}
