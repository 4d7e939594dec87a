import { describe, expect, it } from 'vitest';
import { clampScale, panBy, pinch, scaleTo, wheelDoublings } from '../../../src/ui/diagram/zoom-math';

describe('zooming the diagram', () => {
  it('keeps the content under the pointer in place while scaling', () => {
    const view = { x: 10, y: 20, k: 0.5 };
    const p = { x: 200, y: 100 };
    const content = { x: (p.x - view.x) / view.k, y: (p.y - view.y) / view.k };
    const after = scaleTo(view, 2, p);
    expect(after.k).toBe(2);
    expect(content.x * after.k + after.x).toBeCloseTo(p.x);
    expect(content.y * after.k + after.y).toBeCloseTo(p.y);
  });

  it('never scales below 0.1 or above 4', () => {
    expect(scaleTo({ x: 0, y: 0, k: 1 }, 100, { x: 0, y: 0 }).k).toBe(4);
    expect(scaleTo({ x: 0, y: 0, k: 1 }, 0.001, { x: 0, y: 0 }).k).toBe(0.1);
    expect(clampScale(1.5)).toBe(1.5);
  });

  it('pans by the distance dragged, at any scale', () => {
    expect(panBy({ x: 5, y: 5, k: 3 }, 10, -4)).toEqual({ x: 15, y: 1, k: 3 });
  });

  it('zooms in as the wheel turns away, ten times faster for a trackpad pinch (Ctrl)', () => {
    expect(wheelDoublings(-100, 0, false)).toBeCloseTo(0.2);
    expect(wheelDoublings(-100, 0, true)).toBeCloseTo(2);
    expect(wheelDoublings(3, 1, false)).toBeCloseTo(-0.15);
  });

  it('scales a pinch by how far the fingers spread, and follows their midpoint', () => {
    const view = { x: 0, y: 0, k: 1 };
    const after = pinch(view, { x: 90, y: 50 }, { x: 110, y: 50 }, { x: 80, y: 60 }, { x: 120, y: 60 });
    expect(after.k).toBeCloseTo(2);
    // The content point that was under the old midpoint (100, 50) is under the new one (100, 60).
    expect(100 * after.k + after.x).toBeCloseTo(100);
    expect(50 * after.k + after.y).toBeCloseTo(60);
  });
});
