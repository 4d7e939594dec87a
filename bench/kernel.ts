/**
 * Kernel benchmarks: how many events per second the bare heap, the engine and
 * XState delayed transitions through the engine clock sustain. The bare heap
 * loop is the baseline measured in the same run, so the ratios hold up on a
 * noisy machine better than the absolute figures.
 */
import { createActor, setup } from 'xstate';
import { Engine, EventQueue } from '../src/sim';
import { Random } from '../src/sim/prng';

export interface BenchLine {
  name: string;
  opsPerSec: number;
  /** Ratio to the baseline of the same run, when there is one. */
  ratio?: number;
  /** What `opsPerSec` counts when it is not a rate: `×` (a factor), `MB`… (default `/s`). */
  unit?: string;
}

/**
 * Operations per second of `prepare()`'s runner, best of `rounds`. Only the
 * runner is timed, so setting up thousands of actors does not count as work.
 */
export function measure(prepare: () => () => number, rounds = 5): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const runner = prepare();
    const start = performance.now();
    const ops = runner();
    const elapsed = performance.now() - start;
    best = Math.max(best, (ops / elapsed) * 1000);
  }
  return best;
}

/** Bare heap: pop an event, push its successor; what any engine must at least pay. */
function bareHeap(actors: number, events: number): () => number {
  const queue = new EventQueue<{ time: number; seq: number; actor: number }>();
  const rng = new Random(1).stream('bench');
  let seq = 0;
  for (let a = 0; a < actors; a++) queue.push({ time: rng.int(100), seq: seq++, actor: a });
  return () => {
    for (let i = 0; i < events; i++) {
      const e = queue.pop()!;
      queue.push({ time: e.time + 1 + (e.actor % 7), seq: seq++, actor: e.actor });
    }
    return events;
  };
}

/** The engine with closures, as components use it. */
function engineLoop(actors: number, events: number): () => number {
  const engine = new Engine();
  const rng = new Random(1).stream('bench');
  const tick = (a: number) => () => engine.schedule(1 + (a % 7), tick(a));
  for (let a = 0; a < actors; a++) engine.schedule(rng.int(100), tick(a));
  return () => {
    for (let i = 0; i < events; i++) engine.step();
    return events;
  };
}

const pingPong = setup({ delays: { tickMs: 100 } }).createMachine({
  id: 'pingpong',
  initial: 'ping',
  states: {
    ping: { after: { tickMs: { target: 'pong', id: 'toPong' } } },
    pong: { after: { tickMs: { target: 'ping', id: 'toPing' } } },
  },
});

/** XState actors whose only work is delayed transitions on the engine clock. */
function xstateLoop(actors: number, transitions: number): () => number {
  const engine = new Engine();
  for (let a = 0; a < actors; a++) {
    createActor(pingPong, { clock: engine.clock }).start();
  }
  return () => {
    for (let i = 0; i < transitions; i++) engine.step();
    return transitions;
  };
}

export async function benchKernel(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const bare = measure(() => bareHeap(1000, 1_000_000));
  lines.push({ name: 'bare heap loop (1,000 actors)', opsPerSec: bare, ratio: 1 });
  const engine = measure(() => engineLoop(1000, 1_000_000));
  lines.push({ name: 'engine events (1,000 actors)', opsPerSec: engine, ratio: engine / bare });
  for (const actors of [1, 100, 1000, 10_000]) {
    const rate = measure(() => xstateLoop(actors, Math.max(100_000, actors * 10)), 3);
    lines.push({ name: `XState delayed transitions, ${actors.toLocaleString('en')} actor${actors === 1 ? '' : 's'}`, opsPerSec: rate, ratio: rate / bare });
  }
  return lines;
}
