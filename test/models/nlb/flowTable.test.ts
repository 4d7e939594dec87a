import { describe, expect, it } from 'vitest';
import { FlowTable, flowKey } from '../../../src/models/nlb/flowTable';
import type { FlowTuple } from '../../../src/models/nlb/types';

const tuple = (srcPort: number): FlowTuple => ({ protocol: 'tcp', srcIp: '203.0.113.7', srcPort, dstIp: '198.51.100.1', dstPort: 80 });

function open(table: FlowTable, srcPort: number, targetKey: string, atMs = 0) {
  return table.open({
    tuple: tuple(srcPort),
    az: 'eu-west-1a',
    targetGroup: 'web',
    targetKey,
    targetIp: '10.0.1.11',
    targetPort: 31080,
    source: { ip: '203.0.113.7', port: srcPort, preserved: true, why: '' },
    idleTimeoutMs: 350_000,
    openedAtMs: atMs,
  });
}

describe('flow table', () => {
  it('keeps every packet of a connection on the target chosen when it opened', () => {
    const table = new FlowTable();
    open(table, 40000, 'web/i-0a1:31080');
    for (const t of [1_000, 100_000, 300_000]) {
      const d = table.packet(tuple(40000), t);
      expect(d.kind === 'forward' && d.flow.targetKey).toBe('web/i-0a1:31080');
    }
  });

  it('answers RST to the first packet after the 350 s idle timeout', () => {
    const table = new FlowTable();
    open(table, 40000, 'web/i-0a1:31080');
    expect(table.packet(tuple(40000), 349_999).kind).toBe('forward');
    // Each packet restarts the idle clock; 350 s of silence after the last one ends the flow.
    expect(table.packet(tuple(40000), 699_998).kind).toBe('forward');
    expect(table.packet(tuple(40000), 699_998 + 350_000)).toEqual({
      kind: 'reset',
      why: 'flow idle for 350 s ≥ idle timeout 350 s: the NLB had forgotten it, so the packet gets an RST',
    });
    expect(table.size).toBe(0);
  });

  it('answers RST to a packet of a connection it never saw', () => {
    expect(new FlowTable().packet(tuple(1), 0).kind).toBe('reset');
  });

  it('resets only the flows of one target', () => {
    const table = new FlowTable();
    open(table, 1, 'web/i-0a1:31080');
    open(table, 2, 'web/i-0a2:31080');
    open(table, 3, 'web/i-0a1:31080');
    expect(table.resetTarget('web/i-0a1:31080').map((f) => f.tuple.srcPort)).toEqual([1, 3]);
    expect(table.packet(tuple(2), 10).kind).toBe('forward');
    expect(table.packet(tuple(1), 10).kind).toBe('reset');
  });

  it('forgets a closed connection and sweeps idle ones', () => {
    const table = new FlowTable();
    open(table, 1, 'a');
    open(table, 2, 'a', 100_000);
    expect(table.close(tuple(1))).toBe(true);
    open(table, 3, 'a');
    expect(table.sweep(360_000)).toBe(1);
    expect(table.size).toBe(1);
  });

  it('finds the same flow by the key a caller kept as by its tuple, and forgets it on close by key', () => {
    const table = new FlowTable();
    const flow = open(table, 40000, 'web/i-0a1:31080');
    expect(flow.key).toBe(flowKey(tuple(40000)));
    const byKey = table.packet(tuple(40000), 1_000, flow.key);
    expect(byKey.kind === 'forward' && byKey.flow).toBe(flow);
    expect(flow.lastSeenMs).toBe(1_000);
    expect(table.close(tuple(40000), flow.key)).toBe(true);
    expect(table.packet(tuple(40000), 2_000, flow.key).kind).toBe('reset');
  });
});
