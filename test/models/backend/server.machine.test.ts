import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Engine, Random } from '../../../src/sim';
import { drawLatencyMs, serverMachine, type LatencyRange, type ServerPort } from '../../../src/models/backend';

function startServer(latency: LatencyRange, errorRate = 0, seed = 1) {
  const engine = new Engine();
  const log: (string | number)[][] = [];
  const port: ServerPort = {
    respond: (request, decision) => void log.push([engine.now, 'respond', request.requestId, decision.status]),
    reset: (request, why) => void log.push([engine.now, 'reset', request.requestId, why]),
    stateChanged: (from, to, why) => void log.push([engine.now, 'state', from, to, why]),
  };
  const random = new Random(seed);
  const actor = createActor(serverMachine, {
    clock: engine.clock,
    input: {
      serverId: 'app',
      latency,
      errorRate,
      latencyRng: random.stream('server:app:latency'),
      errorRng: random.stream('server:app:errors'),
      port,
    },
  }).start();
  const request = (requestId: string) => actor.send({ type: 'REQUEST', request: { requestId, from: 'browser' } });
  return { engine, actor, log, request };
}

describe('server machine', () => {
  it('answers after a latency drawn from its own stream', () => {
    const { engine, log, request } = startServer({ minMs: 20, maxMs: 60 }, 0, 5);
    request('r1');
    engine.runUntil(10);
    request('r2');
    engine.runUntil(1000);
    const rng = new Random(5).stream('server:app:latency');
    const first = drawLatencyMs({ minMs: 20, maxMs: 60 }, rng);
    const second = 10 + drawLatencyMs({ minMs: 20, maxMs: 60 }, rng);
    expect(log).toEqual(
      [
        [first, 'respond', 'r1', 200],
        [second, 'respond', 'r2', 200],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('answers 500 when its error stream says so', () => {
    const { engine, log, request } = startServer({ minMs: 5, maxMs: 5 }, 1);
    request('r1');
    engine.runUntil(100);
    expect(log).toEqual([[5, 'respond', 'r1', 500]]);
  });

  it('resets every request it holds when it crashes, and never answers them', () => {
    const { engine, actor, log, request } = startServer({ minMs: 100, maxMs: 100 });
    request('r1');
    engine.runUntil(40);
    request('r2');
    engine.runUntil(50);
    actor.send({ type: 'CRASH', why: 'killed' });
    engine.runUntil(1000);
    expect(log).toEqual([
      [50, 'state', 'up', 'crashed', 'killed'],
      [50, 'reset', 'r1', 'app crashed while handling the request'],
      [50, 'reset', 'r2', 'app crashed while handling the request'],
    ]);
    expect(actor.getSnapshot().context.held).toEqual({});
    expect(engine.pending).toBe(0);
  });

  it('answers again after it recovers', () => {
    const { engine, actor, log, request } = startServer({ minMs: 10, maxMs: 10 });
    actor.send({ type: 'CRASH', why: 'killed' });
    actor.send({ type: 'CRASH', why: 'killed twice' });
    actor.send({ type: 'RECOVER', why: 'restarted' });
    request('r1');
    engine.runUntil(100);
    expect(log).toEqual([
      [0, 'state', 'up', 'crashed', 'killed'],
      [0, 'state', 'crashed', 'up', 'restarted'],
      [10, 'respond', 'r1', 200],
    ]);
  });
});
