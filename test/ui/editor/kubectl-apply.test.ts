import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../src/sim';
import { applyScenarioText } from '../../../src/ui/editor/apply';
import { runningScenario } from '../../../src/ui/editor/manifest-edit';
import { buildRun } from '../../../src/ui/instructor/build';
import { freshPlan } from '../../../src/ui/instructor/plan';
import { RunSession } from '../../../src/ui/instructor/session.svelte';
import { headless } from '../instructor/helpers';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');
const withApiReplicas = (text: string, n: number) => text.replace(/(name: api\nspec:\n {2}replicas: )\d+/, `$1${n}`);
const apiPods = (session: RunSession) => session.world.snapshot().components.filter((c) => c.kind === 'pod' && c.id.startsWith('pod:default/api-'));

function open(atMs: number): RunSession {
  const opened = RunSession.open(freshPlan('full-path.yaml', FULL, 1), { atMs }, headless());
  if (!opened.ok) throw new Error(opened.errors.join('\n'));
  return opened.session;
}

describe('applying the scenario file to a running cluster, as kubectl apply', () => {
  it('gives the changed Deployment to the running world at the present: new pods start, the clock stays', () => {
    const session = open(15_000);
    const world = session.world;
    expect(apiPods(session)).toHaveLength(3);
    const applied = applyScenarioText(session, withApiReplicas(FULL, 5));
    expect(applied).toEqual({ ok: true, said: expect.stringContaining('deployment.apps/api configured') as string });
    // One line per object, in the file's order, as kubectl prints them.
    const lines = applied.said.split('\n');
    expect(lines.indexOf('deployment.apps/frontend unchanged')).toBeLessThan(lines.indexOf('deployment.apps/api configured'));
    expect(lines.indexOf('deployment.apps/api configured')).toBeLessThan(lines.indexOf('service/api-service unchanged'));
    expect(session.world).toBe(world);
    expect(session.world.now).toBe(15_000);
    expect(session.plan.scenario).toBe(FULL);
    expect(session.plan.given.map((g) => [g.atMs, g.command.kind, g.command.target])).toEqual([[15_000, 'kubectl-apply', 'cluster']]);
    expect(session.plan.given[0]?.command['text']).toContain('replicas: 5');
    session.player.runTo(20_000);
    expect(apiPods(session)).toHaveLength(5);
    // The editor shows the file as the cluster runs it.
    expect(runningScenario(session.plan.scenario, session.plan.given)).toBe(withApiReplicas(FULL, 5));
  });

  it('rolls out a changed readiness probe: new pods with it replace the old ones', () => {
    const session = open(15_000);
    const before = apiPods(session).map((p) => p.id);
    const draft = FULL.replace(/(name: api\n[\s\S]*?readinessProbe:\n\s+httpGet: \{ path: \/health, port: 8080 \}\n\s+periodSeconds: )5/, '$12');
    expect(draft).not.toBe(FULL);
    expect(applyScenarioText(session, draft).said).toContain('deployment.apps/api configured');
    session.player.runTo(90_000);
    const after = apiPods(session).filter((p) => p.state === 'Running').map((p) => p.id);
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('replays: a run built from the plan (as a link) writes the same trace', () => {
    const session = open(15_000);
    expect(applyScenarioText(session, withApiReplicas(FULL, 4)).ok).toBe(true);
    session.player.runTo(22_000);
    const rebuilt = buildRun(session.plan, { atMs: 22_000 }, headless());
    if (!rebuilt.ok) throw new Error(rebuilt.errors.join('\n'));
    expect(rebuilt.built.world.trace.records().map(toJsonLine)).toEqual(session.world.trace.records().map(toJsonLine));
  });

  it('refuses an invalid manifest with its line, gives nothing, and the run goes on', () => {
    const session = open(15_000);
    const draft = withApiReplicas(FULL, 5).replace('replicas: 5', 'replicas: many');
    const line = draft.split('\n').indexOf('  replicas: many') + 1;
    const applied = applyScenarioText(session, draft);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.problems).toMatchObject([{ line }]);
    expect(applied.said).toMatch(/^Not applied; the run goes on as it was:\nfull-path\.yaml:\d+:\d+: /);
    expect(session.plan.given).toEqual([]);
  });

  it('shows a refusal by the running cluster at the line of the editor it names', () => {
    const session = open(15_000);
    // A Deployment's selector cannot change (kubectl: field is immutable); the loader alone cannot know that.
    const draft = FULL.replace('matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }', 'matchLabels: { app: api2 }\n  template:\n    metadata:\n      labels: { app: api2 }');
    expect(draft).not.toBe(FULL);
    const applied = applyScenarioText(session, draft);
    expect(applied.ok).toBe(false);
    expect(applied.said).toContain('apply refused');
    const line = draft.split('\n').indexOf('    matchLabels: { app: api2 }') + 1;
    if (!applied.ok) expect(applied.problems).toContainEqual({ line, column: 5, message: expect.stringMatching(/^deployment\.apps\/api\.spec\.selector: .*field is immutable/) as string });
    expect(apiPods(session)).toHaveLength(3);
    // The refused apply stays in the plan (its refusal is in the trace) but not in the file the editor shows.
    expect(session.plan.given.map((g) => g.command['refused'])).toEqual([1]);
    expect(runningScenario(session.plan.scenario, session.plan.given)).toBe(FULL);
    // So the same draft is refused again, not taken for what already runs.
    expect(applyScenarioText(session, draft).said).toContain('apply refused');
    const rebuilt = buildRun(session.plan, { atMs: session.world.now }, headless());
    if (!rebuilt.ok) throw new Error(rebuilt.errors.join('\n'));
    expect(rebuilt.built.world.trace.records().map(toJsonLine)).toEqual(session.world.trace.records().map(toJsonLine));
  });

  it('rebuilds from t = 0 for a change to the scenario\'s settings, keeping the applies given', () => {
    const session = open(15_000);
    expect(applyScenarioText(session, withApiReplicas(FULL, 4)).ok).toBe(true);
    const world = session.world;
    const applied = applyScenarioText(session, withApiReplicas(FULL, 4).replace('ratePerSec: 49', 'ratePerSec: 20'));
    expect(applied).toEqual({ ok: true, said: expect.stringContaining('rebuilt') as string });
    expect(session.world).not.toBe(world);
    expect(session.world.now).toBe(15_000);
    expect(session.plan.scenario).toContain('ratePerSec: 20');
    expect(session.plan.scenario).toContain('name: api\nspec:\n  replicas: 3');
    expect(session.plan.given.map((g) => g.command.kind)).toEqual(['kubectl-apply']);
  });

  it('says nothing changed when every object is as it runs', () => {
    const session = open(15_000);
    const applied = applyScenarioText(session, FULL);
    expect(applied).toEqual({ ok: true, said: expect.stringContaining('Nothing to apply') as string });
    expect(session.plan.given).toEqual([]);
  });
});
