import { describe, expect, it } from 'vitest';
import { Engine, Random, Trace } from '../../../src/sim';
import { Network } from '../../../src/net';
import { ServerNode } from '../../../src/models/backend';
import { COMMANDS, directTerminal, hopsFromTrace, hostForWorld, Shell } from '../../../src/models/shell';

/** A direct world by hand: one app server at 198.51.100.10:80, and the terminal's hooks on the same network. */
function directWorld() {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const network = new Network(engine, trace);
  const server = new ServerNode(
    { id: 'app', label: 'app', address: '198.51.100.10', port: 80, latency: { minMs: 20, maxMs: 20 }, errorRate: 0 },
    { engine, trace, random: new Random(1), network },
  );
  network.attach(server);
  const terminal = directTerminal({ engine, trace, network, servers: [{ id: 'app', address: '198.51.100.10', port: 80 }] });
  const world = { get now() { return engine.now; }, trace, terminal: terminal.hooks };
  return { engine, trace, server, world, terminal, shell: new Shell(hostForWorld(world), COMMANDS) };
}

function run(shell: Shell, line: string) {
  let all = '';
  let code: number | undefined;
  const execution = shell.run(line, { out: (t) => (all += t), err: (t) => (all += t) }, (c) => (code = c));
  return { execution, get all() { return all; }, get code() { return code; } };
}

describe('the terminal in a direct world', () => {
  it('sends curl as a real request: a request record, packets on a link, and the answer in virtual time', () => {
    const { engine, trace, shell, terminal } = directWorld();
    expect(terminal.components()).toEqual([]);
    const r = run(shell, 'curl -v http://198.51.100.10/');
    expect(r.execution.done).toBe(false);
    engine.runUntil(1000);
    expect(r.code).toBe(0);
    expect(r.all).toContain('* Connected to 198.51.100.10 (198.51.100.10) port 80 (#0)\n> GET / HTTP/1.1\n> Host: 198.51.100.10\n');
    expect(r.all).toContain('< HTTP/1.1 200 OK\n');
    expect(r.all).toContain('* [trafficlab] request laptop#1: laptop → app\n* [trafficlab] answered by app: 200 OK\n');
    const records = trace.records();
    expect(records.find((x) => x.kind === 'request')).toMatchObject({ requestId: 'laptop#1', client: 'laptop', url: 'http://198.51.100.10/' });
    expect(records.flatMap((x) => (x.kind === 'deliver' ? [`${x.from}→${x.to}`] : []))).toEqual(['laptop→app', 'app→laptop']);
    expect(records.filter((x) => x.kind === 'outcome')).toMatchObject([{ requestId: 'laptop#1', client: 'laptop', status: 200, result: 'ok', latencyMs: 70, servedBy: 'app' }]);
    expect(terminal.components()).toEqual([{ id: 'laptop', kind: 'client', label: 'your terminal', address: '192.0.2.10', state: 'idle', counters: { issued: 1, answered: 1 } }]);
    expect(engine.now).toBe(1000);
  });

  it('is refused by a crashed server, with curl exit 7', () => {
    const { engine, server, shell } = directWorld();
    server.crash('test');
    const r = run(shell, 'curl http://198.51.100.10/');
    engine.runUntil(1000);
    expect(r.all).toMatch(/^curl: \(7\) Failed to connect to 198\.51\.100\.10 port 80 after 50 ms: Couldn't connect to server\n$/);
  });

  it('gives an abandoned request its one outcome when curl is stopped', () => {
    const { engine, trace, shell } = directWorld();
    const r = run(shell, 'curl http://10.9.9.9/');
    r.execution.interrupt();
    engine.runUntil(200_000);
    expect(r.code).toBe(130);
    expect(trace.records().filter((x) => x.kind === 'outcome')).toMatchObject([{ requestId: 'laptop#1', result: 'timeout', status: 0 }]);
  });

  it('times out connecting to an address no component has', () => {
    const { engine, shell } = directWorld();
    const r = run(shell, 'curl --connect-timeout 5 -m 5 http://10.9.9.9/');
    engine.runUntil(10_000);
    expect(r.code).toBe(28);
  });

  it('reads log lines and follows them from the trace', () => {
    const { trace, world } = directWorld();
    const host = hostForWorld(world);
    trace.record({ kind: 'log', component: 'nginx-1', stream: '/var/log/nginx/access.log', line: 'one' });
    const seen: string[] = [];
    const stop = host.followLogs((l) => seen.push(l.line));
    trace.record({ kind: 'log', component: 'nginx-1', stream: '/var/log/nginx/access.log', line: 'two' });
    stop();
    trace.record({ kind: 'log', component: 'nginx-1', stream: '/var/log/nginx/access.log', line: 'three' });
    expect(host.logs(['nginx-1']).map((l) => l.line)).toEqual(['one', 'two', 'three']);
    expect(seen).toEqual(['two']);
  });

  it('names the hops of a request from its packet deliveries, in order', () => {
    const t = (to: string, from: string, type = 'request') => ({ kind: 'deliver' as const, t: 0, seq: 0, packet: 'p', type, from, to, requestId: 'r1', summary: '' });
    expect(hopsFromTrace([t('nlb', 'laptop'), t('node-a', 'nlb'), t('web-1', 'node-a'), t('laptop', 'web-1', 'response')], 'r1')).toEqual(['laptop', 'nlb', 'node-a', 'web-1']);
  });
});

describe('commands in the trace', () => {
  it('records each finished command line, where it ran and its exit status, for lesson goals to read', () => {
    const { trace, shell } = directWorld();
    run(shell, 'kubectl get pods');
    expect(trace.records().filter((r) => r.kind === 'command')).toMatchObject([
      { command: 'terminal', target: 'machine', why: 'ran `kubectl get pods` in the terminal (exit 1)' },
    ]);
  });
});
