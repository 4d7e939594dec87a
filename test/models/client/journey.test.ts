import { describe, expect, it } from 'vitest';
import { Engine, Trace } from '../../../src/sim';
import {
  startJourney,
  type ClientNet,
  type DialHandlers,
  type JourneyConfig,
  type JourneyOutcome,
  type LookupResult,
  type OutgoingRequest,
} from '../../../src/models/client';
import { createBrowserCache } from '../../../src/models/dns';

/** What each address does with a connection: answer after a delay, refuse, or stay silent. */
type Behaviour = { answer: number; afterMs: number } | 'refuse' | 'silent' | 'reset';

function fakeNet(engine: Engine, lookup: LookupResult | 'silent', behaviour: Record<string, Behaviour>) {
  const log: string[] = [];
  const net: ClientNet = {
    lookup(_ip, name, _id, done) {
      log.push(`lookup ${name}`);
      if (lookup !== 'silent') engine.schedule(5, () => done(lookup));
    },
    dial(srcIp, dstIp, dstPort, _id, handlers: DialHandlers) {
      log.push(`dial ${dstIp}:${dstPort}`);
      const b = behaviour[dstIp] ?? 'silent';
      let aborted = false;
      if (b === 'refuse') engine.schedule(10, () => !aborted && handlers.refused('nothing listens'));
      else if (b !== 'silent') {
        engine.schedule(10, () => {
          if (aborted) return;
          handlers.connected({
            send(request: OutgoingRequest, h) {
              log.push(`send ${request.method} ${request.target} Host=${request.headers.find(([k]) => k === 'Host')?.[1]} from ${srcIp}`);
              if (b === 'reset') engine.schedule(5, () => h.reset('peer died'));
              else engine.schedule(b.afterMs, () => h.response({ status: b.answer, servedBy: dstIp }));
            },
            close: () => void log.push(`close ${dstIp}`),
          });
        });
      }
      return { abort: () => void (aborted = true) };
    },
  };
  return { net, log };
}

const BASE: JourneyConfig = { clientId: 'browser', host: 'my-nlb-url.com', port: 80, timeoutMs: 10_000, connectTimeoutMs: 3000, userAgent: 'test' };

function run(config: Partial<JourneyConfig>, lookup: LookupResult | 'silent', behaviour: Record<string, Behaviour>, untilMs = 60_000) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const outcomes: [number, JourneyOutcome][] = [];
  const { net, log } = fakeNet(engine, lookup, behaviour);
  startJourney({ engine, trace, net, settle: (o) => void outcomes.push([engine.now, o]) }, { ...BASE, ...config }, { id: 'browser#1', srcIp: '203.0.113.7', method: 'GET', path: '/auth/login' });
  engine.runUntil(untilMs);
  return { outcomes, log, trace };
}

const THREE: LookupResult = { ok: true, addresses: ['52.0.0.1', '52.0.0.2', '52.0.0.3'], ttlS: 60, why: 'three AZs' };

describe('a client request from name to answer', () => {
  it('resolves the name, connects to the first address and ends with the status it got', () => {
    const { outcomes, log } = run({}, THREE, { '52.0.0.1': { answer: 200, afterMs: 30 } });
    expect(outcomes).toEqual([[45, expect.objectContaining({ status: 200, result: 'ok', servedBy: '52.0.0.1', latencyMs: 45 })]]);
    expect(log).toEqual(['lookup my-nlb-url.com', 'dial 52.0.0.1:80', 'send GET /auth/login Host=my-nlb-url.com from 203.0.113.7', 'close 52.0.0.1']);
  });

  it('ends as dns_failure when the lookup fails, without connecting anywhere', () => {
    const { outcomes, log } = run({}, { ok: false, why: 'NXDOMAIN' }, {});
    expect(outcomes).toEqual([[5, expect.objectContaining({ status: 0, result: 'dns_failure', why: 'DNS lookup of my-nlb-url.com failed: NXDOMAIN' })]]);
    expect(log).toEqual(['lookup my-nlb-url.com']);
  });

  it('tries the next address when a connection is refused, and ends refused when every address refused', () => {
    const next = run({}, THREE, { '52.0.0.1': 'refuse', '52.0.0.2': { answer: 200, afterMs: 1 } });
    expect(next.outcomes.map(([, o]) => o.result)).toEqual(['ok']);
    expect(next.log.filter((l) => l.startsWith('dial'))).toEqual(['dial 52.0.0.1:80', 'dial 52.0.0.2:80']);
    const none = run({}, THREE, { '52.0.0.1': 'refuse', '52.0.0.2': 'refuse', '52.0.0.3': 'refuse' });
    expect(none.outcomes).toEqual([[35, expect.objectContaining({ result: 'refused', why: expect.stringContaining('(all 3 addresses failed)') })]]);
  });

  it('moves on after the connect timeout when a SYN goes unanswered', () => {
    const { outcomes, log } = run({}, THREE, { '52.0.0.1': 'silent', '52.0.0.2': { answer: 200, afterMs: 1 } });
    expect(outcomes).toEqual([[5 + 3000 + 11, expect.objectContaining({ result: 'ok' })]]);
    expect(log.filter((l) => l.startsWith('dial'))).toEqual(['dial 52.0.0.1:80', 'dial 52.0.0.2:80']);
  });

  it('ends as a timeout exactly once when nothing answers, and ignores an answer that comes later', () => {
    const { outcomes } = run({ timeoutMs: 500 }, THREE, { '52.0.0.1': { answer: 200, afterMs: 2000 } });
    expect(outcomes).toEqual([[500, expect.objectContaining({ status: 0, result: 'timeout', why: 'no response within 500 ms: the client gave up' })]]);
  });

  it('ends as connection_reset when the connection dies under the request', () => {
    const { outcomes } = run({}, THREE, { '52.0.0.1': 'reset' });
    expect(outcomes.map(([, o]) => [o.result, o.why])).toEqual([['reset', 'connection reset: peer died']]);
  });

  it('through a forward proxy, never looks the name up and sends the absolute URL to the proxy', () => {
    const { outcomes, log } = run({ proxy: { ip: '198.51.100.77', port: 3128, id: 'proxy' } }, 'silent', { '198.51.100.77': { answer: 200, afterMs: 40 } });
    expect(outcomes.map(([, o]) => o.result)).toEqual(['ok']);
    expect(log.slice(0, 2)).toEqual(['dial 198.51.100.77:3128', 'send GET http://my-nlb-url.com/auth/login Host=my-nlb-url.com from 203.0.113.7']);
  });

  it('answers from its host cache until the entry expires at the TTL', () => {
    const cache = createBrowserCache();
    const engine = new Engine();
    const trace = new Trace(() => engine.now);
    const { net, log } = fakeNet(engine, THREE, { '52.0.0.1': { answer: 200, afterMs: 1 } });
    const deps = { engine, trace, net, settle: () => undefined };
    const config = { ...BASE, cache };
    const at = (ms: number) => engine.scheduleAt(ms, () => startJourney(deps, config, { id: `b#${ms}`, srcIp: '203.0.113.7', method: 'GET', path: '/' }));
    at(0);
    at(30_000);
    at(65_004);
    engine.runUntil(70_000);
    // Cached at 5 ms for 60 s: the request at 30 s uses the cache; the one at 65 s looks the name up again.
    expect(log.filter((l) => l.startsWith('lookup'))).toHaveLength(2);
  });
});
