import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type ComponentSnapshot, type Scenario } from '../../../src/scenario';
import { enrich, nodeFromEvent, podApp } from '../../../src/ui/diagram/enrich';

const component = (id: string, kind: string, label = id, address = ''): ComponentSnapshot =>
  ({ id, kind, label, address, state: 'Running', counters: {} }) as unknown as ComponentSnapshot;
const field = (c: ComponentSnapshot | undefined, name: string): unknown => (c as unknown as Record<string, unknown> | undefined)?.[name];

describe('podApp and nodeFromEvent', () => {
  it('reads the Deployment from a pod name and the node from the kubelet’s Scheduled event', () => {
    expect(podApp('nginx-55cfdff8ff-89vc8')).toBe('nginx');
    expect(podApp('auth-service-677f845998-x8w8f')).toBe('auth-service');
    expect(podApp('standalone')).toBeUndefined();
    expect(nodeFromEvent('Normal Scheduled pod/x: Successfully assigned default/x to node-2')).toBe('node-2');
  });
});

describe('enrich', () => {
  it('leaves a direct world’s components as they are', () => {
    const comps = [component('browser', 'client'), component('app', 'server')];
    expect(enrich(comps, undefined, () => undefined)).toEqual(comps);
  });

  it('never overrides a field the snapshot carries', () => {
    const pod = { ...component('pod:default/api-74dc4b5d66-f7zj5', 'pod', 'api-74dc4b5d66-f7zj5'), az: 'given' } as unknown as ComponentSnapshot;
    expect(field(enrich([pod], undefined, () => 'node-1')[0], 'az')).toBe('given');
  });

  const path = 'lessons/scenarios/full-path.yaml';
  const loaded = (() => {
    try {
      return loadScenario(readFileSync(path, 'utf8'), path);
    } catch {
      return undefined;
    }
  })();
  const scenario: Scenario | undefined = loaded?.ok === true ? loaded.scenario : undefined;

  it.skipIf(scenario === undefined)('places the full path’s nodes, NLB nodes and pods in their zones, with nginx’s own config', () => {
    const comps = [
      component('node-1', 'node'),
      component('nlb-eu-west-1b', 'nlb-node', 'NLB eu-west-1b', '52.16.20.1'),
      component('pod:default/nginx-55cfdff8ff-89vc8', 'pod', 'nginx-55cfdff8ff-89vc8'),
      component('pod:default/api-74dc4b5d66-f7zj5', 'pod', 'api-74dc4b5d66-f7zj5'),
    ];
    const [node, nlb, nginx, api] = enrich(comps, scenario, (id) => (id.includes('nginx') ? 'node-1' : undefined));
    expect(field(node, 'az')).toBe('eu-west-1a');
    expect(field(nlb, 'az')).toBe('eu-west-1b');
    expect(field(nginx, 'az')).toBe('eu-west-1a');
    expect(field(nginx, 'role')).toBe('nginx');
    expect(String((field(nginx, 'config') as { text: string }).text)).toMatch(/location \/auth\//);
    expect(field(api, 'service')).toBe('api-service');
    expect(field(api, 'az')).toBeUndefined();
  });
});
