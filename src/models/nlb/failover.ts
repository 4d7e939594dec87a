/**
 * What one NLB node can see of a target group, and whether that is "enough".
 *
 * With cross-zone load balancing off, a node only sends to targets in its own
 * AZ, so health is judged per zone; with it on, over all enabled zones
 * (target-group-health.md, "Requirements and considerations"). Below the
 * minimum (by default: no healthy target at all), the zone leaves DNS
 * (DNS failover) and the node routes to every target it can reach, healthy
 * or not (routing failover, i.e. fail-open).
 */
import type { HealthyTargetMinimum, Nlb, Target, TargetGroup } from './types';

/** The target group's setting wins; otherwise the load balancer's (off by default for NLB). */
export function crossZoneEnabled(nlb: Nlb, tg: TargetGroup): boolean {
  return tg.crossZone ?? nlb.crossZone;
}

/** The target groups some listener forwards to; the others receive nothing. */
export function targetGroupsInUse(nlb: Nlb): TargetGroup[] {
  const used = new Set(nlb.listeners.map((l) => l.targetGroup));
  return nlb.targetGroups.filter((tg) => used.has(tg.name));
}

/** The targets of `tg` a node in `az` may send new flows to, split by health. */
export interface ZoneView {
  /** Registered, not draining, in an enabled AZ (and in `az` when cross-zone is off). */
  readonly available: readonly Target[];
  readonly healthy: readonly Target[];
}

export function zoneView(nlb: Nlb, tg: TargetGroup, az: string): ZoneView {
  // Runs for every new connection: one pass, no Set or closures.
  const crossZone = crossZoneEnabled(nlb, tg);
  const available: Target[] = [];
  const healthy: Target[] = [];
  for (const t of tg.targets) {
    const state = t.health.state;
    if (state === 'draining' || state === 'unused') continue;
    if (!crossZone && t.az !== az) continue;
    if (!azEnabled(nlb, t.az)) continue;
    available.push(t);
    if (state === 'healthy') healthy.push(t);
  }
  return { available, healthy };
}

function azEnabled(nlb: Nlb, az: string): boolean {
  for (const n of nlb.nodes) if (n.az === az) return true;
  return false;
}

/** True when the healthy targets fall below the minimum (count or percentage, either one). */
export function belowMinimum(min: HealthyTargetMinimum, view: ZoneView): boolean {
  const healthy = view.healthy.length;
  if (healthy < min.count) return true;
  return min.percentage !== undefined && healthy * 100 < min.percentage * view.available.length;
}

/** The default minimum: at least one healthy target. */
export const AT_LEAST_ONE: HealthyTargetMinimum = { count: 1 };
