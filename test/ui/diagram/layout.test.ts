import { describe, expect, it } from 'vitest';
import type { ComponentSnapshot } from '../../../src/scenario';
import { layoutDiagram, pointOnLink, structureKey } from '../../../src/ui/diagram/layout';

const c = (id: string, kind: string, extra: Record<string, string> = {}): ComponentSnapshot =>
  ({ id, kind, label: id, address: '', state: 'up', counters: {}, ...extra }) as unknown as ComponentSnapshot;

const fullPath = [
  c('api-1', 'pod', { az: 'eu-west-1a', service: 'api' }),
  c('api-2', 'pod', { az: 'eu-west-1b', service: 'api' }),
  c('auth-1', 'pod', { az: 'eu-west-1a', service: 'auth' }),
  c('nginx-1', 'nginx', { az: 'eu-west-1a' }),
  c('nlb-a', 'nlb-node', { az: 'eu-west-1a' }),
  c('nlb-b', 'nlb-node', { az: 'eu-west-1b' }),
  c('resolver', 'recursive-resolver'),
  c('root', 'dns-root'),
  c('browser', 'client'),
];

describe('layoutDiagram', () => {
  it('puts components in the order a request meets them, left to right', () => {
    const layout = layoutDiagram(fullPath, []);
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    const order = ['browser', 'resolver', 'root', 'nlb-a', 'nginx-1', 'api-1'].map((id) => x[id] ?? NaN);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('gives each availability zone its own lane, below what lives outside any zone', () => {
    const layout = layoutDiagram(fullPath, []);
    expect(layout.lanes.map((l) => l.label)).toEqual(['', 'Availability zone eu-west-1a', 'Availability zone eu-west-1b']);
    const y = Object.fromEntries(layout.nodes.map((n) => [n.id, n.y]));
    const laneA = layout.lanes[1];
    const laneB = layout.lanes[2];
    expect(y['nlb-a']).toBeGreaterThan(laneA?.y ?? Infinity);
    expect(y['nlb-a']).toBeLessThan((laneA?.y ?? 0) + (laneA?.height ?? 0));
    expect(y['nlb-b']).toBeGreaterThan(laneB?.y ?? Infinity);
    expect(y.browser).toBeLessThan(laneA?.y ?? 0);
  });

  it('lines up the pods of one Service in a band of their own, across the zones', () => {
    const layout = layoutDiagram(fullPath, []);
    expect(layout.groups.map((g) => g.label)).toEqual(['Service api', 'Service auth']);
    const at = (id: string) => layout.nodes.find((n) => n.id === id);
    expect(at('api-1')?.x).toBe(at('api-2')?.x);
    expect(at('auth-1')?.x).not.toBe(at('api-1')?.x);
    const band = layout.groups[0];
    for (const id of ['api-1', 'api-2']) {
      const n = at(id);
      expect(n !== undefined && band !== undefined && n.y > band.y && n.y < band.y + band.height, id).toBe(true);
    }
    expect(layout.columns.filter((c) => c.title === 'Backends')).toHaveLength(1);
  });

  it('never overlaps two boxes', () => {
    const { nodes } = layoutDiagram(fullPath, []);
    for (const a of nodes)
      for (const b of nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= a.width || Math.abs(a.y - b.y) >= a.height;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
  });

  it('runs a link from the facing edge of one box to the facing edge of the other, and drops links to unknown ends', () => {
    const comps = [c('browser', 'client'), c('app', 'server')];
    const layout = layoutDiagram(comps, [{ id: 'l1', from: 'browser', to: 'app', latencyMs: 20 }, { id: 'x', from: 'browser', to: 'ghost', latencyMs: 1 }]);
    const [link] = layout.links;
    const browser = layout.nodes.find((n) => n.id === 'browser');
    const app = layout.nodes.find((n) => n.id === 'app');
    expect(layout.links).toHaveLength(1);
    expect(link?.x0).toBe((browser?.x ?? 0) + (browser?.width ?? 0) / 2);
    expect(link?.x1).toBe((app?.x ?? 0) - (app?.width ?? 0) / 2);
    expect(link?.d).toMatch(/^M/);
  });

  it('curves a link between two boxes of one column out to the side instead of through the boxes between', () => {
    const comps = [c('resolver', 'recursive-resolver'), c('stub', 'stub-resolver')];
    const [link] = layoutDiagram(comps, [{ id: 'l', from: 'stub', to: 'resolver', latencyMs: 1 }]).links;
    expect(link?.c1[0]).toBeGreaterThan(link?.x0 ?? Infinity);
  });
});

describe('structureKey', () => {
  it('changes with structure but not with state or counters', () => {
    const a = structureKey([c('app', 'server')], []);
    expect(structureKey([{ ...c('app', 'server'), state: 'crashed', counters: { n: 3 } }], [])).toBe(a);
    expect(structureKey([c('app', 'server'), c('b', 'client')], [])).not.toBe(a);
  });
});

describe('pointOnLink', () => {
  const link = { id: 'l', link: { id: 'l', from: 'a', to: 'b', latencyMs: 1 }, x0: 0, y0: 0, x1: 100, y1: 0, c1: [50, 0] as [number, number], c2: [50, 0] as [number, number], d: '' };

  it('starts at one end, ends at the other, and runs backwards for a reversed packet', () => {
    expect(pointOnLink(link, 0, false)).toEqual({ x: 0, y: 0 });
    expect(pointOnLink(link, 1, false).x).toBeCloseTo(100);
    expect(pointOnLink(link, 0.25, true).x).toBeCloseTo(100 - pointOnLink(link, 0.25, false).x);
  });
});
