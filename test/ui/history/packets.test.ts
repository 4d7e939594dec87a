import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import { PacketIndex } from '../../../src/ui/history/packets';

let seq = 0;
const send = (t: number, packet: string): TraceRecord => ({ kind: 'send', t, seq: seq++, packet, type: 'request', from: 'a', to: 'b', summary: 'GET /' });
const deliver = (t: number, packet: string): TraceRecord => ({ kind: 'deliver', t, seq: seq++, packet, type: 'request', from: 'a', to: 'b', summary: 'GET /' });
const drop = (t: number, packet: string): TraceRecord => ({ kind: 'drop', t, seq: seq++, packet, type: 'request', from: 'a', to: 'b', summary: 'GET /', why: 'nothing listens' });

describe('PacketIndex', () => {
  it('answers which packets were on the wire at an earlier time, after they have arrived', () => {
    const index = new PacketIndex();
    [send(0, 'p1'), send(10, 'p2'), deliver(20, 'p1'), deliver(30, 'p2'), send(40, 'p3')].forEach((r) => index.add(r));
    expect(index.at(5, 100).map((s) => s.packet)).toEqual(['p1']);
    expect(index.at(15, 100).map((s) => s.packet)).toEqual(['p1', 'p2']);
    expect(index.at(25, 100).map((s) => s.packet)).toEqual(['p2']);
    expect(index.at(35, 100).map((s) => s.packet)).toEqual([]);
    expect(index.at(45, 100).map((s) => s.packet)).toEqual(['p3']);
  });

  it('keeps a refused packet visible for the linger time after it was dropped, with the reason', () => {
    const index = new PacketIndex();
    [send(0, 'p1'), drop(20, 'p1')].forEach((r) => index.add(r));
    expect(index.at(25, 50, 0)).toEqual([]);
    const [span] = index.at(25, 50, 10);
    expect(span?.dropped).toBe(true);
    expect(span?.why).toBe('nothing listens');
    expect(index.at(31, 50, 10)).toEqual([]);
  });

  it('does not look further back than the lookback window', () => {
    const index = new PacketIndex();
    index.add(send(0, 'p1'));
    expect(index.at(500, 100)).toEqual([]);
    expect(index.at(50, 100).map((s) => s.packet)).toEqual(['p1']);
  });

  it('forgets the oldest packets beyond its capacity and still closes the ones it holds', () => {
    const index = new PacketIndex(4);
    for (let i = 0; i < 10; i++) index.add(send(i, `p${i}`));
    expect(index.size).toBeLessThanOrEqual(5);
    expect(index.oldest).toBeGreaterThan(0);
    index.add(deliver(20, 'p9'));
    expect(index.at(21, 50).map((s) => s.packet)).not.toContain('p9');
  });
});
