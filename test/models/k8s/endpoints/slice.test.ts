import { describe, expect, it } from 'vitest';
import { defaultContainer, defaultService } from '../../../../src/models/k8s/api/defaults';
import { diffEndpoints } from '../../../../src/models/k8s/endpoints/diff';
import { buildSlices } from '../../../../src/models/k8s/endpoints/slice';
import type { PodForEndpoints } from '../../../../src/models/k8s/endpoints/slice';

const service = defaultService({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'auth-service' },
  spec: { selector: { app: 'auth' }, ports: [{ port: 80, targetPort: 'http' }] },
});

const pod = (name: string, ip: string | undefined, state: Partial<PodForEndpoints> = {}, containerPort = 3000): PodForEndpoints => ({
  name,
  namespace: 'default',
  labels: { app: 'auth' },
  ...(ip !== undefined ? { ip } : {}),
  node: 'node-a',
  zone: 'eu-west-1a',
  ready: true,
  terminating: false,
  container: defaultContainer({ name: 'auth', image: 'auth:1', ports: [{ name: 'http', containerPort }] }),
  ...state,
});

const names = (key: string, i: number) => `auth-service-${key.length}${i}`;

describe('EndpointSlices', () => {
  it('lists every selected pod with an IP and derives ready, serving and terminating', () => {
    const slices = buildSlices(service, [
      pod('a', '10.244.0.2'),
      pod('b', '10.244.0.3', { ready: false }),
      pod('c', '10.244.0.4', { terminating: true }),
      pod('d', undefined),
      pod('e', '10.244.0.6', { labels: { app: 'other' } }),
    ], names);
    expect(slices).toHaveLength(1);
    expect(slices[0]!.ports).toEqual([{ name: '', port: 3000, protocol: 'TCP' }]);
    expect(slices[0]!.endpoints.map((e) => [e.targetRef.name, e.conditions])).toEqual([
      ['a', { ready: true, serving: true, terminating: false }],
      ['b', { ready: false, serving: false, terminating: false }],
      ['c', { ready: false, serving: true, terminating: true }],
    ]);
  });

  it('resolves a named target port per pod and groups pods by the port they use', () => {
    const slices = buildSlices(service, [pod('a', '10.244.0.2'), pod('b', '10.244.0.3', {}, 8080)], names);
    expect(slices.map((s) => [s.ports[0]!.port, s.endpoints.map((e) => e.targetRef.name)])).toEqual([
      [3000, ['a']],
      [8080, ['b']],
    ]);
  });

  it('puts at most 100 endpoints in a slice', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, `10.244.${Math.floor(i / 200)}.${i + 2}`));
    expect(buildSlices(service, pods, names).map((s) => s.endpoints.length)).toEqual([100, 50]);
  });

  it('describes what changed for each endpoint', () => {
    const before = buildSlices(service, [pod('a', '10.244.0.2'), pod('b', '10.244.0.3')], names);
    const after = buildSlices(service, [pod('a', '10.244.0.2', { ready: false })], names);
    expect(diffEndpoints(before, after).map((c) => c.summary)).toEqual([
      '10.244.0.2 (a): ready true → false, serving true → false',
      '10.244.0.3 (b) removed',
    ]);
  });
});
