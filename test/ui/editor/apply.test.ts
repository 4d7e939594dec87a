import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyScenarioText, reloadNginx } from '../../../src/ui/editor/apply';
import { findNginxSources } from '../../../src/ui/editor/nginx-source';
import { RunSession } from '../../../src/ui/instructor/session.svelte';
import { freshPlan } from '../../../src/ui/instructor/plan';
import { headless, helloPlan, helloText } from '../instructor/helpers';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

function open(plan = freshPlan('full-path.yaml', FULL, 1)) {
  const opened = RunSession.open(plan, { atMs: 2_000 }, headless());
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

  it('reloads a good nginx.conf: the scenario holds it and the run is at the same time', () => {
    const session = open();
    const [source] = findNginxSources(session.plan.scenario);
    const fixed = source!.text.replace('location /api/ {', 'location /v2/ {');
    const applied = reloadNginx(session, source!, fixed);
    expect(applied).toEqual({ ok: true, said: expect.stringContaining('reloaded') as string });
    expect(findNginxSources(session.plan.scenario)[0]?.text).toBe(fixed);
    expect(session.world.now).toBe(2_000);
    expect(session.scenario.cluster?.nginx['default/nginx']?.files['conf.d/default.conf']).toBe(fixed);
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
