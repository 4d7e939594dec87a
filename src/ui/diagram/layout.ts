/**
 * Where the diagram puts things, as plain data for Svelte to draw. Columns
 * follow the path of a request (tiers.ts); lanes are availability zones,
 * stacked top to bottom under a lane for what lives outside any zone;
 * within a cell, pods of one Service sit together inside a group box. D3's
 * band scale spaces the columns and its link shapes draw the curves. The
 * picture can be wider than the screen: the view zooms and pans over it.
 */
import { linkHorizontal, scaleBand } from 'd3';
import type { ComponentSnapshot, LinkSnapshot } from '../../scenario';
import { columnTitle, placeComponent } from './tiers';

export const BOX = { width: 156, height: 64 } as const;
const ROW = BOX.height + 16;
const GROUP_PAD = 10;
const GROUP_LABEL = 18;
const LANE_LABEL = 24;
const COLUMN_STEP = BOX.width + 64;
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
  /** Service groups. */
  groups: Area[];
  /** Column headings: x is the column's centre. */
  columns: { key: number; title: string; x: number }[];
}

interface Cell {
  /** Components by group, groups in first-seen order. */
  groups: Map<string, ComponentSnapshot[]>;
}

function cellHeight(cell: Cell): number {
  let h = 0;
  for (const [group, members] of cell.groups) h += members.length * ROW + (group === '' ? 0 : GROUP_LABEL + GROUP_PAD * 2);
  return h;
}

/** Lay out components in columns and zone lanes, and the links between them. */
export function layoutDiagram(components: readonly ComponentSnapshot[], links: readonly LinkSnapshot[]): Layout {
  const placed = components.map((c) => ({ c, p: placeComponent(c) }));
  const usedColumns = [...new Set(placed.map((x) => x.p.column))].sort((a, b) => a - b);
  const laneKeys = [...new Set(placed.map((x) => x.p.lane))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  const x = scaleBand<number>()
    .domain(usedColumns)
    .range([MARGIN, MARGIN + usedColumns.length * COLUMN_STEP])
    .paddingInner(0);
  const cells = new Map<string, Cell>();
  for (const { c, p } of placed) {
    const key = `${p.lane}\u0000${p.column}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { groups: new Map() }));
    const members = cell.groups.get(p.group) ?? [];
    members.push(c);
    cell.groups.set(p.group, members);
  }

  const zoned = laneKeys.some((k) => k !== '');
  const nodes: NodeBox[] = [];
  const lanes: Area[] = [];
  const groups: Area[] = [];
  let top = MARGIN + HEADER;
  for (const lane of laneKeys) {
    const label = lane === '' ? '' : `Availability zone ${lane}`;
    const labelSpace = zoned ? LANE_LABEL : 0;
    const heights = usedColumns.map((col) => cellHeight(cells.get(`${lane}\u0000${col}`) ?? { groups: new Map() }));
    const laneHeight = labelSpace + Math.max(ROW, ...heights) + 8;
    for (const col of usedColumns) {
      const cell = cells.get(`${lane}\u0000${col}`);
      if (cell === undefined) continue;
      const cx = (x(col) ?? 0) + COLUMN_STEP / 2;
      let y = top + labelSpace + (laneHeight - labelSpace - cellHeight(cell)) / 2;
      for (const [group, members] of cell.groups) {
        const boxed = group !== '';
        const groupTop = y;
        if (boxed) y += GROUP_LABEL + GROUP_PAD;
        for (const c of members) {
          nodes.push({ id: c.id, x: cx, y: y + ROW / 2, width: BOX.width, height: BOX.height, component: c });
          y += ROW;
        }
        if (boxed) {
          y += GROUP_PAD;
          groups.push({ key: `${lane}/${col}/${group}`, label: group, x: cx - BOX.width / 2 - GROUP_PAD, y: groupTop, width: BOX.width + GROUP_PAD * 2, height: y - groupTop });
        }
      }
    }
    if (zoned) lanes.push({ key: lane, label, x: MARGIN / 2, y: top, width: usedColumns.length * COLUMN_STEP + MARGIN, height: laneHeight });
    top += laneHeight + (zoned ? 8 : 0);
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const paths: LinkPath[] = [];
  for (const link of links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (a === undefined || b === undefined) continue;
    paths.push(linkPath(link, a, b));
  }
  return {
    width: MARGIN * 2 + usedColumns.length * COLUMN_STEP,
    height: top + MARGIN,
    nodes,
    links: paths,
    lanes,
    groups,
    columns: usedColumns.map((col) => ({ key: col, title: columnTitle(col), x: (x(col) ?? 0) + COLUMN_STEP / 2 })),
  };
}

const horizontal = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

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
  const d =
    c1[1] === y0 && c2[1] === y1 && c1[0] === c2[0]
      ? (horizontal({ source: [x0, y0], target: [x1, y1] }) ?? '')
      : `M${x0},${y0}C${c1[0]},${c1[1]},${c2[0]},${c2[1]},${x1},${y1}`;
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
