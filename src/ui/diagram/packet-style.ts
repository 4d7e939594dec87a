/**
 * What kind of packet a student is looking at, told apart by shape as well
 * as colour: requests (circles), responses (squares), health checks
 * (triangles), DNS (diamonds), TCP control (small bars), and failures
 * (crosses with their status or reason written beside them).
 */

export type PacketClass = 'request' | 'response' | 'health' | 'dns' | 'tcp' | 'failure';
export type PacketShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'bar' | 'cross';

export interface PacketLook {
  cls: PacketClass;
  shape: PacketShape;
  /** Short words drawn beside a failure (`502`, `RST`, `refused`), '' otherwise. */
  label: string;
}

const SHAPES: Record<PacketClass, PacketShape> = {
  request: 'circle',
  response: 'square',
  health: 'triangle',
  dns: 'diamond',
  tcp: 'bar',
  failure: 'cross',
};

/** The status code at the start of a response summary (`502 Bad Gateway → nginx-1`), or undefined. */
export function statusOf(summary: string): number | undefined {
  const m = /^(\d{3})\b/.exec(summary);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * Classify a packet from its trace `type` and `summary`; `dropped` is true
 * when the far end refused it. 5xx responses, resets and refusals are
 * failures, drawn where they happen.
 */
export function packetLook(type: string, summary: string, dropped = false): PacketLook {
  if (dropped) return { cls: 'failure', shape: 'cross', label: 'refused' };
  if (/\bRST\b/.test(summary)) return { cls: 'failure', shape: 'cross', label: /refused/i.test(summary) ? 'RST refused' : 'RST' };
  const status = statusOf(summary);
  if (type === 'response' && status !== undefined && status >= 500) return { cls: 'failure', shape: 'cross', label: String(status) };
  const cls: PacketClass =
    type === 'request' || type === 'response' || type === 'health' || type === 'dns' || type === 'tcp' ? type : /health/i.test(type) ? 'health' : 'request';
  return { cls, shape: SHAPES[cls], label: '' };
}

/** The legend, in drawing order. */
export const LEGEND: readonly { cls: PacketClass; shape: PacketShape; words: string }[] = [
  { cls: 'request', shape: 'circle', words: 'request' },
  { cls: 'response', shape: 'square', words: 'response' },
  { cls: 'health', shape: 'triangle', words: 'health check' },
  { cls: 'dns', shape: 'diamond', words: 'DNS' },
  { cls: 'tcp', shape: 'bar', words: 'TCP (SYN, ACK)' },
  { cls: 'failure', shape: 'cross', words: 'failure (5xx, RST, refused)' },
];

/** SVG path data for a shape of radius r centred on 0,0 (shared by the SVG and canvas layers). */
export function shapePath(shape: PacketShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${r},0A${r},${r},0,1,1,${-r},0A${r},${r},0,1,1,${r},0Z`;
    case 'square':
      return `M${-r},${-r}H${r}V${r}H${-r}Z`;
    case 'triangle':
      return `M0,${-r * 1.15}L${r * 1.1},${r * 0.8}H${-r * 1.1}Z`;
    case 'diamond':
      return `M0,${-r * 1.25}L${r},0L0,${r * 1.25}L${-r},0Z`;
    case 'bar':
      return `M${-r},${-r / 2.5}H${r}V${r / 2.5}H${-r}Z`;
    case 'cross': {
      const w = r / 2.6;
      return `M${-r},${-r + w}L${-r + w},${-r}L0,${-w}L${r - w},${-r}L${r},${-r + w}L${w},0L${r},${r - w}L${r - w},${r}L0,${w}L${-r + w},${r}L${-r},${r - w}L${-w},0Z`;
    }
  }
}
