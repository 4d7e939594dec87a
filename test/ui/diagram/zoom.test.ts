import { describe, expect, it } from 'vitest';
import { fitView } from '../../../src/ui/diagram/zoom';

describe('fitView', () => {
  it('shrinks a wide picture to the screen and centres it', () => {
    const v = fitView({ width: 2000, height: 500 }, { width: 375, height: 300 });
    expect(v.k).toBeCloseTo(375 / 2000);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((300 - 500 * v.k) / 2);
  });

  it('never enlarges a small picture', () => {
    expect(fitView({ width: 300, height: 100 }, { width: 1200, height: 500 }).k).toBe(1);
  });
});
