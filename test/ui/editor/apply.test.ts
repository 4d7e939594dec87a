import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyScenarioText, reloadNginx } from '../../../src/ui/editor/apply';
import { findNginxSources } from '../../../src/ui/editor/nginx-source';
import { runningText } from '../../../src/ui/editor/reload-targets';
import { buildRun } from '../../../src/ui/instructor/build';
import { toJsonLine } from '../../../src/sim';
import { RunSession } from '../../../src/ui/instructor/session.svelte';
import { freshPlan } from '../../../src/ui/instructor/plan';
import { headless, helloPlan, helloText } from '../instructor/helpers';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

function open(plan = freshPlan('full-path.yaml', FULL, 1), atMs = 2_000) {
  const opened = RunSession.open(plan, { atMs }, headless());
  if (!opened.ok) throw new Error(opened.errors.join('\n'));
  return opened.session;
}

describe('applying edits', () => {
  it('refuses an nginx.conf that fails the check, with its line, and keeps the running one', () => {
    const session = open();
    const world = session.world;
    const [source] = findNginxSources(session.plan.scenario);
    const broken = source!.text.replace('proxy_pass http://api-backend;', 'proxy_pas http://api-backend;');
    const line = broken.split('\n').findIndex((l) => l.includes('proxy_pas ')) + 1;
    const applied = reloadNginx(session, source!, broken);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.problems).toEqual([{ line, message: `nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:${line}` }]);
    expect(applied.said).toContain('keeps serving');
    expect(session.world).toBe(world);
    expect(session.plan.scenario).toBe(FULL);
  });

  it('reloads a good nginx.conf in the running world at the current time: the command list holds it, the scenario text is unchanged', () => {
    const session = open();
    const world = session.world;
    const [source] = findNginxSources(session.plan.scenario);
    const fixed = source!.text.replace('location /api/ {', 'location /v2/ {');
    const applied = reloadNginx(session, source!, fixed);
    expect(applied).toEqual({ ok: true, said: expect.stringContaining('reloaded at') as string });
    expect(session.world).toBe(world);
    expect(session.world.now).toBe(2_000);
    expect(session.plan.scenario).toBe(FULL);
    expect(session.plan.given.map((g) => [g.atMs, g.command])).toEqual([[2_000, { kind: 'nginx-reload', target: 'default/nginx', file: 'conf.d/default.conf', text: fixed }]]);
    expect(runningText(session.scenario, session.plan.given, source!)).toBe(fixed);
    const reload = world.trace.records().find((r) => r.kind === 'command');
    expect(reload).toMatchObject({ t: 2_000, command: 'nginx-reload', target: 'default/nginx' });
  });

  it('makes the edit count from the moment it was applied, and a run rebuilt from the plan (as a link) gives the same trace', () => {
    const session = open(freshPlan('full-path.yaml', FULL, 1), 14_000);
    const [source] = findNginxSources(session.plan.scenario);
    const teapot = source!.text.replace('proxy_pass http://auth;', 'return 418;');
    expect(reloadNginx(session, source!, teapot).ok).toBe(true);
    session.world.runUntil(20_000);
    const records = session.world.trace.records();
    const browser = records.filter((r) => r.kind === 'outcome' && r.client === 'browser' && r.status !== 0);
    expect(browser.filter((r) => r.t < 14_000).map((r) => (r.kind === 'outcome' ? r.status : 0))).toContain(200);
    expect(browser.filter((r) => r.t > 15_000).every((r) => r.kind === 'outcome' && r.status === 418)).toBe(true);
    const rebuilt = buildRun(session.plan, { atMs: 20_000 }, headless());
    if (!rebuilt.ok) throw new Error(rebuilt.errors.join('\n'));
    expect(rebuilt.built.world.trace.records().map(toJsonLine)).toEqual(records.map(toJsonLine));
  });

  it('refuses a configuration the running nginx cannot load (an upstream name cluster DNS does not know), with its line', () => {
    const session = open();
    const [source] = findNginxSources(session.plan.scenario);
    const unknown = source!.text.replace('server auth-service:80;', 'server nowhere-service:80;');
    const applied = reloadNginx(session, source!, unknown);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.problems).toEqual([{ line: 1, message: 'nginx: [emerg] host not found in upstream "nowhere-service:80"' }]);
    expect(applied.said).toContain('keeps serving');
    expect(session.scenario.cluster?.nginx['default/nginx']?.files['conf.d/default.conf']).toBe(source!.text);
    // The refused reload stays in the command list (its refusal replays) but the editor shows what runs.
    expect(session.plan.given).toHaveLength(1);
    expect(runningText(session.scenario, session.plan.given, source!)).toBe(source!.text);
  });

  it('applies an edited scenario like kubectl apply, and refuses a broken one with its line and column', () => {
    const session = open(helloPlan());
    const bad = applyScenarioText(session, helloText().replace('every: 1s', 'every: often'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ line: helloText().split('\n').findIndex((l) => l.includes('every: 1s')) + 1 });
    const good = applyScenarioText(session, helloText().replace('every: 1s', 'every: 250ms'));
    expect(good.ok).toBe(true);
    expect(session.scenario.topology.clients[0]?.requests.arrival).not.toEqual(open(helloPlan()).scenario.topology.clients[0]?.requests.arrival);
  });
});
