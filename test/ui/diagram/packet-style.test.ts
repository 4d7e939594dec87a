import { describe, expect, it } from 'vitest';
import { LEGEND, packetLook, shapePath, statusOf } from '../../../src/ui/diagram/packet-style';

describe('packetLook', () => {
  it('tells requests, responses, health checks, DNS and TCP apart by shape', () => {
    const shapes = ['request', 'response', 'health', 'dns', 'tcp'].map((type) => packetLook(type, 'x').shape);
    expect(new Set(shapes).size).toBe(5);
  });

  it('shows 502, 504, resets and refusals as failures, with the words beside them', () => {
    expect(packetLook('response', '502 Bad Gateway → browser')).toEqual({ cls: 'failure', shape: 'cross', label: '502' });
    expect(packetLook('response', '504 Gateway Timeout → browser').label).toBe('504');
    expect(packetLook('tcp', 'RST → browser (connection refused)').label).toBe('RST refused');
    expect(packetLook('request', 'GET /', true).label).toBe('refused');
    expect(packetLook('response', '404 Not Found → browser').cls).toBe('response');
  });

  it('reads the status at the start of a summary only', () => {
    expect(statusOf('200 OK → browser')).toBe(200);
    expect(statusOf('GET /502')).toBeUndefined();
  });

  it('has a legend entry and a closed path for every shape', () => {
    for (const item of LEGEND) expect(shapePath(item.shape, 5)).toMatch(/^M.*Z$/);
  });
});
