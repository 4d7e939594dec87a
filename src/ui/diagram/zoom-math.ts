/**
 * The arithmetic of zooming and panning the diagram, as plain functions over
 * a view `{ x, y, k }` (screen = content × k + (x, y)). The gestures in
 * zoom.ts only measure pointers and call these; the rules are d3-zoom's
 * (scale limits, zooming about a point, its wheel speed), written out so the
 * page does not load d3-zoom and its transition machinery for them.
 */

export interface View {
  x: number;
  y: number;
  k: number;
}

/** Smallest and largest scale, as `scaleExtent([0.1, 4])` in d3-zoom. */
export const SCALE_LIMITS = [0.1, 4] as const;

/** `k` within the scale limits. */
export function clampScale(k: number): number {
  return Math.max(SCALE_LIMITS[0], Math.min(SCALE_LIMITS[1], k));
}

/** The view scaled to `k` (within the limits) so that the content under screen point `p` stays under it. */
export function scaleTo(view: View, k: number, p: { x: number; y: number }): View {
  const k1 = clampScale(k);
  // The content point under p: ((p - t) / k); keep it at p after scaling.
  const cx = (p.x - view.x) / view.k;
  const cy = (p.y - view.y) / view.k;
  return { x: p.x - cx * k1, y: p.y - cy * k1, k: k1 };
}

/** The view moved by (dx, dy) screen pixels. */
export function panBy(view: View, dx: number, dy: number): View {
  return { x: view.x + dx, y: view.y + dy, k: view.k };
}

/** How many doublings a wheel event zooms by: d3-zoom's default (pinch-zoom on a trackpad arrives as a wheel with Ctrl, faster). */
export function wheelDoublings(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  return -deltaY * (deltaMode === 1 ? 0.05 : deltaMode !== 0 ? 1 : 0.002) * (ctrlKey ? 10 : 1);
}

/**
 * Two fingers moved from (a0, b0) to (a1, b1): the content under the first
 * midpoint follows the new midpoint, scaled by how far apart the fingers went.
 */
export function pinch(view: View, a0: { x: number; y: number }, b0: { x: number; y: number }, a1: { x: number; y: number }, b1: { x: number; y: number }): View {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y);
  const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const scaled = d0 > 0 ? scaleTo(view, (view.k * d1) / d0, m0) : view;
  return panBy(scaled, m1.x - m0.x, m1.y - m0.y);
}
