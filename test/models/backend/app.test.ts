import { describe, expect, it } from 'vitest';
import { Engine, Random, Trace } from '../../../src/sim';
import { AppProcess, type AppResponse, type AppSpec } from '../../../src/models/backend';

const SPEC: AppSpec = {
  latency: { kind: 'fixed', ms: 50 },
  capacity: { concurrency: 2, queue: 1 },
  errorRate: 0,
  healthPath: '/health',
  healthLatencyMs: 1,
  startupMs: 1000,
  crashAfterStartMs: 300,
  accessLog: true,
};

function setup(spec: Partial<AppSpec> = {}, running = true) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const random = new Random(1);
  const exits: [number, string][] = [];
  const app = new AppProcess('app', { ...SPEC, ...spec }, {
    engine,
    trace,
    latencyRng: random.stream('l'),
    errorRng: random.stream('e'),
    running,
    onExit: (why) => void exits.push([engine.now, why]),
  });
  const answers: [number, string, number | string][] = [];
  const send = (id: string, path = '/', headers: [string, string][] = []) =>
    app.handle(
      { id, method: 'GET', path, headers, remoteIp: '10.0.0.9' },
      {
        respond: (r: AppResponse) => void answers.push([engine.now, id, r.status]),
        reset: (why) => void answers.push([engine.now, id, `reset: ${why}`]),
      },
    );
  return { engine, trace, app, answers, send, exits };
}

describe('app process', () => {
  it('works on as many requests as it has workers, queues the next, and answers 503 beyond the queue', () => {
    const { engine, send, answers } = setup();
    for (const id of ['a', 'b', 'c', 'd']) send(id);
    engine.runUntil(1000);
    expect(answers).toEqual([
      [0, 'd', 503],
      [50, 'a', 200],
      [50, 'b', 200],
      [100, 'c', 200],
    ]);
  });

  it('answers /health at once, past a full queue, and 503 there only while marked unhealthy', () => {
    const { engine, app, send, answers } = setup();
    for (const id of ['a', 'b', 'c']) send(id);
    send('h1', '/health');
    engine.runUntil(1);
    app.setFaults({ unhealthy: true }, 'test');
    send('h2', '/health');
    send('x', '/');
    engine.runUntil(1000);
    expect(answers.filter(([, id]) => id.startsWith('h'))).toEqual([
      [1, 'h1', 200],
      [2, 'h2', 503],
    ]);
    expect(answers.find(([, id]) => id === 'a')?.[2]).toBe(200);
  });

  it('holds every request while hung and lets a cancelled one go, answering none of them', () => {
    const { engine, app, send, answers } = setup();
    app.setFaults({ hung: true }, 'test');
    const ticket = send('a');
    send('b', '/health');
    engine.runUntil(10_000);
    expect(answers).toEqual([]);
    expect(app.counters()).toMatchObject({ inFlight: 2 });
    ticket.cancel();
    expect(app.counters()).toMatchObject({ inFlight: 1 });
  });

  it('adds the slow fault to every response time', () => {
    const { engine, app, send, answers } = setup();
    app.setFaults({ slowMs: 400 }, 'test');
    send('a');
    engine.runUntil(1000);
    expect(answers).toEqual([[450, 'a', 200]]);
  });

  it('resets what it holds when it crashes, refuses while down, and listens again only after its startup time', () => {
    const { engine, app, send, answers, exits } = setup();
    send('a');
    engine.runUntil(10);
    app.crash('test crash');
    expect(answers).toEqual([[10, 'a', 'reset: app: test crash']]);
    expect(exits).toEqual([[10, 'test crash']]);
    expect(app.listening).toBe(false);
    app.start('again');
    engine.runUntil(1009);
    expect(app.state).toBe('starting');
    engine.runUntil(1010);
    expect(app.state).toBe('running');
  });

  it('crashes after every start while crash-looping, and stays up once the loop ends', () => {
    const { engine, app, exits } = setup({}, false);
    app.setFaults({ crashLoop: true }, 'test');
    app.start('first');
    engine.runUntil(5000);
    // Booted at 1000, crashed 300 ms later.
    expect(exits.map(([t]) => t)).toEqual([1300]);
    app.setFaults({ crashLoop: false }, 'healed');
    app.start('second');
    engine.runUntil(10_000);
    expect(exits).toHaveLength(1);
    expect(app.state).toBe('running');
  });

  it('logs who it saw the connection from, and the X-Forwarded-For it was told', () => {
    const { engine, trace, send } = setup();
    send('a', '/x', [['X-Forwarded-For', '192.168.1.23']]);
    engine.runUntil(100);
    const lines = trace.records().flatMap((r) => (r.kind === 'log' ? [r.line] : []));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^10\.0\.0\.9 - - "GET \/x HTTP\/1\.1" 200 \d+ "192\.168\.1\.23"$/);
  });
});
