import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/sim/engine';

describe('Engine', () => {
  it('runs exactly one event per step and moves now to that event', () => {
    const engine = new Engine();
    const seen: string[] = [];
    engine.schedule(30, () => seen.push('c'));
    engine.schedule(10, () => seen.push('a'));
    engine.schedule(20, () => seen.push('b'));
    expect(engine.step()).toBe(true);
    expect(seen).toEqual(['a']);
    expect(engine.now).toBe(10);
    expect(engine.step()).toBe(true);
    expect(engine.now).toBe(20);
    expect(engine.step()).toBe(true);
    expect(engine.step()).toBe(false);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(engine.eventsProcessed).toBe(3);
  });

  it('runs zero-delay work before time moves on', () => {
    const engine = new Engine();
    const seen: string[] = [];
    engine.schedule(10, () => {
      seen.push(`first@${engine.now}`);
      engine.schedule(0, () => seen.push(`zero@${engine.now}`));
    });
    engine.schedule(10, () => seen.push(`second@${engine.now}`));
    engine.schedule(11, () => seen.push(`later@${engine.now}`));
    engine.runUntil(100);
    expect(seen).toEqual(['first@10', 'second@10', 'zero@10', 'later@11']);
  });

  it('keeps scheduling order among events due at the same time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 100 }), (delays) => {
        const engine = new Engine();
        const order: number[] = [];
        delays.forEach((d, i) => engine.schedule(d, () => order.push(i)));
        engine.runUntil(10);
        const expected = delays.map((d, i) => [d, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(order).toEqual(expected.map(([, i]) => i));
      }),
    );
  });

  it('runUntil runs events due at or before the limit and leaves later ones queued', () => {
    const engine = new Engine();
    const seen: number[] = [];
    for (const t of [5, 10, 15]) engine.scheduleAt(t, () => seen.push(t));
    expect(engine.runUntil(10)).toBe(2);
    expect(engine.now).toBe(10);
    expect(seen).toEqual([5, 10]);
    expect(engine.pending).toBe(1);
    expect(engine.peekTime()).toBe(15);
  });

  it('never runs a cancelled event', () => {
    const engine = new Engine();
    const seen: string[] = [];
    const h = engine.schedule(5, () => seen.push('cancelled'));
    engine.schedule(6, () => seen.push('kept'));
    engine.cancel(h);
    expect(engine.pending).toBe(1);
    engine.runUntil(10);
    expect(seen).toEqual(['kept']);
    engine.cancel(h); // a second cancel is harmless
  });

  it('runs the same events in the same order when most scheduled events are cancelled', () => {
    // Cancelled events are swept out of the heap in bulk once they outnumber the live ones.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 400 }), (plan) => {
        const engine = new Engine();
        const seen: number[] = [];
        const handles = plan.map(([delay], i) => engine.schedule(delay, () => seen.push(i)));
        plan.forEach(([, roll], i) => {
          if (roll < 8) engine.cancel(handles[i]!);
        });
        const kept = plan.map(([delay, roll], i) => ({ delay, roll, i })).filter((p) => p.roll >= 8);
        expect(engine.pending).toBe(kept.length);
        engine.runUntil(1000);
        expect(seen).toEqual(kept.sort((a, b) => a.delay - b.delay || a.i - b.i).map((p) => p.i));
        expect(engine.pending).toBe(0);
      }),
    );
  });

  it('keeps its heap small when timers are cancelled before they are due', () => {
    const engine = new Engine();
    for (let i = 0; i < 10_000; i++) engine.cancel(engine.schedule(60_000, () => undefined));
    engine.schedule(1, () => undefined);
    expect(engine.pending).toBe(1);
    expect(engine.queued).toBeLessThanOrEqual(2 * 64 + 1);
  });

  it('runs a scheduled call with its argument, in time and scheduling order with other events', () => {
    const engine = new Engine();
    const seen: string[] = [];
    const note = (what: string) => seen.push(`${what}@${engine.now}`);
    engine.scheduleCall(5, note, 'call');
    engine.schedule(5, () => note('closure'));
    engine.scheduleCall(1, note, 'early');
    const cancelled = engine.scheduleCall(2, note, 'cancelled');
    engine.cancel(cancelled);
    engine.runUntil(10);
    expect(seen).toEqual(['early@1', 'call@5', 'closure@5']);
    expect(() => engine.scheduleCall(-1, note, 'x')).toThrow(RangeError);
  });

  it('refuses to schedule into the past or with a bad delay', () => {
    const engine = new Engine();
    engine.runUntil(100);
    expect(() => engine.scheduleAt(50, () => {})).toThrow(RangeError);
    expect(() => engine.schedule(-1, () => {})).toThrow(RangeError);
    expect(() => engine.schedule(Number.NaN, () => {})).toThrow(RangeError);
    expect(() => engine.schedule(Number.POSITIVE_INFINITY, () => {})).toThrow(RangeError);
  });

  it('hands an event that throws to onError and keeps going', () => {
    const errors: string[] = [];
    const engine = new Engine({ onError: (e, ev) => errors.push(`${ev.label}: ${(e as Error).message}`) });
    const seen: number[] = [];
    engine.schedule(1, () => {
      throw new Error('boom');
    }, 'bad');
    engine.schedule(2, () => seen.push(2));
    engine.runUntil(5);
    expect(errors).toEqual(['bad: boom']);
    expect(seen).toEqual([2]);
  });
});

describe('Engine time', () => {
  it('keeps virtual time to the microsecond so traces carry no float noise', () => {
    const engine = new Engine();
    const times: number[] = [];
    engine.schedule(0.1, () => engine.schedule(0.2, () => times.push(engine.now)));
    engine.schedule(2071.2709999999997, () => times.push(engine.now));
    engine.runUntil(5000);
    expect(times).toEqual([0.3, 2071.271]);
  });
});
