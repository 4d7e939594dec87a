import { describe, expect, it } from 'vitest';
import { paintPackets, type Painter } from '../../../src/ui/diagram/canvas';
import type { PlacedPacket } from '../../../src/ui/diagram/placed';

class FakePainter implements Painter {
  calls: string[] = [];
  fillStyle: string | CanvasGradient | CanvasPattern = '';
  globalAlpha = 1;
  font = '';
  setTransform(): void {}
  clearRect(): void {
    this.calls.push('clear');
  }
  beginPath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  arc(): void {}
  closePath(): void {}
  fill(): void {
    this.calls.push(`fill ${String(this.fillStyle)}`);
  }
  fillText(text: string): void {
    this.calls.push(`text ${text}`);
  }
}

let next = 0;
const packet = (cls: PlacedPacket['cls'], shape: PlacedPacket['shape'], label = ''): PlacedPacket => ({
  cls, shape, label, key: `${cls}${next++}`, packet: 'p', requestId: undefined, link: 'l', x: 10, y: 10, phase: 'moving', summary: '',
});

describe('paintPackets', () => {
  const colours = { request: 'blue', response: 'green', health: 'purple', dns: 'brown', tcp: 'grey', failure: 'red' };

  it('paints thousands of packets with one fill per kind', () => {
    const ctx = new FakePainter();
    const packets = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? packet('request', 'circle') : packet('response', 'square')));
    const painted = paintPackets(ctx, packets, { width: 100, height: 100, dpr: 1, transform: { x: 0, y: 0, k: 1 }, colours });
    expect(painted).toBe(3000);
    expect(ctx.calls.filter((c) => c.startsWith('fill'))).toEqual(['fill blue', 'fill green']);
  });

  it('writes a failure’s status beside it, in the failure colour', () => {
    const ctx = new FakePainter();
    paintPackets(ctx, [packet('failure', 'cross', '502')], { width: 100, height: 100, dpr: 2, transform: { x: 5, y: 5, k: 2 }, colours });
    expect(ctx.calls).toEqual(['clear', 'fill red', 'text 502']);
  });
});
