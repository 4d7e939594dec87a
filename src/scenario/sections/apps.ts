/**
 * The `apps` section: how the program in each Deployment's pods behaves,
 * keyed by the Deployment's name (or `namespace/name`). A Deployment of the
 * nginx image runs the nginx model instead and takes no entry; any other
 * Deployment without one gets the default app.
 *
 *     apps:
 *       auth: { responseMs: { median: 15, p99: 80 }, workers: 8, errorRate: 0.001 }
 *       api: { responseMs: { min: 20, max: 120 } }
 */
import { isMap, type Node } from 'yaml';
import type { AppSpec } from '../../models/backend';
import type { Check } from '../schema';
import { describe, posOf, read, report, scalar } from '../schema';
import { app } from './app';

const deploymentRef = scalar('a Deployment name, or namespace/name', (v) =>
  typeof v === 'string' && /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v) ? v : undefined,
);

/** Keys are normalized to `namespace/name` (`default/` when no namespace is given). */
export const appsByDeployment: Check<Record<string, AppSpec>> = {
  expected: 'a mapping of Deployment name to app behaviour',
  parse(node, path, ctx) {
    if (node === null || !isMap(node)) {
      report(ctx, posOf(node, ctx), path, `expected ${this.expected}, got ${describe(node)}`);
      return undefined;
    }
    const out: Record<string, AppSpec> = {};
    let ok = true;
    for (const pair of node.items) {
      const key = read(deploymentRef, pair.key as Node | null, `${path}[key]`, ctx);
      const fieldPath = `${path}.${String(key)}`;
      const value = read(app, pair.value as Node | null, fieldPath, ctx);
      if (key === undefined || value === undefined) {
        ok = false;
        continue;
      }
      // Remember where the key is, so references can point at a Deployment that does not exist.
      ctx.positions.set(fieldPath, posOf(pair.key as Node | null, ctx));
      out[key.includes('/') ? key : `default/${key}`] = value;
    }
    return ok ? out : undefined;
  },
};
