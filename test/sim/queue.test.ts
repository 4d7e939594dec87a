import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/sim/queue';

interface Entry {
  time: number;
  seq: number;
}

function drain(queue: EventQueue<Entry>): Entry[] {
  const out: Entry[] = [];
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) out.push(e);
  return out;
}

describe('EventQueue', () => {
  it('pops entries in (time, seq) order whatever order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const queue = new EventQueue<Entry>();
        times.forEach((time, seq) => queue.push({ time, seq }));
        const popped = drain(queue);
        const expected = times.map((time, seq) => ({ time, seq })).sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('keeps insertion order among entries due at the same time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1000 }), (n, time) => {
        const queue = new EventQueue<Entry>();
        for (let seq = 0; seq < n; seq++) queue.push({ time, seq });
        expect(drain(queue).map((e) => e.seq)).toEqual([...Array(n).keys()]);
      }),
    );
  });

  it('stays ordered when pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const queue = new EventQueue<Entry>();
        const model: Entry[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op < 0) {
            model.sort((a, b) => a.time - b.time || a.seq - b.seq);
            expect(queue.pop()).toEqual(model.shift());
          } else {
            const e = { time: op, seq: seq++ };
            queue.push(e);
            model.push(e);
          }
          expect(queue.size).toBe(model.length);
        }
      }),
    );
  });

  it('returns undefined when empty', () => {
    const queue = new EventQueue<Entry>();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
  });

  it('drops the entries retain rejects and still pops the rest in (time, seq) order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 300 }), (items) => {
        const queue = new EventQueue<Entry & { keep: boolean }>();
        items.forEach(([time, keep], seq) => queue.push({ time, seq, keep }));
        queue.retain((e) => e.keep);
        const expected = items
          .map(([time, keep], seq) => ({ time, seq, keep }))
          .filter((e) => e.keep)
          .sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(queue.size).toBe(expected.length);
        const popped: Entry[] = [];
        for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e);
        expect(popped).toEqual(expected);
      }),
    );
  });
});
