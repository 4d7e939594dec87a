/**
 * Where the diagram puts things, as plain data for Svelte to draw. Columns
 * follow the path of a request (tiers.ts); lanes are availability zones,
 * stacked top to bottom under a lane for what lives outside any zone;
 * within a cell, pods of one Service sit together inside a group box. Columns
 * are evenly spaced slots and links are cubic curves, written out here (the
 * embed's first load carries no D3 for them). The
 * picture can be wider than the screen: the view zooms and pans over it.
 */
import type { ComponentSnapshot, LinkSnapshot } from '../../scenario';
import { columnTitle, placeComponent } from './tiers';

export const BOX = { width: 156, height: 56 } as const;
const ROW = BOX.height + 14;
const GROUP_PAD = 8;
const LANE_LABEL = 26;
const COLUMN_STEP = BOX.width + 56;
const MARGIN = 16;
const HEADER = 24;

export interface NodeBox {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  component: ComponentSnapshot;
}

/** A link as a cubic Bézier from `from`'s edge to `to`'s edge (control points c1, c2). */
export interface LinkPath {
  id: string;
  link: LinkSnapshot;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  c1: [number, number];
  c2: [number, number];
  /** SVG path data. */
  d: string;
}

export interface Area {
  key: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  links: LinkPath[];
  /** Availability zones (and the lane outside them, when it has a title). */
  lanes: Area[];
  /** Service groups: one band per Service, across the zones its pods run in. */
  groups: Area[];
  /** Column headings: x is the column's centre. */
  columns: { key: number; title: string; x: number }[];
}

/**
 * Lay out components and the links between them. A column whose components
 * belong to groups (a Service's pods) splits into one sub-column per group,
 * so the pods of one Service line up across the zone lanes and the picture
 * grows wider rather than taller.
 */
export function layoutDiagram(components: readonly ComponentSnapshot[], links: readonly LinkSnapshot[]): Layout {
  const placed = components.map((c) => ({ c, p: placeComponent(c) }));
  // Slots: (column, group) pairs, by column, then groups in the order first seen.
  const slotKeys: string[] = [];
  const slotOf = (col: number, group: string): string => `${String(col).padStart(3, '0')}\u0000${group}`;
  for (const { p } of [...placed].sort((a, b) => a.p.column - b.p.column)) {
    const key = slotOf(p.column, p.group);
    if (!slotKeys.includes(key)) slotKeys.push(key);
  }
  const laneKeys = [...new Set(placed.map((x) => x.p.lane))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  // Each slot a column's step wide, from the margin (a band scale without padding).
  const slotX = new Map(slotKeys.map((key, i) => [key, MARGIN + i * COLUMN_STEP]));
  const x = (key: string): number | undefined => slotX.get(key);
  const cells = new Map<string, ComponentSnapshot[]>();
  for (const { c, p } of placed) {
    const key = `${p.lane}\u0001${slotOf(p.column, p.group)}`;
    cells.set(key, [...(cells.get(key) ?? []), c]);
  }

  const zoned = laneKeys.some((k) => k !== '');
  const grouped = placed.some((x) => x.p.group !== '');
  const nodes: NodeBox[] = [];
  const lanes: Area[] = [];
  let top = MARGIN + HEADER;
  for (const lane of laneKeys) {
    const labelSpace = zoned || grouped ? LANE_LABEL : 0;
    const tallest = Math.max(1, ...slotKeys.map((slot) => cells.get(`${lane}\u0001${slot}`)?.length ?? 0));
    const laneHeight = labelSpace + tallest * ROW + 6;
    for (const slot of slotKeys) {
      const members = cells.get(`${lane}\u0001${slot}`) ?? [];
      const cx = (x(slot) ?? 0) + COLUMN_STEP / 2;
      let y = top + labelSpace + ((tallest - members.length) * ROW) / 2;
      for (const c of members) {
        nodes.push({ id: c.id, x: cx, y: y + ROW / 2, width: BOX.width, height: BOX.height, component: c });
        y += ROW;
      }
    }
    if (zoned) lanes.push({ key: lane, label: lane === '' ? '' : `Availability zone ${lane}`, x: MARGIN / 2, y: top, width: slotKeys.length * COLUMN_STEP + MARGIN, height: laneHeight });
    top += laneHeight + (zoned ? 8 : 0);
  }

  const groups: Area[] = [];
  for (const slot of slotKeys) {
    const group = slot.split('\u0000')[1] ?? '';
    if (group === '') continue;
    const members = nodes.filter((n) => slotOf(placeComponent(n.component).column, placeComponent(n.component).group) === slot);
    const y0 = Math.min(...members.map((n) => n.y - n.height / 2)) - GROUP_PAD - 14;
    const y1 = Math.max(...members.map((n) => n.y + n.height / 2)) + GROUP_PAD;
    const cx = (x(slot) ?? 0) + COLUMN_STEP / 2;
    groups.push({ key: slot, label: group, x: cx - BOX.width / 2 - GROUP_PAD, y: y0, width: BOX.width + GROUP_PAD * 2, height: y1 - y0 });
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const paths: LinkPath[] = [];
  for (const link of links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (a === undefined || b === undefined) continue;
    paths.push(linkPath(link, a, b));
  }
  const columns = [...new Set(placed.map((p) => p.p.column))].sort((a, b) => a - b).map((col) => {
    const xs = slotKeys.filter((k) => k.startsWith(`${String(col).padStart(3, '0')}\u0000`)).map((k) => (x(k) ?? 0) + COLUMN_STEP / 2);
    return { key: col, title: columnTitle(col), x: (Math.min(...xs) + Math.max(...xs)) / 2 };
  });
  return { width: MARGIN * 2 + slotKeys.length * COLUMN_STEP, height: top + MARGIN, nodes, links: paths, lanes, groups, columns };
}

/** A horizontal S-curve between facing edges, or a vertical one between boxes in the same column. */
function linkPath(link: LinkSnapshot, a: NodeBox, b: NodeBox): LinkPath {
  let x0: number, y0: number, x1: number, y1: number, c1: [number, number], c2: [number, number];
  if (Math.abs(a.x - b.x) < 1) {
    const dir = b.y >= a.y ? 1 : -1;
    // Same column: leave from the side, loop out and back in, so the curve does not cross the boxes between.
    x0 = a.x + a.width / 2;
    y0 = a.y + (dir * a.height) / 4;
    x1 = b.x + b.width / 2;
    y1 = b.y - (dir * b.height) / 4;
    const bulge = 28 + Math.min(60, Math.abs(b.y - a.y) / 6);
    c1 = [x0 + bulge, y0];
    c2 = [x1 + bulge, y1];
  } else {
    const dir = b.x >= a.x ? 1 : -1;
    x0 = a.x + (dir * a.width) / 2;
    y0 = a.y;
    x1 = b.x - (dir * b.width) / 2;
    y1 = b.y;
    const mx = (x0 + x1) / 2;
    c1 = [mx, y0];
    c2 = [mx, y1];
  }
  const d = `M${x0},${y0}C${c1[0]},${c1[1]},${c2[0]},${c2[1]},${x1},${y1}`;
  return { id: link.id, link, x0, y0, x1, y1, c1, c2, d };
}

/** A point `progress` (0 → 1) of the way along a link's curve, in the packet's direction of travel. */
export function pointOnLink(link: LinkPath, progress: number, reverse: boolean): { x: number; y: number } {
  const p = Math.min(1, Math.max(0, reverse ? 1 - progress : progress));
  const q = 1 - p;
  const a = q * q * q;
  const b = 3 * q * q * p;
  const c = 3 * q * p * p;
  const d = p * p * p;
  return {
    x: a * link.x0 + b * link.c1[0] + c * link.c2[0] + d * link.x1,
    y: a * link.y0 + b * link.c1[1] + c * link.c2[1] + d * link.y1,
  };
}

/**
 * What the layout depends on, as one string: ids, kinds, zones, groups and
 * links, but not states or counters. Equal keys give equal layouts, so the
 * picture is laid out again only when its structure changes, not per frame.
 */
export function structureKey(components: readonly ComponentSnapshot[], links: readonly LinkSnapshot[]): string {
  const parts = components.map((c) => {
    const p = placeComponent(c);
    return `${c.id}|${c.label}|${p.column}|${p.lane}|${p.group}`;
  });
  for (const l of links) parts.push(`${l.id}|${l.from}|${l.to}|${l.latencyMs}`);
  return parts.join('\n');
}
