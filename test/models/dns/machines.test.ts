import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Engine } from '../../../src/sim';
import {
  answerAuthoritative,
  question,
  resolutionAsResponse,
  resolveRecursive,
  resolverMachine,
  stubConfig,
  stubMachine,
  type DnsResponse,
  type Question,
  type Resolution,
  type StubResult,
} from '../../../src/models/dns';
import { makeWorld, ROUTE53 } from './fixtures';

/** A stub lookup on the engine; `answer` says what a nameserver replies and after how long (undefined = never). */
function runStub(
  nameservers: string[],
  answer: (ns: string, q: Question, atMs: number) => { afterMs: number; response: DnsResponse } | undefined,
  name = 'www.example.com',
) {
  const engine = new Engine();
  const sent: string[] = [];
  let result: StubResult | undefined;
  let doneAt: number | undefined;
  const actor = createActor(stubMachine, {
    clock: engine.clock,
    input: {
      id: 'client-1:dns',
      config: stubConfig({ nameservers }),
      name,
      port: {
        send: (ns, q, queryKey) => {
          sent.push(`${engine.now} ${ns} ${queryKey}`);
          const reply = answer(ns, q, engine.now);
          if (reply !== undefined) {
            engine.schedule(reply.afterMs, () => actor.send({ type: 'RESPONSE', queryKey, response: reply.response }));
          }
        },
        done: (r) => {
          result = r;
          doneAt = engine.now;
        },
      },
    },
  });
  actor.start();
  engine.runUntil(60_000);
  return { sent, result, doneAt, actor };
}

describe('stub machine on the engine clock', () => {
  it('finishes when the answer arrives, after the network latency', () => {
    const w = makeWorld();
    const { sent, result, doneAt } = runStub(['10.0.0.2'], (_ns, q, at) => ({
      afterMs: 3,
      response: resolutionAsResponse(resolveRecursive(w.resolver, q, at, w.ask)),
    }));
    expect(sent).toEqual(['0 10.0.0.2 client-1:dns#1']);
    expect([doneAt, result?.status, result?.addresses.length]).toEqual([3, 'ok', 3]);
  });

  it('retries a silent nameserver at 5 s and gives up at 10 s (timeout:5 attempts:2)', () => {
    const { sent, result, doneAt } = runStub(['10.0.0.2'], () => undefined);
    expect(sent).toEqual(['0 10.0.0.2 client-1:dns#1', '5000 10.0.0.2 client-1:dns#2']);
    expect([doneAt, result?.status, result?.error?.code]).toEqual([10_000, 'timeout', 'EAI_AGAIN']);
  });

  it('ignores an answer that arrives after its query timed out, and takes the retry\'s answer', () => {
    const w = makeWorld();
    let calls = 0;
    const { sent, result, doneAt } = runStub(['10.0.0.2'], (_ns, q, at) => {
      calls++;
      const response = resolutionAsResponse(resolveRecursive(w.resolver, q, at, w.ask));
      // The first answer is slower than the 5 s timeout; the retry's is quick.
      return { afterMs: calls === 1 ? 6_000 : 10, response };
    });
    expect(sent.length).toBe(2);
    expect([doneAt, result?.status]).toEqual([5_010, 'ok']);
  });

  it('moves to the second nameserver after the first one\'s timeout', () => {
    const w = makeWorld();
    const { sent, doneAt } = runStub(['10.0.0.2', '10.0.1.2'], (ns, q, at) =>
      ns === '10.0.1.2' ? { afterMs: 2, response: resolutionAsResponse(resolveRecursive(w.resolver, q, at, w.ask)) } : undefined,
    );
    expect(sent).toEqual(['0 10.0.0.2 client-1:dns#1', '5000 10.0.1.2 client-1:dns#2']);
    expect(doneAt).toBe(5_002);
  });
});

describe('resolver machine on the engine clock', () => {
  function runResolver(latencyMs: (ip: string) => number | undefined, serverTimeoutMs?: number) {
    const w = makeWorld();
    const engine = new Engine();
    const sent: string[] = [];
    let resolution: Resolution | undefined;
    let doneAt: number | undefined;
    const byIp = new Map(w.hierarchy.servers.map((s) => [s.ip, s]));
    const machine = serverTimeoutMs === undefined ? resolverMachine : resolverMachine.provide({ delays: { serverTimeoutMs } });
    const actor = createActor(machine, {
      clock: engine.clock,
      input: {
        id: 'r1',
        resolver: w.resolver,
        question: question('www.example.com'),
        port: {
          now: () => engine.now,
          send: (server, q, queryKey) => {
            sent.push(`${engine.now} ${server.name}`);
            const latency = latencyMs(server.ip);
            const target = byIp.get(server.ip);
            if (latency === undefined || target === undefined) return;
            // The authoritative answer is computed when the query arrives.
            engine.schedule(latency / 2, () => {
              const response = answerAuthoritative(target, q);
              engine.schedule(latency / 2, () => actor.send({ type: 'RESPONSE', queryKey, response }));
            });
          },
          done: (r) => {
            resolution = r;
            doneAt = engine.now;
          },
        },
      },
    });
    actor.start();
    engine.runUntil(30_000);
    return { sent, resolution, doneAt };
  }

  it('takes one round trip per level of the tree', () => {
    const { sent, resolution, doneAt } = runResolver(() => 20);
    expect(sent).toEqual(['0 a.root-servers.net.', '20 a.gtld-servers.net.', '40 ns-1.awsdns-01.com.']);
    expect([doneAt, resolution?.rcode]).toEqual([60, 'NOERROR']);
  });

  it('waits serverTimeoutMs for a silent server, then asks the next one', () => {
    const { sent, doneAt } = runResolver((ip) => (ip === ROUTE53[0]!.ip ? undefined : 20));
    expect(sent).toEqual(['0 a.root-servers.net.', '20 a.gtld-servers.net.', '40 ns-1.awsdns-01.com.', '840 ns-2.awsdns-02.com.']);
    expect(doneAt).toBe(860);
  });

  it('lets a scenario override the named delay with provide()', () => {
    const { sent } = runResolver((ip) => (ip === ROUTE53[0]!.ip ? undefined : 20), 2_000);
    expect(sent.at(-1)).toBe('2040 ns-2.awsdns-02.com.');
  });
});
