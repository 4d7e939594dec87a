/**
 * Where the diagram puts things, computed with D3 scales and shapes and
 * returned as plain data for Svelte to draw. Clients stand on the left,
 * servers on the right, in scenario order: the direction a request travels.
 */
import { linkHorizontal, scalePoint } from 'd3';
import type { ComponentSnapshot, LinkSnapshot } from '../scenario';

export interface NodeBox {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  component: ComponentSnapshot;
}

export interface LinkPath {
  id: string;
  link: LinkSnapshot;
  /** Where the link leaves its `from` box and enters its `to` box. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** SVG path data. */
  d: string;
}

export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  links: LinkPath[];
}

const KIND_ORDER: Record<string, number> = { client: 0, server: 1 };

/** Lay out components in a row across `width`, and the links between their facing edges. */
export function layoutDiagram(components: readonly ComponentSnapshot[], links: readonly LinkSnapshot[], width: number): Layout {
  const ordered = [...components].sort((a, b) => (KIND_ORDER[a.kind] ?? 2) - (KIND_ORDER[b.kind] ?? 2));
  const margin = 12;
  const slots = Math.max(1, ordered.length);
  const boxWidth = Math.max(96, Math.min(180, (width - margin * 2) / slots - 32));
  const boxHeight = 96;
  const height = boxHeight + 56;
  const x = scalePoint<string>()
    .domain(ordered.map((c) => c.id))
    .range([margin + boxWidth / 2, Math.max(margin + boxWidth / 2, width - margin - boxWidth / 2)])
    .align(0.5);
  const y = height / 2;
  const nodes: NodeBox[] = ordered.map((component) => ({
    id: component.id,
    x: x(component.id) ?? width / 2,
    y,
    width: boxWidth,
    height: boxHeight,
    component,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const paths: LinkPath[] = [];
  for (const link of links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (a === undefined || b === undefined) continue;
    const dir = b.x >= a.x ? 1 : -1;
    const x0 = a.x + (dir * a.width) / 2;
    const x1 = b.x - (dir * b.width) / 2;
    paths.push({ id: link.id, link, x0, y0: a.y, x1, y1: b.y, d: path({ source: [x0, a.y], target: [x1, b.y] }) ?? '' });
  }
  return { width, height, nodes, links: paths };
}

/** A point `progress` (0 → 1) of the way along a link, in the packet's direction of travel. */
export function pointOnLink(link: LinkPath, progress: number, reverse: boolean): { x: number; y: number } {
  const p = reverse ? 1 - progress : progress;
  return { x: link.x0 + (link.x1 - link.x0) * p, y: link.y0 + (link.y1 - link.y0) * p };
}
