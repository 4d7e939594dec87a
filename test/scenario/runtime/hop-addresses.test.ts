import { describe, expect, it } from 'vitest';
import type { PacketRecord, TraceRecord } from '../../../src/sim';
import { createWorld } from '../../../src/scenario';
import { lessonText, scenarioFrom } from '../fixtures';

/** The `send` records of one request's packets of one type, in order. */
function sends(records: TraceRecord[], requestId: string, type: string): PacketRecord[] {
  return records.filter((r): r is PacketRecord => r.kind === 'send' && r.requestId === requestId && r.type === type);
}

const ip = (address: string | undefined) => address?.slice(0, address.lastIndexOf(':'));

function run(text: string) {
  const world = createWorld(scenarioFrom(text, 'full-path.yaml'), { seed: 1, traceWindow: 1_000_000 });
  world.runUntil(12_000);
  return world.trace.records();
}

describe('addresses and headers on each hop of a request (full-path.yaml)', () => {
  const records = run(lessonText('full-path.yaml'));
  const requests = sends(records, 'browser#1', 'request');

  it('shows the client talking to the NLB, which keeps the client address on its way to the node', () => {
    const [toNlb, toNode] = requests;
    expect(toNlb).toMatchObject({ from: 'browser', src: expect.stringMatching(/^203\.0\.113\.7:\d+$/), dst: expect.stringMatching(/^52\.16\.\d+\.1:80$/) });
    expect(toNode).toMatchObject({ from: expect.stringMatching(/^nlb-/), to: expect.stringMatching(/^node-/), src: toNlb?.src, dst: expect.stringMatching(/^10\.0\.\d+\.\d+:3\d{4}$/) });
  });

  it('shows the node as the source on the hop into nginx (SNAT under externalTrafficPolicy Cluster)', () => {
    const toNode = requests[1];
    const toNginx = requests[2];
    expect(toNginx).toMatchObject({ to: expect.stringMatching(/^pod:default\/nginx-/), dst: expect.stringMatching(/^10\.244\.\d+\.\d+:80$/) });
    expect(ip(toNginx?.src)).toBe(ip(toNode?.dst));
  });

  it('carries the headers nginx sets on the hop into the backend: Host as the client asked, X-Real-IP the node it saw', () => {
    const toNode = requests[1];
    const toAuth = requests.at(-1);
    expect(toAuth).toMatchObject({ to: expect.stringMatching(/^pod:default\/auth-/), dst: expect.stringMatching(/^10\.244\.\d+\.\d+:8080$/) });
    expect(toAuth?.headers).toEqual({ Host: 'my-nlb-url.com', 'X-Real-IP': ip(toNode?.dst) });
    expect(requests[0]?.headers).toEqual({ Host: 'my-nlb-url.com' });
  });

  it('writes each response hop with the addresses of its request hop, swapped', () => {
    const responses = sends(records, 'browser#1', 'response');
    const pairs = requests.map((r) => `${r.dst} → ${r.src}`).reverse();
    expect(responses.map((r) => `${r.src} → ${r.dst}`)).toEqual(pairs);
    for (const r of responses) expect(r.headers).toBeUndefined();
  });

  it('keeps addresses and headers off health-check packets', () => {
    const health = records.filter((r): r is PacketRecord => r.kind === 'send' && r.type === 'health');
    expect(health.length).toBeGreaterThan(0);
    for (const r of health) expect([r.src, r.dst, r.headers]).toEqual([undefined, undefined, undefined]);
  });
});

describe('X-Forwarded-For when nginx sets it and the Service keeps the client address', () => {
  const text = lessonText('full-path.yaml')
    .replace('proxy_set_header X-Real-IP $remote_addr;', 'proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;')
    .replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n');

  it('shows the client address in X-Real-IP and X-Forwarded-For on the hop into the backend pod', () => {
    expect(text).toContain('externalTrafficPolicy: Local');
    expect(text).toContain('$proxy_add_x_forwarded_for');
    const records = run(text);
    const toAuth = sends(records, 'browser#1', 'request').at(-1);
    expect(toAuth?.to).toMatch(/^pod:default\/auth-/);
    expect(toAuth?.headers).toEqual({ Host: 'my-nlb-url.com', 'X-Real-IP': '203.0.113.7', 'X-Forwarded-For': '203.0.113.7' });
  });
});

describe('headers through a forward proxy and a reverse proxy (forward-proxy.yaml)', () => {
  const world = createWorld(scenarioFrom(lessonText('forward-proxy.yaml'), 'forward-proxy.yaml'), { seed: 1, traceWindow: 1_000_000 });
  world.runUntil(2_000);
  const requests = sends(world.trace.records(), 'bob#1', 'request');

  it('shows the office proxy as the source the site sees, with Via and the client in X-Forwarded-For', () => {
    const fromProxy = requests.find((r) => r.from === 'office-proxy');
    expect(fromProxy).toMatchObject({ src: expect.stringMatching(/^198\.51\.100\.77:\d+$/) });
    expect(fromProxy?.headers).toMatchObject({ 'X-Forwarded-For': '192.168.1.23', Via: expect.stringContaining('office-proxy') });
  });

  it('has nginx append the proxy to X-Forwarded-For on the hop into the app', () => {
    const toApp = requests.at(-1);
    expect(toApp?.to).toMatch(/^app-/);
    expect(toApp?.headers).toMatchObject({ 'X-Real-IP': '198.51.100.77', 'X-Forwarded-For': '192.168.1.23, 198.51.100.77' });
  });
});
