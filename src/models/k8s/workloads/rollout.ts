/**
 * The Deployment controller's RollingUpdate step (`pkg/controller/deployment/rolling.go`):
 * how many replicas each ReplicaSet should have next, given the desired count
 * and how many pods of each are available.
 *
 * - maxSurge and maxUnavailable default to 25 %; as a count, surge rounds up
 *   and unavailable rounds down; when both come to 0, maxUnavailable is 1
 *   (`ResolveFenceposts`, `pkg/controller/deployment/util/deployment_util.go`).
 * - The new ReplicaSet grows while all ReplicaSets together hold at most
 *   replicas + maxSurge (`NewRSNewReplicas`).
 * - Old ReplicaSets shrink while replicas − maxUnavailable pods stay
 *   available: first their unavailable pods, then the oldest ReplicaSets
 *   first (`reconcileOldReplicaSets`, `cleanupUnhealthyReplicas`,
 *   `scaleDownOldReplicaSetsForRollingUpdate`).
 * - One step per sync, as the controller does: scale the new one up, or,
 *   when that is not possible, the old ones down.
 *
 * Available means ready (minReadySeconds 0). With only one ReplicaSet holding
 * replicas, the Deployment is simply scaled. `Recreate` is `planRecreate`.
 */

/** A ReplicaSet as the step reads it. */
export interface RolloutSet {
  readonly name: string;
  /** `spec.replicas`. */
  readonly replicas: number;
  /** Ready pods not being deleted (`status.availableReplicas`). */
  readonly available: number;
}

export interface RolloutInput {
  readonly desired: number;
  /** The ReplicaSet of the current template. */
  readonly current: RolloutSet;
  /** The others, oldest first. */
  readonly old: readonly RolloutSet[];
  /** Percent (`25%`) or a count. */
  readonly maxSurge?: number | string;
  readonly maxUnavailable?: number | string;
}

/** New `spec.replicas` by ReplicaSet name (only those that change), with the reason. */
export interface RolloutStep {
  readonly scale: Readonly<Record<string, number>>;
  readonly why: string;
}

/**
 * The next step of a Recreate rollout (`rolloutRecreate`): old ReplicaSets to
 * 0, then wait until none of their pods is left (terminating included), then
 * the new ReplicaSet up to the desired count.
 */
export function planRecreate(desired: number, current: RolloutSet, old: readonly (RolloutSet & { readonly pods: number })[]): RolloutStep {
  const running = old.filter((s) => s.replicas > 0);
  if (running.length > 0) {
    return { scale: Object.fromEntries(running.map((s) => [s.name, 0])), why: `Recreate: scale ${running.map((s) => s.name).join(', ')} down to 0 before any new pod starts` };
  }
  const left = old.reduce((n, s) => n + s.pods, 0);
  if (left > 0) return { scale: {}, why: `Recreate: waiting for ${left} old pods to be gone` };
  if (current.replicas === desired) return { scale: {}, why: `${current.name} holds all ${desired} replicas` };
  return { scale: { [current.name]: desired }, why: `Recreate: old pods gone, scale ${current.name} to ${desired}` };
}

/** An int-or-percent against `total`, rounded up or down (`intstr.GetScaledValueFromIntOrPercent`). */
export function scaledValue(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = Number(value.replace(/%$/, ''));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable as counts for `replicas`. */
export function resolveFenceposts(replicas: number, maxSurge: number | string = '25%', maxUnavailable: number | string = '25%'): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, replicas, true);
  const unavailable = scaledValue(maxUnavailable, replicas, false);
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1 };
  return { surge, unavailable };
}

/** The next step of a rollout, or an empty `scale` when nothing is to change now. */
export function planRollout(input: RolloutInput): RolloutStep {
  const { desired, current } = input;
  const old = input.old.filter((s) => s.replicas > 0);
  if (old.length === 0) {
    if (current.replicas === desired) return { scale: {}, why: `${current.name} holds all ${desired} replicas` };
    return { scale: { [current.name]: desired }, why: `scale ${current.name} from ${current.replicas} to ${desired}` };
  }
  const { surge, unavailable } = resolveFenceposts(desired, input.maxSurge, input.maxUnavailable);
  const total = current.replicas + old.reduce((n, s) => n + s.replicas, 0);

  // Scale the new ReplicaSet up within maxSurge.
  if (current.replicas > desired) return { scale: { [current.name]: desired }, why: `${current.name} has more than the ${desired} replicas wanted` };
  if (current.replicas < desired) {
    const room = Math.min(desired + surge - total, desired - current.replicas);
    if (room > 0) {
      return {
        scale: { [current.name]: current.replicas + room },
        why: `rolling update: ${total} pods of at most ${desired} + maxSurge ${surge}: scale ${current.name} up to ${current.replicas + room}`,
      };
    }
  }

  // Scale old ReplicaSets down while replicas − maxUnavailable stay available.
  const minAvailable = desired - unavailable;
  const newUnavailable = current.replicas - current.available;
  let budget = total - minAvailable - newUnavailable;
  if (budget <= 0) {
    return { scale: {}, why: `rolling update: waiting for new pods to become available (at least ${minAvailable} of ${desired} must stay available, maxUnavailable ${unavailable})` };
  }
  const next = new Map(old.map((s) => [s.name, s.replicas]));
  for (const s of old) {
    // Unhealthy old pods go first: removing them costs no availability.
    const cut = Math.min(budget, s.replicas - s.available);
    if (cut > 0) {
      next.set(s.name, s.replicas - cut);
      budget -= cut;
    }
  }
  const available = current.available + old.reduce((n, s) => n + s.available, 0);
  // As the controller does, this part is bounded by availability only, not by what the cleanup used.
  let spare = available - minAvailable;
  for (const s of old) {
    if (spare <= 0) break;
    const now = next.get(s.name) ?? 0;
    const cut = Math.min(now, spare);
    next.set(s.name, now - cut);
    spare -= cut;
  }
  const scale: Record<string, number> = {};
  for (const s of old) if (next.get(s.name) !== s.replicas) scale[s.name] = next.get(s.name) ?? 0;
  if (Object.keys(scale).length === 0) {
    return { scale, why: `rolling update: ${available} available, at least ${minAvailable} must stay (maxUnavailable ${unavailable}): waiting` };
  }
  return {
    scale,
    why: `rolling update: ${available} pods available, at least ${minAvailable} must stay (replicas ${desired} − maxUnavailable ${unavailable}): scale down ${Object.entries(scale)
      .map(([n, r]) => `${n} to ${r}`)
      .join(', ')}`,
  };
}
