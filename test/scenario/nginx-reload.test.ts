import { describe, expect, it } from 'vitest';
import { toJsonLine, type CommandRecord, type LogRecord, type OutcomeRecord, type RequestRecord, type TraceRecord } from '../../src/sim';
import { createWorld, RELOAD_REFUSED, type AnyWorldCommand, type Scenario } from '../../src/scenario';
import { fullPath, lessonText, scenarioFrom } from './fixtures';

const outcomes = (records: TraceRecord[]) => records.filter((r): r is OutcomeRecord => r.kind === 'outcome');
const commands = (records: TraceRecord[]) => records.filter((r): r is CommandRecord => r.kind === 'command');

/** The t each request was issued at, by request id. */
function issuedAt(records: TraceRecord[]): Map<string, number> {
  return new Map(records.filter((r): r is RequestRecord => r.kind === 'request').map((r) => [r.requestId, r.t]));
}

const upstreamGroup = (): Scenario => scenarioFrom(lessonText('upstream-group.yaml'), 'upstream-group.yaml');

/** upstream-group.yaml's server block, sending `/` to `pass`. */
function lbConf(pass: string, directive = 'proxy_pass'): string {
  return `upstream backend {
    server 10.0.1.10:3000;
    server 10.0.1.11:3000;
    server 10.0.1.12:3000;
}
server {
    listen 80;
    server_name www.example.com;
    location / {
        ${directive} ${pass};
    }
}
`;
}

/** Run `scenario`, giving each command at its time, to `untilMs`. */
function run(scenario: Scenario, given: readonly { atMs: number; command: AnyWorldCommand }[], untilMs: number, seed = 1): TraceRecord[] {
  const world = createWorld(scenario, { seed, traceWindow: 1_000_000 });
  for (const g of given) {
    world.runUntil(g.atMs);
    world.inject(g.command);
  }
  world.runUntil(untilMs);
  return world.trace.records();
}

const RELOAD_AT = 5_000;
const toGroup: AnyWorldCommand = { kind: 'nginx-reload', target: 'lb', file: 'conf.d/default.conf', text: lbConf('http://backend') };

describe('nginx-reload on a machine', () => {
  it('sends every request issued after the reload through the new configuration, and none before', () => {
    const records = run(upstreamGroup(), [{ atMs: RELOAD_AT, command: toGroup }], 12_000);
    const at = issuedAt(records);
    const before = outcomes(records).filter((o) => (at.get(o.requestId) ?? 0) < RELOAD_AT);
    const after = outcomes(records).filter((o) => (at.get(o.requestId) ?? 0) >= RELOAD_AT);
    expect(before.length).toBeGreaterThan(5);
    expect(new Set(before.map((o) => o.servedBy))).toEqual(new Set(['app-1']));
    expect(new Set(after.map((o) => o.servedBy))).toEqual(new Set(['app-1', 'app-2', 'app-3']));
    expect(commands(records)).toEqual([expect.objectContaining({ t: RELOAD_AT, command: 'nginx-reload', target: 'lb', why: expect.stringContaining('fresh upstream state') })]);
  });

  it('refuses a configuration that fails the check, with its line, and keeps serving with the old upstream', () => {
    const broken: AnyWorldCommand = { kind: 'nginx-reload', target: 'lb', file: 'conf.d/default.conf', text: lbConf('http://backend', 'proxy_pas') };
    const records = run(upstreamGroup(), [{ atMs: RELOAD_AT, command: broken }], 12_000);
    const [command] = commands(records);
    expect(command?.why).toContain(RELOAD_REFUSED);
    expect(command?.why).toContain('nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:10');
    const errors = records.filter((r): r is LogRecord => r.kind === 'log' && r.component === 'lb' && r.stream === 'error.log');
    expect(errors.map((r) => [r.t, r.line])).toEqual([[RELOAD_AT, 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:10']]);
    const served = outcomes(records).filter((o) => o.t > RELOAD_AT);
    expect(served.length).toBeGreaterThan(5);
    expect(served.every((o) => o.status === 200 && o.servedBy === 'app-1')).toBe(true);
  });

  it('refuses an upstream name that does not resolve, as nginx does at start', () => {
    const records = run(upstreamGroup(), [{ atMs: RELOAD_AT, command: { ...toGroup, text: lbConf('http://nowhere.invalid') } }], 8_000);
    expect(commands(records)[0]?.why).toMatch(/reload refused.*host not found in upstream "nowhere.invalid"/);
    expect(outcomes(records).filter((o) => o.t > RELOAD_AT).every((o) => o.servedBy === 'app-1')).toBe(true);
  });

  it('lets a request the old workers hold finish on them', () => {
    // app-1 answers 2 s late from 4 s on: the request issued at 4.5 s is still at app-1 when nginx reloads.
    const slow: AnyWorldCommand = { kind: 'slow', target: 'app-1', byMs: 2_000 };
    const records = run(upstreamGroup(), [{ atMs: 4_000, command: slow }, { atMs: RELOAD_AT, command: toGroup }], 12_000);
    const at = issuedAt(records);
    const held = outcomes(records).find((o) => at.get(o.requestId) === 4_500);
    expect(held).toMatchObject({ status: 200, result: 'ok', servedBy: 'app-1' });
    expect(held?.t).toBeGreaterThan(RELOAD_AT);
  });

  it('throws on a target that runs no nginx', () => {
    const world = createWorld(upstreamGroup(), { seed: 1 });
    expect(() => world.inject({ ...toGroup, target: 'app-1' })).toThrow(/expected a machine that runs nginx/);
    expect(() => world.inject({ ...toGroup, target: 'nobody' })).toThrow(/expected the id of a machine that runs nginx/);
  });
});

describe('nginx-reload in Kubernetes nginx pods (full-path.yaml)', () => {
  const conf = lessonText('full-path.yaml').match(/default\.conf: \|\n([\s\S]*?)\n---/)?.[1]?.replace(/^ {4}/gm, '') ?? '';
  const teapot: AnyWorldCommand = { kind: 'nginx-reload', target: 'nginx', file: 'conf.d/default.conf', text: conf.replace('proxy_pass http://auth;', 'return 418;') };
  const at = 15_000;

  it('reloads every pod of the Deployment at that time, and the pods that replace them start with the edit', () => {
    expect(conf).toContain('proxy_pass http://auth;');
    const kill: AnyWorldCommand = { kind: 'kill', target: 'nginx/0' };
    const records = run(fullPath(), [{ atMs: at, command: teapot }, { atMs: 18_000, command: kill }], 36_000);
    const issued = issuedAt(records);
    const auth = outcomes(records).filter((o) => o.requestId.startsWith('browser#'));
    const before = auth.filter((o) => (issued.get(o.requestId) ?? 0) < at - 1_000);
    // browser asks /auth/login every second from 10 s on.
    const after = auth.filter((o) => (issued.get(o.requestId) ?? 0) > at);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((o) => o.status === 200)).toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 418 || o.status === 0)).toBe(true);
    // The replacement pod (created after the kill, so not among the pods reloaded) serves the edited configuration too.
    const reloaded = /reload nginx \((nginx-[\w-]+), (nginx-[\w-]+)\)/.exec(commands(records)[0]?.why ?? '');
    expect(reloaded).not.toBeNull();
    const late = after.filter((o) => o.t > 30_000 && o.status !== 0);
    const replacement = late.filter((o) => o.servedBy !== undefined && !reloaded?.slice(1).some((name) => o.servedBy === `pod:default/${name}`));
    expect(replacement.length).toBeGreaterThan(0);
    expect(late.every((o) => o.status === 418)).toBe(true);
  });
});

describe('nginx-reload and determinism', () => {
  const given = [
    { atMs: 3_000, command: toGroup },
    { atMs: 6_000, command: { ...toGroup, text: lbConf('http://backend', 'proxy_pas') } },
    { atMs: 9_000, command: { ...toGroup, text: lbConf('http://10.0.1.12:3000') } },
  ];

  it('gives the same trace, byte for byte, for the same commands at the same times', () => {
    const a = run(upstreamGroup(), given, 15_000, 7).map(toJsonLine).join('\n');
    const b = run(upstreamGroup(), given, 15_000, 7).map(toJsonLine).join('\n');
    expect(a).toBe(b);
    expect(a).toContain('app-3');
  });

  it('records each reload with its time, and replaying those commands at those times gives the same trace', () => {
    const first = run(upstreamGroup(), given, 15_000, 7);
    const reloads = commands(first).filter((c) => c.command === 'nginx-reload');
    const replayed = reloads.map((c, i) => ({ atMs: c.t, command: given[i]?.command ?? toGroup }));
    expect(replayed.map((g) => g.atMs)).toEqual([3_000, 6_000, 9_000]);
    expect(run(upstreamGroup(), replayed, 15_000, 7).map(toJsonLine)).toEqual(first.map(toJsonLine));
  });
});

describe('nginx-reload and the terminal', () => {
  it('shows the reloaded files to nginx -T in the pod', () => {
    const world = createWorld(fullPath(), { seed: 1 });
    world.runUntil(12_000);
    const pod = world.snapshot().components.find((c) => c.kind === 'pod' && c.label.startsWith('nginx-'));
    const before = world.terminal?.nginx?.(pod?.label ?? '')?.files()['/etc/nginx/conf.d/default.conf'] ?? '';
    expect(before).toContain('proxy_pass http://auth;');
    const text = before.replace('proxy_pass http://auth;', 'return 418;');
    world.inject({ kind: 'nginx-reload', target: 'nginx', file: 'conf.d/default.conf', text });
    expect(world.terminal?.nginx?.(pod?.label ?? '')?.files()['/etc/nginx/conf.d/default.conf']).toBe(text);
  });
});
