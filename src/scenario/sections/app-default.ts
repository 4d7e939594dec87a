/**
 * The app a pod runs when its Deployment names no app, on its own so the
 * world can use it without the scenario reader (sections/app.ts), whose
 * checks import the YAML parser: the embed's lessons come already checked.
 */
import type { AppSpec } from '../../models/backend';

/** What an app does when the scenario does not say. */
export const DEFAULT_APP: AppSpec = {
  latency: { kind: 'uniform', minMs: 5, maxMs: 20 },
  capacity: { concurrency: 16, queue: 128 },
  errorRate: 0,
  healthPath: '/health',
  healthLatencyMs: 1,
  startupMs: 1000,
  crashAfterStartMs: 2000,
  accessLog: true,
};
