import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateManifest } from '../../../../src/models/k8s/api/validate';
import type { DefaultedDeployment } from '../../../../src/models/k8s/api/types';

const deployment = (strategy: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 4
  selector: { matchLabels: { app: web } }
${strategy}
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: web:1 }]
`;

const read = (strategy: string) => validateManifest(parse(deployment(strategy)));

describe('Deployment strategy', () => {
  it('reads RollingUpdate counts and percentages, and Recreate', () => {
    const r = read('  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }');
    expect(r.ok && (r.value as DefaultedDeployment).strategy).toEqual({ type: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 });
    const p = read('  strategy: { rollingUpdate: { maxSurge: "50%" } }');
    expect(p.ok && (p.value as DefaultedDeployment).strategy).toEqual({ type: 'RollingUpdate', maxSurge: '50%', maxUnavailable: '25%' });
    const c = read('  strategy: { type: Recreate }');
    expect(c.ok && (c.value as DefaultedDeployment).strategy).toEqual({ type: 'Recreate' });
    const none = read('');
    expect(none.ok && (none.value as DefaultedDeployment).strategy).toBeUndefined();
  });

  it('refuses what the API server refuses: both at 0, a bad percentage, rollingUpdate with Recreate', () => {
    const messages = (s: string) => {
      const r = read(s);
      return r.ok ? [] : r.problems.map((p) => p.message);
    };
    expect(messages('  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }')).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    expect(messages('  strategy: { rollingUpdate: { maxUnavailable: "120%" } }')[0]).toMatch(/must not be greater than 100%/);
    expect(messages('  strategy: { rollingUpdate: { maxSurge: "lots" } }')[0]).toMatch(/a valid percent string/);
    expect(messages('  strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } }')[0]).toMatch(/Forbidden: may not be specified when strategy `type` is 'Recreate'/);
  });
});
