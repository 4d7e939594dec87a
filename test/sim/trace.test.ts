import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/sim/engine';
import { Trace, toJsonLine, type TraceRecord } from '../../src/sim/trace';

function decision(i: number) {
  return { kind: 'decision', component: 'nginx', decision: `pick ${i}`, why: 'test' } as const;
}

describe('Trace', () => {
  it('stamps each record with the engine time and a sequence number', () => {
    const engine = new Engine();
    const trace = new Trace(() => engine.now);
    engine.schedule(250, () => trace.record(decision(1)));
    engine.runUntil(300);
    expect(trace.records()).toEqual([{ t: 250, seq: 0, kind: 'decision', component: 'nginx', decision: 'pick 1', why: 'test' }]);
  });

  it('keeps only the newest records in its window but counts all of them', () => {
    const trace = new Trace(() => 0, { windowSize: 3 });
    for (let i = 0; i < 10; i++) trace.record(decision(i));
    expect(trace.total).toBe(10);
    expect(trace.count('decision')).toBe(10);
    expect(trace.firstSeq).toBe(7);
    expect(trace.records().map((r) => r.seq)).toEqual([7, 8, 9]);
  });

  it('shows listeners every record, even those that left the window', () => {
    const trace = new Trace(() => 0, { windowSize: 2 });
    const seen: TraceRecord[] = [];
    const stop = trace.subscribe((r) => seen.push(r));
    for (let i = 0; i < 5; i++) trace.record(decision(i));
    stop();
    trace.record(decision(99));
    expect(seen.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
  });

  it('serialises a record with time and sequence first', () => {
    const trace = new Trace(() => 12);
    const line = toJsonLine(trace.record(decision(1)));
    expect(line).toBe('{"t":12,"seq":0,"kind":"decision","component":"nginx","decision":"pick 1","why":"test"}');
  });

  it('keeps the object it was handed, stamped, without copying it', () => {
    const trace = new Trace(() => 7);
    const input = decision(1);
    const record = trace.record(input);
    expect(record).toBe(input);
    expect(trace.records()[0]).toBe(input);
    expect(toJsonLine(record)).toBe('{"t":7,"seq":0,"kind":"decision","component":"nginx","decision":"pick 1","why":"test"}');
  });

  it('keeps the text of every field as its writer wrote it, white space included', () => {
    const trace = new Trace(() => 0);
    const port = 32768;
    trace.record({ kind: 'send', packet: 'p1', type: 'tcp', from: 'a', to: 'b', summary: ` SYN 10.0.0.5:${port} → 10.0.1.10:80 `, src: `10.0.0.5:${port}`, dst: '10.0.1.10:80' });
    trace.record({ kind: 'decision', component: ' nginx', decision: `pick ${port}`, why: `rule ${port}\n` });
    trace.record({ kind: 'log', component: 'nginx', stream: 'access', line: `  ${port} GET /` });
    trace.record({ kind: 'request', requestId: 'r1', client: 'c', method: 'GET', url: ` http://x/${port}` });
    trace.record({ kind: 'outcome', requestId: 'r1', client: 'c', status: 0, result: 'timeout', latencyMs: 1, why: `${port} ms ` });
    expect(trace.records().map((r) => toJsonLine(r))).toEqual([
      '{"t":0,"seq":0,"kind":"send","packet":"p1","type":"tcp","from":"a","to":"b","summary":" SYN 10.0.0.5:32768 → 10.0.1.10:80 ","src":"10.0.0.5:32768","dst":"10.0.1.10:80"}',
      '{"t":0,"seq":1,"kind":"decision","component":" nginx","decision":"pick 32768","why":"rule 32768\\n"}',
      '{"t":0,"seq":2,"kind":"log","component":"nginx","stream":"access","line":"  32768 GET /"}',
      '{"t":0,"seq":3,"kind":"request","requestId":"r1","client":"c","method":"GET","url":" http://x/32768"}',
      '{"t":0,"seq":4,"kind":"outcome","requestId":"r1","client":"c","status":0,"result":"timeout","latencyMs":1,"why":"32768 ms "}',
    ]);
  });

  it('counts each kind apart', () => {
    const trace = new Trace(() => 0);
    trace.record(decision(1));
    trace.record({ kind: 'log', component: 'nginx', stream: 'access', line: 'x' });
    trace.record(decision(2));
    expect([trace.count('decision'), trace.count('log'), trace.count('send')]).toEqual([2, 1, 0]);
  });

  it('stops calling a listener once it has unsubscribed', () => {
    const trace = new Trace(() => 0);
    const a: number[] = [];
    const b: number[] = [];
    const stopA = trace.subscribe((r) => a.push(r.seq));
    trace.subscribe((r) => b.push(r.seq));
    trace.record(decision(0));
    stopA();
    trace.record(decision(1));
    expect(a).toEqual([0]);
    expect(b).toEqual([0, 1]);
  });
});
