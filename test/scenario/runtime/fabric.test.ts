import { describe, expect, it } from 'vitest';
import { Engine, Trace, type PacketRecord } from '../../../src/sim';
import { Fabric, type OwnHopLeg, type Wire } from '../../../src/scenario/runtime/fabric';

/** A leg that keeps its hop itself and notes what it hears. */
class Leg implements OwnHopLeg {
  readonly heard: string[] = [];
  hopFrom = '';
  hopTo = '';

  /** A SYN leg `hopPacket` about to cross `from` → `to`; `refusal` is what the far end says, if it refuses. */
  constructor(
    readonly hopPacket: string,
    from: string,
    to: string,
    private readonly refusal?: string,
  ) {
    this.hopFrom = from;
    this.hopTo = to;
  }

  readonly hopWire: Wire = { type: 'tcp', summary: 'SYN' };

  refuse(): string | undefined {
    return this.refusal;
  }

  arrived(): void {
    this.heard.push(`arrived at ${this.hopTo}`);
  }

  dropped(why: string): void {
    this.heard.push(`dropped: ${why}`);
  }
}

function setup(down: (component: string) => string | undefined = () => undefined) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const fabric = new Fabric(engine, trace, { latency: (a, b) => (a === 'a' && b === 'b' ? 2 : 5), down });
  const packets = () => trace.records().map((r) => r as PacketRecord).map((r) => `${r.t} ${r.kind} ${r.packet} ${r.from}→${r.to} ${r.summary}${r.why ? ` (${r.why})` : ''}`);
  return { engine, fabric, packets };
}

describe('a leg that keeps its own hop (carryOwn)', () => {
  it('is sent, delivered after the link latency with the hop it had when it left, then hears it arrived', () => {
    const { engine, fabric, packets } = setup();
    const leg = new Leg('p1', 'a', 'b');
    fabric.carryOwn(leg);
    engine.runUntil(10);
    expect(packets()).toEqual(['0 send p1 a→b SYN', '2 deliver p1 a→b SYN']);
    expect(leg.heard).toEqual(['arrived at b']);
  });

  it('is dropped where it lands when the far end refuses it, and the leg hears why', () => {
    const { engine, fabric, packets } = setup();
    const leg = new Leg('p2', 'b', 'c', 'nothing listens');
    fabric.carryOwn(leg);
    engine.runUntil(10);
    expect(packets()).toEqual(['0 send p2 b→c SYN', '5 drop p2 b→c SYN (nothing listens)']);
    expect(leg.heard).toEqual(['dropped: nothing listens']);
  });

  it('never leaves a sender that is down', () => {
    const { engine, fabric, packets } = setup((c) => (c === 'a' ? 'eu-west-1a is lost' : undefined));
    const leg = new Leg('p3', 'a', 'b');
    fabric.carryOwn(leg);
    expect(engine.pending).toBe(0);
    expect(packets()).toEqual(['0 drop p3 a→b SYN (eu-west-1a is lost)']);
    expect(leg.heard).toEqual(['dropped: eu-west-1a is lost']);
  });
});
