import { describe, expect, it } from 'vitest';
import { layoutDiagram, pointOnLink } from '../../src/ui/layout';
import type { ComponentSnapshot } from '../../src/scenario';

const component = (id: string, kind: 'client' | 'server'): ComponentSnapshot => ({ id, kind, label: id, address: '', state: 'up', counters: {} });

describe('layoutDiagram', () => {
  const components = [component('app', 'server'), component('browser', 'client')];
  const links = [{ id: 'l1', from: 'browser', to: 'app', latencyMs: 20 }];

  it('puts clients left of servers, whatever the scenario order', () => {
    const layout = layoutDiagram(components, links, 600);
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.browser).toBeLessThan(x.app ?? 0);
  });

  it('keeps every box inside the width, down to a phone screen', () => {
    for (const width of [343, 600, 1000]) {
      const layout = layoutDiagram(components, links, width);
      for (const n of layout.nodes) {
        expect(n.x - n.width / 2, `${width}`).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width / 2, `${width}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('runs a link from the facing edge of one box to the facing edge of the other', () => {
    const layout = layoutDiagram(components, links, 600);
    const [link] = layout.links;
    const browser = layout.nodes.find((n) => n.id === 'browser');
    const app = layout.nodes.find((n) => n.id === 'app');
    expect(link?.x0).toBe((browser?.x ?? 0) + (browser?.width ?? 0) / 2);
    expect(link?.x1).toBe((app?.x ?? 0) - (app?.width ?? 0) / 2);
    expect(link?.d).toMatch(/^M/);
  });

  it('drops a link whose ends are not in the snapshot', () => {
    expect(layoutDiagram(components, [{ id: 'x', from: 'browser', to: 'ghost', latencyMs: 1 }], 600).links).toEqual([]);
  });
});

describe('pointOnLink', () => {
  it('moves a reversed packet from the far end back', () => {
    const link = { id: 'l', link: { id: 'l', from: 'a', to: 'b', latencyMs: 1 }, x0: 0, y0: 0, x1: 100, y1: 0, d: '' };
    expect(pointOnLink(link, 0.25, false).x).toBe(25);
    expect(pointOnLink(link, 0.25, true).x).toBe(75);
  });
});
