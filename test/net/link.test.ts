import { describe, expect, it } from 'vitest';
import { Engine, Trace, type TraceRecord } from '../../src/sim';
import { Network, type Endpoint, type Message, type Packet } from '../../src/net';

/** An endpoint that records what reaches it and can be switched off. */
class Probe implements Endpoint {
  received: [number, Packet][] = [];
  refusedCount = 0;
  down = false;
  constructor(
    readonly id: string,
    private readonly engine: Engine,
  ) {}
  refusal(): string | undefined {
    return this.down ? `nothing listens on ${this.id}` : undefined;
  }
  receive(packet: Packet): void {
    this.received.push([this.engine.now, packet]);
  }
  refused(): void {
    this.refusedCount++;
  }
}

function setup(latencyMs = 25) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const network = new Network(engine, trace);
  const browser = new Probe('browser', engine);
  const app = new Probe('app', engine);
  network.attach(browser);
  network.attach(app);
  network.connect({ id: 'browser-app', from: 'browser', to: 'app', latencyMs });
  return { engine, trace, network, browser, app };
}

const get = (id: string): Message => ({ type: 'request', request: { id, method: 'GET', path: '/', host: 'app' } });
const brief = (r: TraceRecord) =>
  r.kind === 'send' || r.kind === 'deliver' || r.kind === 'drop' ? [r.kind, r.t, r.packet, r.from, r.to, r.summary] : [r.kind];

describe('Link', () => {
  it('delivers a packet after exactly the link latency, as one engine event', () => {
    const { engine, trace, network, app } = setup(25);
    network.send('browser', 'app', get('r1'));
    expect(app.received).toEqual([]);
    expect(engine.step()).toBe(true);
    expect(engine.now).toBe(25);
    expect(app.received.map(([t, p]) => [t, p.id])).toEqual([[25, 'p1']]);
    expect(trace.records().map(brief)).toEqual([
      ['send', 0, 'p1', 'browser', 'app', 'GET / → app'],
      ['deliver', 25, 'p1', 'browser', 'app', 'GET / → app'],
    ]);
    expect(engine.step()).toBe(false);
  });

  it('records the Host header on request packets only, so a journey can show it', () => {
    const { engine, trace, network } = setup(10);
    network.send('browser', 'app', get('r1'));
    engine.runUntil(10);
    network.send('app', 'browser', { type: 'response', response: { requestId: 'r1', status: 200, servedBy: 'app' } });
    engine.runUntil(20);
    const headers = trace.records().map((r) => (r.kind === 'send' || r.kind === 'deliver' ? [r.kind, r.type, r.headers] : [r.kind]));
    expect(headers).toEqual([
      ['send', 'request', { Host: 'app' }],
      ['deliver', 'request', { Host: 'app' }],
      ['send', 'response', undefined],
      ['deliver', 'response', undefined],
    ]);
  });

  it('numbers packets p1, p2, … in the order they are sent, whichever direction', () => {
    const { engine, network, browser, app } = setup(10);
    network.send('browser', 'app', get('r1'));
    engine.runUntil(5);
    network.send('app', 'browser', { type: 'response', response: { requestId: 'r1', status: 200, servedBy: 'app' } });
    network.send('browser', 'app', get('r2'));
    engine.runUntil(100);
    expect(app.received.map(([t, p]) => [t, p.id])).toEqual([
      [10, 'p1'],
      [15, 'p3'],
    ]);
    expect(browser.received.map(([t, p]) => [t, p.id, p.from])).toEqual([[15, 'p2', 'app']]);
  });

  it('keeps arrival times to whole microseconds so traces do not show float noise', () => {
    const { engine, network, app } = setup(25);
    engine.runUntil(2046.271);
    network.send('browser', 'app', get('r1'));
    engine.runUntil(3000);
    expect(app.received[0]?.[0]).toBe(2071.271);
  });

  it('records a drop with the reason and sends a reset back when nothing listens at the far end', () => {
    const { engine, trace, network, browser, app } = setup(25);
    app.down = true;
    network.send('browser', 'app', get('r1'));
    engine.runUntil(1000);
    expect(app.received).toEqual([]);
    expect(app.refusedCount).toBe(1);
    const records = trace.records();
    expect(records.map(brief)).toEqual([
      ['send', 0, 'p1', 'browser', 'app', 'GET / → app'],
      ['drop', 25, 'p1', 'browser', 'app', 'GET / → app'],
      ['send', 25, 'p2', 'app', 'browser', 'RST → browser (connection refused)'],
      ['deliver', 50, 'p2', 'app', 'browser', 'RST → browser (connection refused)'],
    ]);
    expect(records[1]).toMatchObject({ why: 'nothing listens on app', requestId: 'r1', type: 'request' });
    expect(records[2]).toMatchObject({ type: 'tcp', requestId: 'r1' });
    expect(browser.received[0]?.[1].message).toEqual({ type: 'rst', requestId: 'r1', reason: 'refused', why: 'nothing listens on app' });
  });

  it('never answers a refused reset with another reset', () => {
    const { engine, trace, network, browser, app } = setup(25);
    app.down = true;
    browser.down = true;
    network.send('browser', 'app', get('r1'));
    engine.runUntil(10_000);
    expect(trace.records().map((r) => r.kind)).toEqual(['send', 'drop', 'send', 'drop']);
    expect(engine.pending).toBe(0);
  });

  it('refuses to send between components that no link joins', () => {
    const { network, engine } = setup();
    network.attach(new Probe('db', engine));
    expect(() => network.send('browser', 'db', get('r1'))).toThrow('no link between browser and db');
  });

  it('finds a link from either end', () => {
    const { network } = setup();
    expect(network.linkBetween('app', 'browser')?.id).toBe('browser-app');
    expect(network.linkBetween('browser', 'app')?.id).toBe('browser-app');
  });
});
