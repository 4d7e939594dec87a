import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './capture';

const HELLO = 'lessons/scenarios/hello.yaml';
const dir = mkdtempSync(join(tmpdir(), 'trafficlab-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => cli('run', ...args);

describe('trafficlab run', () => {
  it('prints one JSON object with the summary fields', async () => {
    const { code, out, err } = await run(HELLO, '--json', '--until', '10s');
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(out);
    expect(Object.keys(summary)).toEqual([
      'scenario', 'seed', 'untilMs', 'requests', 'completed', 'outcomes', 'byPod', 'events', 'virtualMs', 'wallMs',
    ]);
    expect(summary).toMatchObject({
      scenario: 'One client, one server',
      seed: 1,
      untilMs: 10_000,
      virtualMs: 10_000,
      requests: 11,
      completed: 10,
      outcomes: { '200': 10 },
      byPod: { app: 10 },
    });
    expect(summary.events).toBeGreaterThan(30);
    expect(summary.wallMs).toBeGreaterThanOrEqual(0);
  });

  it('runs the full path and counts requests per pod, nginx and backends alike', async () => {
    const { code, out, err } = await run('lessons/scenarios/full-path.yaml', '--json', '--until', '30s');
    expect([code, err]).toEqual([0, '']);
    const summary = JSON.parse(out);
    expect(summary.requests).toBeGreaterThan(900);
    expect(summary.outcomes['200']).toBe(summary.completed);
    const pods = Object.keys(summary.byPod);
    for (const app of ['nginx', 'frontend', 'api', 'auth']) {
      expect(pods.filter((p) => p.startsWith(`${app}-`)).length, app).toBe(app === 'nginx' ? 2 : 3);
    }
    const sum = (prefix: string) => pods.filter((p) => p.startsWith(prefix)).reduce((n, p) => n + summary.byPod[p], 0);
    // Every request reaches an nginx pod (health checks are not requests); /static/ is served by nginx itself.
    expect(sum('nginx-')).toBeGreaterThan(sum('frontend-'));
  });

  it('runs 60 s of virtual time by default and prints a summary for people', async () => {
    const { code, out } = await run(HELLO);
    expect(code).toBe(0);
    expect(out).toMatch(/^scenario +One client, one server \(lessons\/scenarios\/hello\.yaml\)$/m);
    expect(out).toMatch(/^virtual time +60 s$/m);
    expect(out).toMatch(/^requests +61 issued, 60 completed$/m);
    expect(out).toMatch(/^outcomes +200: 60$/m);
    expect(out).toMatch(/^per backend +app: 60$/m);
  });

  it('lets --seed override the scenario seed, changing latencies but not counts', async () => {
    const traceOf = async (seed: string) => {
      const file = join(dir, `seed-${seed}.jsonl`);
      const { out } = await run(HELLO, '--json', '--until=5s', `--seed=${seed}`, '--trace', file);
      return { summary: JSON.parse(out), trace: readFileSync(file, 'utf8') };
    };
    const one = await traceOf('1');
    const seven = await traceOf('7');
    expect(seven.summary.seed).toBe(7);
    expect(seven.summary.completed).toBe(one.summary.completed);
    expect(seven.trace).not.toBe(one.trace);
    expect((await traceOf('7')).trace).toBe(seven.trace);
  });

  it('writes every trace record as a JSON line with --trace', async () => {
    const file = join(dir, 'trace.jsonl');
    const { code } = await run(HELLO, '--until', '3s', '--trace', file);
    expect(code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i));
    expect(records[0]).toMatchObject({ kind: 'state', component: 'browser', to: 'active' });
    expect(records.filter((r) => r.kind === 'outcome')).toHaveLength(3);
  });

  it('prints each scenario error as file:line:column: path: message and exits 1', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(HELLO, 'utf8').replace('port: 80', 'port: eighty').replace('target: app', 'taget: app'));
    const { code, out, err } = await run(file, '--json');
    expect([code, out]).toEqual([1, '']);
    expect(err.trimEnd().split('\n')).toEqual([
      `${file}:9:7: topology.clients[0].target: missing; expected an id of lowercase letters, digits and "-" (like a Kubernetes name)`,
      `${file}:11:7: topology.clients[0].taget: unknown key; expected one of id, label, address, target, requests (did you mean target?)`,
      `${file}:16:13: topology.servers[0].port: expected a port number 1–65535, got "eighty"`,
    ]);
  });

  it('says which file it cannot read and exits 1', async () => {
    const { code, err } = await run(join(dir, 'missing.yaml'));
    expect(code).toBe(1);
    expect(err).toMatch(/^trafficlab run: cannot read .*missing\.yaml: ENOENT/);
  });

  it.each([
    [['--until', '10s'], 'missing SCENARIO.yaml'],
    [[HELLO, '--frobnicate'], 'unknown option --frobnicate'],
    [[HELLO, '--seed', '-1'], '--seed expects a whole number ≥ 0, got "-1"'],
    [[HELLO, '--seed', 'abc'], '--seed expects a whole number ≥ 0, got "abc"'],
    [[HELLO, '--until', 'soon'], '--until expects a duration such as 500ms, 30s, 10m, 1h, or a number of milliseconds, got "soon"'],
    [[HELLO, '--trace'], '--trace needs a value'],
    [[HELLO, HELLO], 'expected one scenario file, got 2'],
  ])('rejects bad arguments %j with a usage message and exit 2', async (args, message) => {
    const { code, out, err } = await run(...args);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain(`trafficlab run: ${message}\n`);
    expect(err).toContain('usage: trafficlab run SCENARIO.yaml');
  });

  it('shows help, naming the client-side errors outcomes are counted under, and exits 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('by client-side\n                      error: dns_failure, connection_refused, connection_reset, timeout');
  });
});
