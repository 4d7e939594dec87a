/**
 * The canvas layer: when too many packets are in flight for one SVG element
 * each, they are painted here instead, in the same coordinates as the SVG
 * (the zoom transform applies to both). The shapes are the same as the SVG
 * layer's (packet-style.ts), drawn from vertex lists here.
 */
import type { PlacedPacket } from './placed';
import type { PacketClass, PacketShape } from './packet-style';

/** The part of CanvasRenderingContext2D this needs (a fake one in tests). */
export interface Painter {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
  fill(): void;
  fillText(text: string, x: number, y: number): void;
  fillStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  font: string;
}

export interface PaintOptions {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
  /** The zoom: translate then scale. */
  transform: { x: number; y: number; k: number };
  colours: Record<PacketClass, string>;
}

/** Packet radius in diagram units. */
export const PACKET_RADIUS = 6;

/** Outline of each shape as polygon vertices (unit radius); the circle is drawn as an arc. */
const POLYGONS: Record<Exclude<PacketShape, 'circle'>, readonly [number, number][]> = {
  square: [[-1, -1], [1, -1], [1, 1], [-1, 1]],
  triangle: [[0, -1.15], [1.1, 0.8], [-1.1, 0.8]],
  diamond: [[0, -1.25], [1, 0], [0, 1.25], [-1, 0]],
  bar: [[-1, -0.4], [1, -0.4], [1, 0.4], [-1, 0.4]],
  cross: [[-1, -0.62], [-0.62, -1], [0, -0.38], [0.62, -1], [1, -0.62], [0.38, 0], [1, 0.62], [0.62, 1], [0, 0.38], [-0.62, 1], [-1, 0.62], [-0.38, 0]],
};

/** Add one packet's outline to the current path, in screen pixels. */
function trace(ctx: Painter, shape: PacketShape, x: number, y: number, r: number): void {
  if (shape === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  const points = POLYGONS[shape];
  points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px * r, y + py * r) : ctx.lineTo(x + px * r, y + py * r)));
  ctx.closePath();
}

/**
 * Clear the canvas and paint `packets`; returns how many were painted.
 * One path and one fill per class and phase: thousands of packets cost a
 * handful of fill calls, which is what keeps a software canvas near 60 fps.
 */
export function paintPackets(ctx: Painter, packets: readonly PlacedPacket[], o: PaintOptions): number {
  const { dpr, transform: z } = o;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  const groups = new Map<string, PlacedPacket[]>();
  for (const p of packets) {
    const key = `${p.cls}|${p.phase === 'arrived' ? 'a' : 'm'}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [p]);
    else list.push(p);
  }
  const r = Math.max(2, PACKET_RADIUS * z.k);
  let painted = 0;
  for (const [key, list] of groups) {
    const [cls, phase] = key.split('|') as [PacketClass, string];
    ctx.fillStyle = o.colours[cls];
    ctx.globalAlpha = phase === 'a' ? 0.45 : 1;
    ctx.beginPath();
    for (const p of list) trace(ctx, p.shape, z.x + z.k * p.x, z.y + z.k * p.y, r);
    ctx.fill();
    painted += list.length;
  }
  // Failure labels last, on top, at a readable size whatever the zoom.
  ctx.globalAlpha = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = o.colours.failure;
  for (const p of packets) {
    if (p.cls !== 'failure' || p.label === '') continue;
    ctx.fillText(p.label, z.x + z.k * p.x + r + 3, z.y + z.k * p.y + 4);
  }
  return painted;
}
