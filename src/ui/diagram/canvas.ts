/**
 * The canvas layer: when too many packets are in flight for one SVG element
 * each, they are painted here instead, in the same coordinates as the SVG
 * (the zoom transform applies to both). Packets are painted class by class,
 * so the fill colour changes a handful of times per frame, not per packet.
 */
import type { PlacedPacket } from './placed';
import { shapePath, type PacketClass, type PacketShape } from './packet-style';

/** The part of CanvasRenderingContext2D this needs (a fake one in tests). */
export interface Painter {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fill(path: Path2D): void;
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
  /** Builds a Path2D from SVG path data (injected so tests need no DOM). */
  makePath: (d: string) => Path2D;
}

/** Packet radius in diagram units. */
export const PACKET_RADIUS = 6;

const cache = new WeakMap<PaintOptions['makePath'], Map<PacketShape, Path2D>>();

function pathFor(shape: PacketShape, makePath: PaintOptions['makePath']): Path2D {
  let shapes = cache.get(makePath);
  if (shapes === undefined) cache.set(makePath, (shapes = new Map()));
  let path = shapes.get(shape);
  if (path === undefined) shapes.set(shape, (path = makePath(shapePath(shape, PACKET_RADIUS))));
  return path;
}

/** Clear the canvas and paint `packets`; returns how many were painted. */
export function paintPackets(ctx: Painter, packets: readonly PlacedPacket[], o: PaintOptions): number {
  const { dpr, transform: z } = o;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  const byClass = new Map<PacketClass, PlacedPacket[]>();
  for (const p of packets) {
    const list = byClass.get(p.cls);
    if (list === undefined) byClass.set(p.cls, [p]);
    else list.push(p);
  }
  const scale = dpr * z.k;
  let painted = 0;
  for (const [cls, list] of byClass) {
    ctx.fillStyle = o.colours[cls];
    for (const p of list) {
      ctx.globalAlpha = p.phase === 'arrived' ? 0.45 : 1;
      ctx.setTransform(scale, 0, 0, scale, dpr * (z.x + z.k * p.x), dpr * (z.y + z.k * p.y));
      ctx.fill(pathFor(p.shape, o.makePath));
      painted++;
    }
  }
  // Failure labels last, on top, at a readable size whatever the zoom.
  ctx.globalAlpha = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = o.colours.failure;
  for (const p of byClass.get('failure') ?? []) {
    if (p.label === '') continue;
    ctx.setTransform(dpr, 0, 0, dpr, dpr * (z.x + z.k * p.x), dpr * (z.y + z.k * p.y));
    ctx.fillText(p.label, PACKET_RADIUS + 3, 4);
  }
  return painted;
}
