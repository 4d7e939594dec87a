import { describe, expect, it } from 'vitest';
import { findLink, packetsInFlight } from '../../src/ui/inflight';
import type { PacketRecord } from '../../src/sim';

const links = [{ id: 'l1', from: 'browser', to: 'app', latencyMs: 20 }];
const send = (t: number, from = 'browser', to = 'app', packet = 'p1'): PacketRecord => ({ kind: 'send', t, seq: 0, packet, type: 'request', from, to, summary: 'GET /' });

describe('packetsInFlight', () => {
  it('places a packet by the share of the link latency that has passed', () => {
    expect(packetsInFlight([send(100)], links, 105)).toEqual([
      { packet: 'p1', type: 'request', link: 'l1', reverse: false, progress: 0.25, summary: 'GET /' },
    ]);
  });

  it('marks a packet going from the link’s far end back as reversed', () => {
    const [p] = packetsInFlight([send(0, 'app', 'browser')], links, 10);
    expect(p?.reverse).toBe(true);
    expect(p?.progress).toBe(0.5);
  });

  it('leaves out packets past their arrival time and packets not yet sent', () => {
    expect(packetsInFlight([send(100)], links, 121)).toEqual([]);
    expect(packetsInFlight([send(100)], links, 99)).toEqual([]);
  });

  it('finds the link of a packet addressed by IP through the aliases', () => {
    const aliases = new Map([['10.0.0.10', 'app']]);
    expect(findLink(links, 'browser', '10.0.0.10', aliases)?.link.id).toBe('l1');
    expect(findLink(links, 'browser', '10.0.0.99', aliases)).toBeUndefined();
  });
});
