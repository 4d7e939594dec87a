import { describe, expect, it } from 'vitest';
import { Engine, Trace, type PacketRecord } from '../../../src/sim';
import { Fabric } from '../../../src/scenario/runtime/fabric';
import { Tcp } from '../../../src/scenario/runtime/tcp';
import type { Connection, Host, HttpMessage, ServerSide } from '../../../src/scenario/runtime/tcp-types';

/**
 * client → relay (a middlebox that stays on the path, DNATs to the server)
 * → server, one ms a hop. `resetWhen` says when the relay resets a later packet.
 */
function world(resetWhen: (packetsSeen: number) => string | undefined) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const fabric = new Fabric(engine, trace, { latency: () => 1, down: () => undefined });
  let seen = 0;
  const heard: string[] = [];
  const server: ServerSide = {
    request(message, exchange) {
      heard.push(`server got ${message.target}`);
      exchange.respond({ status: 200, headers: [], body: 'ok', servedBy: 'server' });
    },
    closed() {
      heard.push('server closed');
    },
  };
  const hosts: Record<string, Host> = {
    relay: {
      id: 'relay',
      syn: () => ({ kind: 'forward', next: 'server', dstIp: '10.0.0.3', relay: { check: () => resetWhen(++seen) } }),
    },
    server: { id: 'server', syn: () => ({ kind: 'accept', server }) },
  };
  const tcp = new Tcp(fabric, engine, trace, { host: (id) => hosts[id], route: () => ({ kind: 'forward', next: 'relay' }) });
  let connection: Connection | undefined;
  tcp.dial(
    { from: 'client', srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, purpose: 'traffic', requestId: 'r1' },
    { connected: (c) => (connection = c), refused: (why) => heard.push(`refused: ${why}`) },
  );
  engine.runUntil(100);
  const message: HttpMessage = { id: 'r1', method: 'GET', target: '/x', headers: [['Host', 'example.com']] };
  connection?.send(message, { response: (reply) => heard.push(`client got ${reply.status}`), reset: (why) => heard.push(`client reset: ${why}`) });
  engine.runUntil(200);
  const hops = trace
    .records()
    .filter((r): r is PacketRecord => r.kind === 'send' && r.type !== 'tcp')
    .map((r) => `${r.type} ${r.from}→${r.to} ${r.src ?? ''} ${r.dst ?? ''} ${r.summary}`);
  const rsts = trace
    .records()
    .filter((r): r is PacketRecord => r.kind === 'send' && r.summary.startsWith('RST'))
    .map((r) => `${r.from}→${r.to}`);
  return { heard, hops, rsts };
}

describe('an established connection', () => {
  it('walks a request to the server and its answer back over the same hops, with each hop’s addresses', () => {
    const { heard, hops, rsts } = world(() => undefined);
    expect(heard).toEqual(['server got /x', 'client got 200']);
    expect(hops).toEqual([
      'request client→relay 10.0.0.1:40000 10.0.0.2:80 GET /x',
      'request relay→server 10.0.0.1:40000 10.0.0.3:80 GET /x',
      'response server→relay 10.0.0.3:80 10.0.0.1:40000 200 ← server',
      'response relay→client 10.0.0.2:80 10.0.0.1:40000 200 ← server',
    ]);
    expect(rsts).toEqual([]);
  });

  it('resets a request at a relay that refuses it: RST back to the client from there, the server never sees it', () => {
    const { heard, hops, rsts } = world(() => 'flow gone');
    expect(heard).toEqual(['server closed', 'client reset: flow gone']);
    expect(hops).toEqual(['request client→relay 10.0.0.1:40000 10.0.0.2:80 GET /x']);
    expect(rsts).toEqual(['relay→client']);
  });

  it('resets an answer at a relay on its way back: the client hears the reset, not the answer', () => {
    const { heard, hops, rsts } = world((n) => (n === 2 ? 'flow gone' : undefined));
    expect(heard).toEqual(['server got /x', 'server closed', 'client reset: flow gone']);
    expect(hops.at(-1)).toBe('response server→relay 10.0.0.3:80 10.0.0.1:40000 200 ← server');
    expect(rsts).toEqual(['relay→client']);
  });
});
