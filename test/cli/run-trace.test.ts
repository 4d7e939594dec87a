import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Trace } from '../../src/sim';
import { TraceFile } from '../../src/cli/trace-file';
import { SummaryCounter } from '../../src/cli/summary';

const dir = mkdtempSync(join(tmpdir(), 'trafficlab-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trace file', () => {
  it('writes records that have already left a small window, in order', () => {
    let now = 0;
    const trace = new Trace(() => now, { windowSize: 3 });
    trace.record({ kind: 'log', component: 'app', stream: 'access', line: 'before the file was opened' });
    const file = join(dir, 'small-window.jsonl');
    const sink = new TraceFile(file, trace);
    for (let i = 0; i < 10_000; i++) {
      now = i;
      trace.record({ kind: 'log', component: 'app', stream: 'access', line: `line ${i}` });
    }
    sink.close();
    trace.record({ kind: 'log', component: 'app', stream: 'access', line: 'after close' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(10_001);
    expect(lines[1]).toBe('{"t":0,"seq":1,"kind":"log","component":"app","stream":"access","line":"line 0"}');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ seq: 10_000, line: 'line 9999' });
  });
});

describe('summary counter', () => {
  it('counts requests, outcomes by status or client-side error, and requests delivered to each backend', () => {
    const trace = new Trace(() => 0);
    const counter = new SummaryCounter(['app', 'idle']);
    trace.subscribe((r) => counter.add(r));
    trace.record({ kind: 'request', requestId: 'b#1', client: 'b', method: 'GET', url: '/' });
    trace.record({ kind: 'request', requestId: 'b#2', client: 'b', method: 'GET', url: '/' });
    trace.record({ kind: 'deliver', packet: 'p1', type: 'request', from: 'b', to: 'app', summary: '' });
    trace.record({ kind: 'deliver', packet: 'p2', type: 'response', from: 'app', to: 'b', summary: '' });
    trace.record({ kind: 'drop', packet: 'p3', type: 'request', from: 'b', to: 'app', summary: '', why: 'down' });
    trace.record({ kind: 'outcome', requestId: 'b#1', client: 'b', status: 200, result: 'ok', latencyMs: 1, why: '' });
    trace.record({ kind: 'outcome', requestId: 'b#2', client: 'b', status: 0, result: 'refused', latencyMs: 1, why: '' });
    expect(counter).toMatchObject({
      requests: 2,
      completed: 2,
      outcomes: { '200': 1, connection_refused: 1 },
      byPod: { app: 1, idle: 0 },
    });
  });

  it('names every client-side error, and counts pods it had not heard of by their names', () => {
    const trace = new Trace(() => 0);
    const counter = new SummaryCounter([], (id) => id.startsWith('pod:'));
    trace.subscribe((r) => counter.add(r));
    const outcome = (status: number, result: 'ok' | 'error' | 'refused' | 'reset' | 'timeout' | 'dns_failure') =>
      trace.record({ kind: 'outcome', requestId: 'b#1', client: 'b', status, result, latencyMs: 1, why: '' });
    outcome(0, 'dns_failure');
    outcome(0, 'reset');
    outcome(0, 'timeout');
    outcome(502, 'error');
    trace.record({ kind: 'deliver', packet: 'p1', type: 'request', from: 'node-1', to: 'pod:default/auth-5c-x2', summary: '' });
    trace.record({ kind: 'deliver', packet: 'p2', type: 'health', from: 'node-1', to: 'pod:default/auth-5c-x2', summary: '' });
    trace.record({ kind: 'deliver', packet: 'p3', type: 'request', from: 'browser', to: 'nlb-eu-west-1a', summary: '' });
    expect(counter.outcomes).toEqual({ dns_failure: 1, connection_reset: 1, timeout: 1, '502': 1 });
    expect(counter.byPod).toEqual({ 'auth-5c-x2': 1 });
  });
});
