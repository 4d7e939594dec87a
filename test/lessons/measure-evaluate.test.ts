import { describe, expect, it } from 'vitest';
import { checkGoal, diagnosis, parseGoal, parseMeasure, TraceIndex } from '../../src/lessons';
import { evaluate } from '../../src/lessons/measure/evaluate';
import { decision, deliver, roundRobinWithCrash, request, indexOf, send, state } from './fixtures';

const measure = (source: string, index: TraceIndex) => evaluate(parseMeasure(source), index);

describe('measures over a trace', () => {
  const index = roundRobinWithCrash();

  it('names the server that answered the nth request, counting from 1 in the order sent', () => {
    expect(measure('servedBy of request 1', index)).toMatchObject({ ok: true, value: 'a' });
    expect(measure('servedBy of request 4', index)).toMatchObject({ ok: true, value: 'a' });
    expect(measure('servedBy of request 6', index)).toMatchObject({ ok: true, value: 'nginx' });
    expect(measure('status of request 6', index)).toMatchObject({ ok: true, value: 502 });
  });

  it('names the backend behind a proxy as what served a request: the last component its HTTP request reached', () => {
    const proxied = indexOf(
      [
        request(1, 0, { status: 200, servedBy: 'nginx' }),
        [deliver(10, 'browser', 'nginx', 'request', 'browser#1'), deliver(11, 'nginx', 'app-2', 'tcp', 'browser#1'), deliver(12, 'nginx', 'app-2', 'request', 'browser#1')],
        request(2, 1000, { status: 502, servedBy: 'nginx' }),
        [deliver(1010, 'browser', 'nginx', 'request', 'browser#2')],
      ],
      ['browser', 'nginx', 'app-2'],
      2000,
    );
    expect(measure('servedBy of request 1', proxied)).toMatchObject({ value: 'app-2' });
    expect(measure('servedBy of request 2', proxied)).toMatchObject({ value: 'nginx' });
    expect(measure('count of requests servedBy app-2', proxied)).toMatchObject({ value: 1 });
  });

  it('counts the nth request among those for a path, and matches servers by pattern', () => {
    const paths = indexOf(
      [request(1, 0, { status: 200, servedBy: 'frontend-1' }, 'browser', '/'), request(2, 10, { status: 200, servedBy: 'api-2' }, 'browser', '/api/users'), request(3, 20, { status: 200, servedBy: 'api-1' }, 'browser', '/api/x')],
      [],
      100,
    );
    expect(measure('servedBy of request 2 for /api/', paths)).toMatchObject({ value: 'api-1' });
    expect(measure('count of requests for /api/ servedBy api-*', paths)).toMatchObject({ value: 2 });
  });

  it('counts the different components that served a set of requests', () => {
    expect(measure('servers of requests before 5s', index)).toMatchObject({ value: 3, text: '3 different components served them (a, b, c)' });
    expect(measure('servers of successes after 5s', index)).toMatchObject({ value: 2 });
  });

  it('counts requests by status within a window of send times (after inclusive, before exclusive)', () => {
    expect(measure('count of 502', index)).toMatchObject({ value: 2 });
    expect(measure('count of 502 after 5s', index)).toMatchObject({ value: 2 });
    expect(measure('count of 502 after 6s', index)).toMatchObject({ value: 1 });
    expect(measure('count of requests before 3s', index)).toMatchObject({ value: 3 });
    expect(measure('count of successes between 3s and 6s', index)).toMatchObject({ value: 2 });
  });

  it('places a window after the first time a command was given or a state reached', () => {
    expect(measure('count of failures after crash of c', index)).toMatchObject({ value: 2 });
    expect(measure('count of failures after c becomes crashed', index)).toMatchObject({ value: 2 });
  });

  it('cannot answer when an anchor never happens, and says so', () => {
    const m = measure('count of failures after b becomes crashed', index);
    expect(m.ok).toBe(false);
    expect(!m.ok && m.reason).toMatch(/b never became crashed in this run/);
  });

  it('gives shares as percents of the answered requests', () => {
    expect(measure('share of requests servedBy a', index)).toMatchObject({ value: 40 });
    expect(measure('share of 502 after 5s', index)).toMatchObject({ value: 40 });
  });

  it('counts messages by type and receiver', () => {
    expect(measure('count of messages type request to c after 5s', index)).toMatchObject({ value: 2 });
  });

  it('names who sent and who received the first message of a set', () => {
    expect(measure('sender of first messages type request to c', index)).toMatchObject({ value: 'nginx' });
    expect(measure('receiver of first messages type request after 1s', index)).toMatchObject({ value: 'b' });
  });

  it('matches message ends with patterns, and messages by the client they carry requests for', () => {
    expect(measure('count of messages type request to *', index)).toMatchObject({ value: 10 });
    expect(measure('count of messages from nginx to c on behalf of browser', index)).toMatchObject({ value: 3 });
    expect(measure('count of messages on behalf of phone', index)).toMatchObject({ value: 0 });
  });

  it('counts log lines by the text they contain and the component that wrote them', () => {
    const logs = indexOf(
      [[
        { kind: 'log', t: 1, seq: 900, component: 'app-1', stream: 'access', line: '198.51.100.20 - - "GET / HTTP/1.1" 200 66 "203.0.113.7"' },
        { kind: 'log', t: 2, seq: 901, component: 'app-2', stream: 'access', line: '198.51.100.20 - - "GET / HTTP/1.1" 200 66 "-"' },
      ]],
      ['app-1', 'app-2'],
      10,
    );
    expect(measure('count of logs "203.0.113.7" by app-*', logs)).toMatchObject({ value: 1, text: '1 log line containing "203.0.113.7" by app-*' });
    expect(measure('count of logs by app-2', logs)).toMatchObject({ value: 1 });
  });

  it('counts decisions by name and component', () => {
    expect(measure('count of decisions "pick" by nginx after 5s', index)).toMatchObject({ value: 2 });
    expect(measure('count of decisions by resolver', index)).toMatchObject({ value: 0, text: '0 decisions by resolver' });
    expect(measure('time of first decisions "pick"', index)).toMatchObject({ value: 5002 });
  });

  it('gives the time of the first matching answer, and latencies', () => {
    expect(measure('time of first 502', index)).toMatchObject({ value: 5050 });
    expect(measure('max latency of requests', index)).toMatchObject({ value: 50 });
  });

  it('leaves requests without an outcome out of everything but the count of requests', () => {
    const open = indexOf([request(1, 0, { status: 200, servedBy: 'a' }), request(2, 1000, undefined)], ['a'], 1500);
    expect(measure('count of requests', open)).toMatchObject({ value: 2 });
    expect(measure('count of failures', open)).toMatchObject({ value: 0 });
    expect(measure('share of requests servedBy a', open)).toMatchObject({ value: 100 });
    expect(measure('servedBy of request 2', open).ok).toBe(false);
  });
});

describe('goals over a trace', () => {
  const index = roundRobinWithCrash();

  it('meets "no 502" before the crash and not after it, with the failing requests and their reasons', () => {
    expect(checkGoal(parseGoal('no 502 before 5s'), index).met).toBe(true);
    const result = checkGoal(parseGoal('no 502 after 4s'), index);
    expect(result.met).toBe(false);
    const lines = diagnosis(result);
    expect(lines[0]).toBe('2 requests got 502 after t = 4 s');
    expect(lines[1]).toMatch(/^browser#6 \(GET \/, sent at t = 5 s\): nginx answered 502/);
    expect(lines[2]).toBe('  nginx: connect() failed (111: Connection refused) while connecting to upstream c');
  });

  it('shows the reasons nearest the outcome when a request went through many decisions', () => {
    const many = indexOf(
      [request(1, 0, { status: 502, servedBy: 'nginx' }), ['cache', 'worker', 'server', 'peer', 'give up'].map((why, i) => decision(i + 1, 'nginx', 'browser#1', why))],
      ['nginx'],
      100,
    );
    expect(diagnosis(checkGoal(parseGoal('no 502'), many)).slice(2)).toEqual(['  nginx: server', '  nginx: peer', '  nginx: give up']);
  });

  it('checks each server\'s share of requests, naming the ones outside the range', () => {
    expect(checkGoal(parseGoal('each of a, b gets 30%–40% of requests'), index).met).toBe(true);
    const result = checkGoal(parseGoal('each of a, b, c gets 30%–40% of requests'), index);
    expect(result.met).toBe(false);
    expect(result.summary).toMatch(/c 10% \(1\) — outside 30%–40%; all: a 40% \(4\), b 30% \(3\), c 10% \(1\)/);
  });

  it('expands patterns over the world\'s components, and fails when a pattern matches none', () => {
    const components = indexOf([request(1, 0, { status: 200, servedBy: 'api-1' }), request(2, 1, { status: 200, servedBy: 'api-2' })], ['api-1', 'api-2', 'api-3'], 10);
    const result = checkGoal(parseGoal('each of api-* gets 30%–50% of requests'), components);
    expect(result.met).toBe(false);
    expect(result.summary).toMatch(/api-3 0% \(0\)/);
    expect(checkGoal(parseGoal('each of auth-* gets 0%–100% of requests'), components).summary).toMatch(/no component in this world matches auth-\*/);
  });

  it('checks that a component receives no requests after it reaches a state', () => {
    expect(checkGoal(parseGoal('c receives no requests after it becomes crashed'), index).met).toBe(false);
    const quiet = indexOf([[state(1000, 'c', 'healthy', 'unhealthy')], request(1, 2000, { status: 200, servedBy: 'a' })], ['a', 'c'], 3000);
    expect(checkGoal(parseGoal('c receives no new requests after it is marked unhealthy'), quiet).met).toBe(true);
  });

  it('anchors on the first component matching a pattern, and "it" is that component', () => {
    const pods = indexOf(
      [[state(1000, 'pod:default/api-b', 'Ready', 'NotReady'), send(500, 'node-1', 'pod:default/api-b'), send(1500, 'node-1', 'pod:default/api-a'), send(2500, 'node-1', 'pod:default/api-b')]],
      ['pod:default/api-a', 'pod:default/api-b'],
      3000,
    );
    const result = checkGoal(parseGoal('pod:default/api-* receives no new requests after it becomes NotReady'), pods);
    expect(result.met).toBe(false);
    expect(result.summary).toMatch(/^pod:default\/api-b received 1 request after/);
  });

  it('compares a measure with a value and says what it was', () => {
    const result = checkGoal(parseGoal('count of successes after 5s is at least 4'), index);
    expect(result.met).toBe(false);
    expect(result.summary).toMatch(/the value is 3, expected at least 4/);
    expect(checkGoal(parseGoal('servedBy of request 2 is b'), index).met).toBe(true);
  });

  it('is not met when the trace cannot tell', () => {
    const result = checkGoal(parseGoal('no 502 after a becomes crashed'), index);
    expect(result).toMatchObject({ met: false });
    expect(result.summary).toMatch(/^cannot tell: a never became crashed/);
  });
});
