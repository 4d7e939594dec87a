/**
 * Network faults through whole worlds: Route 53 edits seen through caches,
 * NLB health-check changes, and cut links.
 */
import { describe, expect, it } from 'vitest';
import type { CommandRecord, DecisionRecord, OutcomeRecord, StateRecord, TraceRecord } from '../../../src/sim';
import { createWorld, loadScenario, type World, type WorldCommand } from '../../../src/scenario';
import { fullPath, scenarioFrom } from '../fixtures';

/** A load generator (no host cache) resolving www through a recursive resolver; two web servers. */
const text = (extra = '', responseMs = '{ min: 5, max: 10 }') => `name: DNS edits
seed: 1
dns:
  resolvers: [ { id: resolver, address: 192.0.2.53 } ]
  zones:
    - zone: example.com
      records: [ { name: www.example.com, a: 123.123.123.123, ttl: 60 } ]
machines:
  - { id: app, address: 123.123.123.123, port: 80, app: { responseMs: ${responseMs} } }
  - { id: app2, address: 123.123.123.124, port: 80, app: { responseMs: ${responseMs} } }
traffic:
  - { id: load, kind: load, address: 198.51.100.100, url: http://www.example.com/, every: 1s }
${extra}`;

const world = (source: string): World => createWorld(scenarioFrom(source), { seed: 1, traceWindow: 200_000 });
const commands = (records: TraceRecord[]) => records.filter((r): r is CommandRecord => r.kind === 'command');
const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
/** Times the resolver went to the authoritative servers for a client (not a cache hit). */
const resolvedAt = (records: TraceRecord[]) =>
  records.filter((r): r is DecisionRecord => r.kind === 'decision' && r.component === 'resolver' && r.decision === 'resolved').map((r) => r.t);
const servedBy = (records: TraceRecord[], server: string) =>
  records.filter((r) => r.kind === 'deliver' && r.type === 'request' && r.to === server).map((r) => r.t);

describe('dns-ttl', () => {
  // behaviour.md §5: the resolver caches every RRset for its TTL and serves it with the TTL counting
  // down (RFC 1035 §3.2.1); a new TTL at Route 53 reaches it only when it asks again.
  it('reaches the resolver only once its cached copy (old TTL) has expired', () => {
    const w = world(text());
    w.runUntil(10_000);
    w.inject({ kind: 'dns-ttl', target: 'www.example.com', ttlS: 5 });
    w.runUntil(90_000);
    const records = w.trace.records();
    expect(commands(records).at(-1)?.why).toContain('TTL 60 → 5 s');
    const times = resolvedAt(records);
    const first = times[0] ?? 0;
    expect(first).toBeLessThan(1_000);
    // Nothing new from Route 53 while the 60 s copy lasts, though the TTL changed at 10 s…
    expect(times.filter((t) => t > first && t < first + 60_000)).toEqual([]);
    // …then the resolver asks again, gets TTL 5, and asks every 5–6 s.
    const after = times.filter((t) => t >= first + 60_000);
    expect(after[0]).toBeLessThan(first + 62_000);
    expect(after.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < after.length; i++) expect((after[i] ?? 0) - (after[i - 1] ?? 0)).toBeLessThanOrEqual(6_000);
  });

  it('is refused, with the reason in the trace, on a Route 53 alias (its TTL is the NLB\'s 60 s)', () => {
    const w = createWorld(fullPath(), { seed: 1 });
    w.runUntil(5_000);
    w.inject({ kind: 'dns-ttl', target: 'my-nlb-url.com', ttlS: 5 });
    const record = commands(w.trace.records()).at(-1);
    expect(record).toMatchObject({ command: 'dns-ttl', target: 'my-nlb-url.com' });
    expect(record?.why).toMatch(/^refused: .*alias TTL cannot be set/);
  });

  it('throws on a name no hosted zone holds', () => {
    const w = world(text());
    expect(() => w.inject({ kind: 'dns-ttl', target: 'www.example.org', ttlS: 5 })).not.toThrow();
    expect(commands(w.trace.records()).at(-1)?.why).toMatch(/^refused: expected a name in a hosted zone/);
    expect(() => w.inject({ kind: 'dns-ttl', target: 'www.example.com' } as WorldCommand)).toThrow(/expected ttlS/);
  });
});

describe('dns-record', () => {
  it('moves traffic to the new address only after the cached answer expires', () => {
    const w = world(text());
    w.runUntil(10_000);
    w.inject({ kind: 'dns-record', target: 'www.example.com', value: '123.123.123.124' });
    w.runUntil(90_000);
    const records = w.trace.records();
    const old = servedBy(records, 'app');
    const fresh = servedBy(records, 'app2');
    expect(old.filter((t) => t > 10_000).length).toBeGreaterThan(40);
    expect(Math.max(...old)).toBeLessThan(62_000);
    expect(Math.min(...fresh)).toBeGreaterThan(60_000);
    expect(outcomes(records).every((o) => o.status === 200)).toBe(true);
  });

  it('reaches a browser only when its own cached copy expires too', () => {
    // The browser keeps the answer in its host cache for the TTL the resolver gave it.
    const w = world(text().replace('{ id: load, kind: load, address: 198.51.100.100', '{ id: browser, kind: browser, address: 203.0.113.7'));
    w.runUntil(10_000);
    w.inject({ kind: 'dns-record', target: 'www.example.com', value: '123.123.123.124' });
    w.runUntil(130_000);
    const records = w.trace.records();
    const old = servedBy(records, 'app');
    const fresh = servedBy(records, 'app2');
    // Its copy came at 0.08 s with TTL 60: the old server until 60 s, the new one from then on.
    expect(Math.max(...old)).toBeGreaterThan(59_000);
    expect(Math.max(...old)).toBeLessThan(Math.min(...fresh));
    expect(Math.min(...fresh)).toBeLessThan(62_000);
  });

  it('refuses data that is neither addresses, an alias nor a host name', () => {
    const w = world(text());
    w.inject({ kind: 'dns-record', target: 'www.example.com', value: 'not a name!' });
    expect(commands(w.trace.records()).at(-1)?.why).toMatch(/^refused: expected IPv4 addresses/);
  });

  it('is scheduled from the scenario\'s faults list with its value', () => {
    const w = world(text('faults:\n  - { at: 5s, dns-record: www.example.com, value: 123.123.123.124 }'));
    w.runUntil(6_000);
    expect(commands(w.trace.records()).at(-1)?.why).toContain('now A 123.123.123.124');
  });
});

describe('nlb-health-check', () => {
  const checksOf = (records: TraceRecord[], target: string) =>
    records.filter((r) => (r.kind === 'decision' || r.kind === 'state') && r.component.endsWith(target)).map((r) => r.t);

  it('changes the interval from each target\'s next check on', () => {
    const w = createWorld(fullPath(), { seed: 1, traceWindow: 500_000 });
    w.runUntil(5_000);
    w.inject({ kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 10 });
    w.runUntil(80_000);
    const records = w.trace.records();
    expect(commands(records).at(-1)?.why).toContain('interval 30 → 10 s');
    const node = records.find((r): r is StateRecord => r.kind === 'state' && r.component.includes('/tg-') && r.to === 'initial');
    const target = node?.component.split('/').slice(-1)[0] ?? '';
    // Legacy controller: the first round is 30 s after registration (t = 0), then every 10 s.
    const rounds = [...new Set(checksOf(records, target).filter((t) => t > 1).map((t) => Math.floor(t / 1000)))];
    expect(rounds.slice(0, 4)).toEqual([30, 40, 50, 60]);
  });

  it('refuses settings out of AWS\'s range, with the reason, and changes nothing', () => {
    const w = createWorld(fullPath(), { seed: 1 });
    w.runUntil(5_000);
    w.inject({ kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 4 });
    w.inject({ kind: 'nlb-health-check', target: 'nginx-loadbalancer', healthyThreshold: 11 });
    w.inject({ kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 30, timeoutS: 40 });
    const whys = commands(w.trace.records()).map((c) => c.why);
    expect(whys).toEqual([
      expect.stringMatching(/^refused: interval: expected an integer from 5 to 300 seconds, got 4/),
      expect.stringMatching(/^refused: healthy threshold: expected an integer from 2 to 10 checks, got 11/),
      expect.stringMatching(/^refused: timeout: expected a timeout of at most the interval/),
    ]);
    expect(() => w.inject({ kind: 'nlb-health-check', target: 'frontend-service', intervalS: 10 })).toThrow(/expected a LoadBalancer Service with an NLB/);
  });
});

describe('cut-link', () => {
  const drops = (records: TraceRecord[], from: string, to: string) =>
    records.filter((r) => r.kind === 'drop' && r.from === from && r.to === to && (r.why ?? '').includes('cut'));

  it('loses packets both ways, in flight too, and restore-link brings traffic back', () => {
    // Responses take 400 ms: a cut at 5.2 s catches the 5 s request's response at the server.
    const w = world(text('', '{ min: 400, max: 400 }'));
    w.runUntil(5_200);
    w.inject({ kind: 'cut-link', target: 'load|app' });
    w.runUntil(20_000);
    w.inject({ kind: 'restore-link', target: 'app|load' });
    w.runUntil(40_000);
    const records = w.trace.records();
    expect(drops(records, 'load', 'app').length).toBeGreaterThan(0);
    expect(drops(records, 'app', 'load').length).toBeGreaterThan(0);
    const during = outcomes(records).filter((o) => o.t > 5_200 && o.t < 20_000);
    expect(during.some((o) => o.status !== 200)).toBe(true);
    const later = outcomes(records).filter((o) => o.t > 30_000);
    expect(later.length).toBeGreaterThan(5);
    expect(later.every((o) => o.status === 200)).toBe(true);
    expect(commands(records).map((c) => c.command)).toEqual(['cut-link', 'restore-link']);
  });

  it('drops a packet already on the link when it lands', () => {
    const first = world(text());
    first.runUntil(3_000);
    const sent = first.trace.records().find((r) => r.kind === 'send' && r.from === 'load' && r.to === 'app' && r.t > 2_000);
    const landed = first.trace.records().find((r) => r.kind === 'deliver' && sent?.kind === 'send' && r.packet === sent.packet);
    if (sent === undefined || landed === undefined) throw new Error('no packet from load to app');
    expect(landed.t).toBeGreaterThan(sent.t);
    // The same run, with the link cut while that packet is on it.
    const w = world(text());
    w.runUntil((sent.t + landed.t) / 2);
    w.inject({ kind: 'cut-link', target: 'load|app' });
    w.runUntil(3_000);
    const fate = w.trace.records().filter((r) => 'packet' in r && sent.kind === 'send' && r.packet === sent.packet);
    expect(fate.map((r) => [r.kind, r.t])).toEqual([
      ['send', sent.t],
      ['drop', landed.t],
    ]);
  });

  it('undoes itself after for', () => {
    const w = world(text());
    w.runUntil(2_000);
    w.inject({ kind: 'cut-link', target: 'load|app', forMs: 3_000 });
    w.runUntil(10_000);
    const restore = commands(w.trace.records()).find((c) => c.command === 'restore-link');
    expect(restore?.t).toBe(5_000);
  });

  it('names two existing components', () => {
    const w = world(text());
    expect(() => w.inject({ kind: 'cut-link', target: 'load' })).toThrow(/from\|to/);
    expect(() => w.inject({ kind: 'cut-link', target: 'load|nowhere' })).toThrow(/expected a component id, got "nowhere"/);
  });
});

describe('network faults in the scenario format', () => {
  const errors = (extra: string) => {
    const r = loadScenario(text(extra), 'test.yaml');
    return r.ok ? [] : r.errors.map((e) => e.message);
  };

  it('reads ttl, value, interval and thresholds on their own kinds', () => {
    const s = scenarioFrom(
      text(`faults:
  - { at: 5s, dns-ttl: www.example.com, ttl: 5 }
  - { at: 6s, dns-record: www.example.com, value: "123.123.123.124,123.123.123.123" }
  - { at: 7s, cut-link: load|app, for: 2s }`),
    );
    expect(s.faults).toEqual([
      { atMs: 5_000, kind: 'dns-ttl', target: 'www.example.com', ttlS: 5 },
      { atMs: 6_000, kind: 'dns-record', target: 'www.example.com', value: '123.123.123.124,123.123.123.123' },
      { atMs: 7_000, kind: 'cut-link', target: 'load|app', forMs: 2_000 },
    ]);
  });

  it('reads health-check settings in whole seconds and counts', () => {
    const s = scenarioFrom(
      text(`faults:
  - { at: 5s, nlb-health-check: web, interval: 1m, timeout: 5s, healthy-threshold: 2, unhealthy-threshold: 4 }`).replace('machines:', `cluster:
  nodes: [ { name: node-1, ip: 10.0.1.10, az: eu-west-1a } ]
machines:`) +
        `
---
apiVersion: v1
kind: Service
metadata: { name: web, annotations: { service.beta.kubernetes.io/aws-load-balancer-type: nlb } }
spec: { type: LoadBalancer, selector: { app: web }, ports: [ { port: 80 } ] }
`,
    );
    expect(s.faults).toEqual([{ atMs: 5_000, kind: 'nlb-health-check', target: 'web', intervalS: 60, timeoutS: 5, healthyThreshold: 2, unhealthyThreshold: 4 }]);
    expect(errors('faults:\n  - { at: 5s, nlb-health-check: web, interval: 1500ms }').join('\n')).toContain('a duration in whole seconds');
  });

  it('says which key belongs to which kind, and what is missing', () => {
    expect(errors('faults:\n  - { at: 5s, dns-record: www.example.com, ttl: 5 }').join('\n')).toContain('expected ttl only on dns-ttl, got it on dns-record');
    expect(errors('faults:\n  - { at: 5s, dns-ttl: www.example.com }').join('\n')).toContain('dns-ttl needs ttl');
    expect(errors('faults:\n  - { at: 5s, dns-ttl: nope.example.com, ttl: 5 }').join('\n')).toContain('expected a record name');
    expect(errors('faults:\n  - { at: 5s, restore-link: load|app, for: 5s }').join('\n')).toContain('expected no for on restore-link');
  });
});
