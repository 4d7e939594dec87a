import { describe, expect, it } from 'vitest';
import type { ComponentSnapshot } from '../../../src/scenario';
import type { PacketRecord, TraceRecord } from '../../../src/sim';
import { PacketIndex } from '../../../src/ui/history/packets';
import { layoutDiagram } from '../../../src/ui/diagram/layout';
import { lingerFor, linkFinder, placePackets } from '../../../src/ui/diagram/placed';

const comps = [
  { id: 'browser', kind: 'client', label: 'browser', address: '203.0.113.7', state: 'up', counters: {} },
  { id: 'app', kind: 'server', label: 'app', address: '198.51.100.10:80', state: 'up', counters: {} },
] as ComponentSnapshot[];
const layout = layoutDiagram(comps, [{ id: 'l', from: 'browser', to: 'app', latencyMs: 20 }]);
const find = linkFinder(layout.links, new Map([['198.51.100.10:80', 'app']]));
const options = { arrivedMs: 5, failedMs: 20 };

function index(...records: Omit<PacketRecord, 'seq'>[]): PacketIndex {
  const i = new PacketIndex();
  records.forEach((r, seq) => i.add({ ...r, seq } as TraceRecord));
  return i;
}

describe('placePackets', () => {
  it('puts a packet the share of its link latency along, and a reply on the way back', () => {
    const idx = index(
      { kind: 'send', t: 0, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' },
      { kind: 'send', t: 0, packet: 'p2', type: 'response', from: '198.51.100.10:80', to: 'browser', summary: '200 OK' },
    );
    const [req, res] = placePackets(idx.at(10, 20, 20), find, 10, options);
    const link = layout.links[0];
    expect(req?.phase).toBe('moving');
    expect(req?.x).toBeCloseTo(((link?.x0 ?? 0) + (link?.x1 ?? 0)) / 2);
    expect(res?.x).toBeCloseTo(req?.x ?? NaN);
    expect(res?.cls).toBe('response');
  });

  it('keeps an arrived packet a moment at the far end, then lets it go', () => {
    const idx = index(
      { kind: 'send', t: 0, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' },
      { kind: 'deliver', t: 20, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' },
    );
    expect(placePackets(idx.at(22, 20, 20), find, 22, options)[0]?.phase).toBe('arrived');
    expect(placePackets(idx.at(30, 20, 20), find, 30, options)).toEqual([]);
  });

  it('marks a refused packet as a failure where it was refused, for longer', () => {
    const idx = index(
      { kind: 'send', t: 0, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /' },
      { kind: 'drop', t: 20, packet: 'p1', type: 'request', from: 'browser', to: 'app', summary: 'GET /', why: 'nothing listens' },
    );
    const [p] = placePackets(idx.at(35, 20, 20), find, 35, options);
    expect(p).toMatchObject({ phase: 'failed', cls: 'failure', label: 'refused' });
    expect(p?.x).toBeCloseTo(layout.links[0]?.x1 ?? NaN);
  });

  it('leaves out packets on links the diagram does not draw', () => {
    const idx = index({ kind: 'send', t: 0, packet: 'p1', type: 'dns', from: 'browser', to: 'resolver', summary: 'A?' });
    expect(placePackets(idx.at(1, 20, 20), find, 1, options)).toEqual([]);
  });
});

describe('lingerFor', () => {
  it('keeps finished packets about the same wall time at any speed, refusals longer', () => {
    expect(lingerFor(1)).toEqual({ arrivedMs: 200, failedMs: 800 });
    expect(lingerFor(0.1).arrivedMs).toBe(20);
    expect(lingerFor(Infinity).arrivedMs).toBe(250);
  });
});
