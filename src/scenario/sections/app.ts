/**
 * How an app behaves, the same whether it runs on a machine or in every pod
 * of a Deployment:
 *
 *     responseMs: { median: 30, p99: 250 }   # or 25, or { min: 20, max: 60 }
 *     workers: 8           # requests worked on at once
 *     queue: 64            # requests waiting for a worker; beyond that, 503
 *     errorRate: 0.01      # share of requests answered 500
 *     health: /health      # answers 200 (503 under the unhealthy fault)
 *     startup: 2s          # from process start to listening
 */
import type { AppSpec, LatencyDistribution } from '../../models/backend';
import { childPath, obj, optional, refine, reportAt, scalarOrMap } from '../schema';
import type { Check } from '../schema';
import { bool, count, duration, ms, path, positiveMs, probability, wholeNumber } from './common';
import { DEFAULT_APP } from './app-default';

const distribution: Check<LatencyDistribution> = scalarOrMap('a number of milliseconds ≥ 0, { min, max } or { median, p99 }', {
  scalar: refine(ms, (v) => ({ kind: 'fixed' as const, ms: v })),
  map: refine(
    obj('{ min, max } (uniform) or { median, p99 } (log-normal), in milliseconds', {
      min: optional(ms, -1),
      max: optional(ms, -1),
      median: optional(positiveMs, -1),
      p99: optional(positiveMs, -1),
    }),
    (v, at, ctx): LatencyDistribution | undefined => {
      const uniform = v.min >= 0 || v.max >= 0;
      const lognormal = v.median > 0 || v.p99 > 0;
      if (uniform && !lognormal && v.min >= 0 && v.max >= 0) {
        if (v.max >= v.min) return { kind: 'uniform', minMs: v.min, maxMs: v.max };
        reportAt(ctx, childPath(at, 'max'), `expected max ≥ min (${v.min}), got ${v.max}`);
        return undefined;
      }
      if (lognormal && !uniform && v.median > 0 && v.p99 > 0) {
        if (v.p99 >= v.median) return { kind: 'lognormal', medianMs: v.median, p99Ms: v.p99 };
        reportAt(ctx, childPath(at, 'p99'), `expected p99 ≥ median (${v.median}), got ${v.p99}`);
        return undefined;
      }
      reportAt(ctx, at, 'expected both min and max (uniform), or both median and p99 (log-normal), not a mix');
      return undefined;
    },
  ),
});

/** Defaults: a quick, reliable app with room for a lesson's traffic. */
export { DEFAULT_APP };

/** The fields of an app block, shared with a machine's app (which adds its port). */
export const appFields = {
  responseMs: optional(distribution, DEFAULT_APP.latency),
  workers: optional(count(10_000), DEFAULT_APP.capacity.concurrency),
  queue: optional(wholeNumber(0, 100_000), DEFAULT_APP.capacity.queue),
  errorRate: optional(probability, DEFAULT_APP.errorRate),
  health: optional(path, DEFAULT_APP.healthPath),
  startup: optional(duration, DEFAULT_APP.startupMs),
  crashAfter: optional(duration, DEFAULT_APP.crashAfterStartMs),
  accessLog: optional(bool, DEFAULT_APP.accessLog),
};

/** An app block's values as the model's spec. */
export function toAppSpec(v: {
  responseMs: LatencyDistribution;
  workers: number;
  queue: number;
  errorRate: number;
  health: string;
  startup: number;
  crashAfter: number;
  accessLog: boolean;
}): AppSpec {
  return {
    latency: v.responseMs,
    capacity: { concurrency: v.workers, queue: v.queue },
    errorRate: v.errorRate,
    healthPath: v.health,
    healthLatencyMs: DEFAULT_APP.healthLatencyMs,
    startupMs: v.startup,
    crashAfterStartMs: v.crashAfter,
    accessLog: v.accessLog,
  };
}

export const app: Check<AppSpec> = refine(obj('an app: { responseMs, workers, queue, errorRate, health, startup }', appFields), toAppSpec);
