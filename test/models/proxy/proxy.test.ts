import { describe, expect, it } from 'vitest';
import { Engine, Trace } from '../../../src/sim';
import type { ClientNet, IncomingResponse, LookupResult, OutgoingRequest } from '../../../src/models/client';
import { ForwardProxy, parseAbsoluteTarget, squidLogLine } from '../../../src/models/proxy';

const CONFIG = { id: 'office-proxy', ip: '198.51.100.77', port: 3128, connectTimeoutMs: 1000, readTimeoutMs: 5000, forwardedFor: true, logEpochMs: Date.UTC(2024, 0, 1) };

function setup(lookup: LookupResult, origin: 'answer' | 'refuse' | 'hang') {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const seen: { from: string; request: OutgoingRequest }[] = [];
  const lookups: string[] = [];
  const net: ClientNet = {
    lookup(ip, name, _id, done) {
      lookups.push(`${ip} ${name}`);
      engine.schedule(5, () => done(lookup));
    },
    dial(srcIp, dstIp, _port, _id, h) {
      if (origin === 'refuse') engine.schedule(5, () => h.refused('nothing listens'));
      else
        engine.schedule(5, () =>
          h.connected({
            send(request, rh) {
              seen.push({ from: srcIp, request });
              if (origin === 'answer') engine.schedule(20, () => rh.response({ status: 200, servedBy: dstIp }));
            },
            close: () => undefined,
          }),
        );
      return { abort: () => undefined };
    },
  };
  const proxy = new ForwardProxy(CONFIG, { engine, trace, net });
  const replies: [number, IncomingResponse][] = [];
  const ask = (target: string) =>
    proxy.handle({ id: 'bob#1', method: 'GET', target, headers: [['Host', 'www.example.com']], clientIp: '192.168.1.23' }, (r) => void replies.push([engine.now, r]));
  return { engine, trace, seen, lookups, replies, ask };
}

const OK: LookupResult = { ok: true, addresses: ['198.51.100.20'], ttlS: 300, why: '' };

describe('forward proxy', () => {
  it('resolves the name itself and connects from its own address, telling the origin the client in X-Forwarded-For', () => {
    const { engine, seen, lookups, replies, ask } = setup(OK, 'answer');
    ask('http://www.example.com/cart?x=1');
    engine.runUntil(1000);
    expect(lookups).toEqual(['198.51.100.77 www.example.com']);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.from).toBe('198.51.100.77');
    expect(seen[0]?.request.target).toBe('/cart?x=1');
    expect(seen[0]?.request.headers).toEqual([
      ['Host', 'www.example.com'],
      ['X-Forwarded-For', '192.168.1.23'],
      ['Via', '1.1 office-proxy (squid)'],
    ]);
    expect(replies).toEqual([[30, { status: 200, servedBy: '198.51.100.20' }]]);
  });

  it('keeps the answer of a lookup for its TTL', () => {
    const { engine, lookups, ask } = setup(OK, 'answer');
    ask('http://www.example.com/');
    engine.runUntil(100);
    ask('http://www.example.com/');
    engine.runUntil(200);
    expect(lookups).toHaveLength(1);
  });

  it('answers as Squid does when it cannot reach the origin: 503 for DNS and refusals, 504 for silence, 400 for a path', () => {
    const dns = setup({ ok: false, why: 'NXDOMAIN' }, 'answer');
    dns.ask('http://nowhere.example/');
    const refused = setup(OK, 'refuse');
    refused.ask('http://www.example.com/');
    const silent = setup(OK, 'hang');
    silent.ask('http://www.example.com/');
    const path = setup(OK, 'answer');
    path.ask('/just-a-path');
    for (const s of [dns, refused, silent, path]) s.engine.runUntil(10_000);
    expect([dns, refused, silent, path].map((s) => s.replies.map(([, r]) => r.status))).toEqual([[503], [503], [504], [400]]);
  });

  it('writes one Squid access-log line per request, with both the client and the origin address', () => {
    const { engine, trace, ask } = setup(OK, 'answer');
    ask('http://www.example.com/');
    engine.runUntil(1000);
    const lines = trace.records().flatMap((r) => (r.kind === 'log' ? [r.line] : []));
    expect(lines).toEqual(['1704067200.030     30 192.168.1.23 TCP_MISS/200 6 GET http://www.example.com/ - HIER_DIRECT/198.51.100.20 text/plain']);
  });
});

describe('absolute request targets', () => {
  it.each([
    ['http://www.example.com/a?b=1', { host: 'www.example.com', port: 80, path: '/a?b=1' }],
    ['http://WWW.Example.com:8080', { host: 'www.example.com', port: 8080, path: '/' }],
    ['http://h?q', { host: 'h', port: 80, path: '/?q' }],
  ])('reads %s', (target, expected) => {
    expect(parseAbsoluteTarget(target)).toEqual(expected);
  });

  it.each(['/path', 'https://secure.example.com/', 'http://h:99999/'])('refuses %s', (target) => {
    expect(parseAbsoluteTarget(target)).toBeUndefined();
  });

  it('pads elapsed time and status the way Squid does', () => {
    expect(squidLogLine({ atMs: 1_704_067_200_045, elapsedMs: 45.4, clientIp: '1.2.3.4', action: 'TCP_MISS', status: 200, bytes: 10, method: 'GET', url: 'http://x/', hierarchy: 'HIER_NONE/-', contentType: 'text/plain' })).toBe(
      '1704067200.045     45 1.2.3.4 TCP_MISS/200 10 GET http://x/ - HIER_NONE/- text/plain',
    );
  });
});
