import { describe, expect, it } from 'vitest';
import type { LogRecord, OutcomeRecord, TraceRecord } from '../../../src/sim';
import { createWorld, loadScenario, type ScenarioError } from '../../../src/scenario';
import { scenarioFrom } from '../fixtures';

/** nginx and an app on one machine, as in `proxy_pass http://localhost:3000`. */
const text = (extra = '', proxyPass = 'http://localhost:3000') => `name: nginx and an app on one machine
seed: 1
dns:
  resolvers: [ { id: resolver, address: 192.0.2.53 } ]
  zones:
    - zone: example.com
      records: [ { name: example.com, a: 10.0.1.10, ttl: 300 } ]
machines:
  - id: web
    address: 10.0.1.10
    nginx:
      conf: |
        server {
            listen 80;
            server_name example.com;
            location / {
                proxy_pass ${proxyPass};
                proxy_set_header Host $host;
                proxy_set_header X-Real-IP $remote_addr;
            }
        }
    app: { port: 3000, responseMs: 20 }
traffic:
  - { id: browser, kind: browser, address: 203.0.113.7, url: http://example.com/, every: 1s }
${extra}`;

const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
const logs = (records: TraceRecord[], component: string, stream?: string) =>
  records.filter((r): r is LogRecord => r.kind === 'log' && r.component === component && (stream === undefined || r.stream.endsWith(stream))).map((r) => r.line);

function run(source: string, untilMs: number): TraceRecord[] {
  const world = createWorld(scenarioFrom(source), { seed: 1, traceWindow: 100_000 });
  world.runUntil(untilMs);
  return world.trace.records();
}

function errorsOf(source: string): ScenarioError[] {
  const result = loadScenario(source, 'test.yaml');
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors;
}

describe('nginx and an app on one machine', () => {
  const records = run(text(), 3_500);

  it('answers through nginx with a 200 from the app, which is its own component', () => {
    const first = outcomes(records).find((o) => o.requestId === 'browser#1');
    expect(first).toMatchObject({ status: 200, result: 'ok', servedBy: 'web-app' });
  });

  it('reaches the app through loopback: 127.0.0.1:port → 127.0.0.1:3000, at near-zero latency', () => {
    const syn = records.find((r) => r.kind === 'send' && r.from === 'web' && r.to === 'web-app' && r.type === 'tcp');
    expect(syn && 'summary' in syn ? syn.summary : undefined).toMatch(/^SYN 127\.0\.0\.1:\d+ → 127\.0\.0\.1:3000$/);
    const send = records.find((r) => r.kind === 'send' && r.type === 'request' && r.to === 'web-app' && r.requestId === 'browser#1');
    const deliver = records.find((r) => r.kind === 'deliver' && r.type === 'request' && r.to === 'web-app' && r.requestId === 'browser#1');
    expect(send).toBeDefined();
    expect(deliver).toBeDefined();
    expect((deliver?.t ?? 1) - (send?.t ?? 0)).toBeLessThan(0.1);
  });

  it('has the app see 127.0.0.1 as its client, and the browser in X-Real-IP', () => {
    const lines = logs(records, 'web-app', 'access');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^127\.0\.0\.1 - - "GET \/ HTTP\/1\.1" 200 \d+ "-" x-real-ip="203\.0\.113\.7"$/);
  });

  it('still logs the browser itself in nginx\'s access log', () => {
    expect(logs(records, 'web', 'access.log').every((l) => l.startsWith('203.0.113.7 '))).toBe(true);
  });

  it('reaches the app the same way with proxy_pass http://127.0.0.1:3000', () => {
    const first = outcomes(run(text('', 'http://127.0.0.1:3000'), 1_500)).find((o) => o.requestId === 'browser#1');
    expect(first).toMatchObject({ status: 200, servedBy: 'web-app' });
  });

  it('answers 502 when the app has crashed, with nginx\'s connect() refused line naming http://127.0.0.1:3000/', () => {
    const crashed = run(text('faults:\n  - { at: 1500ms, crash: web }\n'), 4_000);
    const late = outcomes(crashed).filter((o) => o.t > 1_600);
    expect(late.length).toBeGreaterThan(0);
    for (const o of late) expect(o).toMatchObject({ status: 502, servedBy: 'web' });
    const errors = logs(crashed, 'web', 'error.log');
    expect(errors.some((l) => /connect\(\) failed \(111: Connection refused\) while connecting to upstream, .*upstream: "http:\/\/127\.0\.0\.1:3000\/"/.test(l))).toBe(true);
  });

  it('refuses a loopback port nothing listens on, at once', () => {
    const refused = run(text('', 'http://localhost:3001'), 1_500);
    expect(outcomes(refused).find((o) => o.requestId === 'browser#1')).toMatchObject({ status: 502 });
    expect(logs(refused, 'web', 'error.log').some((l) => l.includes('upstream: "http://127.0.0.1:3001/"'))).toBe(true);
  });
});

describe('checking a machine with nginx and an app', () => {
  it('wants app.port when nginx runs beside the app', () => {
    const errors = errorsOf(text().replace('app: { port: 3000, responseMs: 20 }', 'app: { responseMs: 20 }'));
    expect(errors.map((e) => [e.path, e.message])).toEqual([['machines[0].app', expect.stringContaining('expected app.port')]]);
    expect(errors[0]?.line).toBe(22);
  });

  it('rejects app.port equal to nginx\'s port', () => {
    const errors = errorsOf(text().replace('port: 3000', 'port: 80'));
    expect(errors.map((e) => e.message)).toEqual(["expected a port other than nginx's (80), got 80"]);
  });

  it('rejects app.port on a machine that runs only an app', () => {
    const source = text().replace(/^ {4}nginx:[\s\S]*?^ {8}}\n/m, '');
    const errors = errorsOf(source);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('expected no app.port on a machine without nginx')]);
  });

  it('rejects an unknown key in the app block, naming what it expected', () => {
    const errors = errorsOf(text().replace('port: 3000', 'port: 3000, prot: 1'));
    expect(errors.map((e) => [e.path, e.line])).toEqual([['machines[0].app.prot', 22]]);
    expect(errors[0]?.message).toMatch(/expected one of .*\bport\b/);
  });

  it('reserves the app\'s component id, web-app', () => {
    const errors = errorsOf(text().replace('  - { id: browser,', '  - { id: web-app,'));
    expect(errors.some((e) => e.path === 'traffic[0].id' && /web-app/.test(e.message))).toBe(true);
  });
});
