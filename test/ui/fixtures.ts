/**
 * Test doubles for the UI's tests: a hand-driven frame source and a tiny
 * world built on the real engine and trace (a client that sends a request
 * every 100 ms over a 20 ms link), so the player is tested against the
 * kernel it runs in the app without waiting on the scenario format.
 */
import { Engine, Trace } from '../../src/sim';
import type { FrameSource } from '../../src/ui/player.svelte';
import type { World, WorldSnapshot } from '../../src/scenario';

/** Frames that run only when the test says so, at the wall time it chooses. */
export class ManualFrames implements FrameSource {
  wall = 0;
  private pending = new Map<number, (wallMs: number) => void>();
  private nextId = 1;

  request(callback: (wallMs: number) => void): number {
    const id = this.nextId++;
    this.pending.set(id, callback);
    return id;
  }

  cancel(handle: number): void {
    this.pending.delete(handle);
  }

  now(): number {
    return this.wall;
  }

  /** Move wall time on by `ms` and run the frames that were requested. */
  tick(ms: number): void {
    this.wall += ms;
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const callback of due) callback(this.wall);
  }

  get waiting(): number {
    return this.pending.size;
  }
}

export interface TinyWorldOptions {
  /** How many requests the client sends before it stops (default: 1,000). */
  requests?: number;
  intervalMs?: number;
  latencyMs?: number;
  /** Also write a `request` record as each request leaves (as real clients do). */
  requestRecords?: boolean;
}

/** A client and a server on one link; each request is one send event and one deliver event. */
export function tinyWorld(options: TinyWorldOptions = {}): World {
  const { requests = 1000, intervalMs = 100, latencyMs = 20, requestRecords = false } = options;
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  let sent = 0;
  const sendOne = (): void => {
    const n = sent++;
    const packet = `p${n}`;
    if (requestRecords) trace.record({ kind: 'request', requestId: `r${n}`, client: 'browser', method: 'GET', url: '/' });
    trace.record({ kind: 'send', packet, type: 'request', from: 'browser', to: 'app', summary: 'GET /' });
    engine.schedule(latencyMs, () => {
      trace.record({ kind: 'deliver', packet, type: 'request', from: 'browser', to: 'app', summary: 'GET /' });
      trace.record({ kind: 'outcome', requestId: `r${n}`, client: 'browser', status: 200, result: 'ok', latencyMs, servedBy: 'app', why: 'app answered' });
    });
    if (sent < requests) engine.schedule(intervalMs, sendOne);
  };
  engine.schedule(0, sendOne);
  const snapshot = (): WorldSnapshot => ({
    t: engine.now,
    components: [
      { id: 'browser', kind: 'client', label: 'browser', address: '10.0.0.2', state: 'idle', counters: {} },
      { id: 'app', kind: 'server', label: 'app', address: '10.0.0.10:80', state: 'up', counters: {} },
    ],
    links: [{ id: 'browser-app', from: 'browser', to: 'app', latencyMs }],
  });
  return {
    engine,
    trace,
    seed: 1,
    scenario: {} as World['scenario'],
    get now() {
      return engine.now;
    },
    step: () => engine.step(),
    runUntil: (ms: number) => engine.runUntil(ms),
    inject: () => undefined,
    snapshot,
  };
}
