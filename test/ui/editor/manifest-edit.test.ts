import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeApply, draftLine, kubectlOutput, manifestEdit, runningScenario, withSettings } from '../../../src/ui/editor/manifest-edit';
import { splitDocs } from '../../../src/ui/editor/documents';
import type { Given } from '../../../src/ui/instructor/plan';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');
/** The api Deployment's replicas (the second `replicas: 3` in the file: frontend, api, auth). */
const withApiReplicas = (n: number) => FULL.replace(/(name: api\nspec:\n {2}replicas: )3/, `$1${n}`);

describe('an edit of the scenario file, as kubectl apply sees it', () => {
  it('configures only the object that changed, and applies its document alone', () => {
    const draft = withApiReplicas(5);
    expect(draft).not.toBe(FULL);
    const edit = manifestEdit(FULL, draft);
    expect(edit.settingsChanged).toBe(false);
    expect(edit.objects.filter((o) => o.change !== 'unchanged').map((o) => `${o.name} ${o.change}`)).toEqual(['deployment.apps/api configured']);
    expect(kubectlOutput(edit)).toContain('service/api-service unchanged');
    expect(edit.applyText).toContain('replicas: 5');
    expect(splitDocs(edit.applyText)).toHaveLength(1);
    expect(edit.leftOut).toEqual([]);
  });

  it('says unchanged for a layout change that says the same thing', () => {
    const edit = manifestEdit(FULL, FULL.replace('selector: { app: api }', 'selector:\n    app: api'));
    expect(edit.objects.every((o) => o.change === 'unchanged')).toBe(true);
    expect(edit.applyText).toBe('');
  });

  it('tells a settings edit (a rebuild) from manifest edits', () => {
    const edit = manifestEdit(FULL, FULL.replace('ratePerSec: 49', 'ratePerSec: 20'));
    expect(edit.settingsChanged).toBe(true);
    expect(edit.applyText).toBe('');
    expect(withSettings(FULL, edit.settings)).toContain('ratePerSec: 20');
  });

  it('creates a new object and names the ones left out, which apply does not delete', () => {
    const extra = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n';
    const draft = `${FULL.replace(/---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n {2}name: static-files\n[\s\S]*?(?=---)/, '')}${extra}`;
    const edit = manifestEdit(FULL, draft);
    expect(edit.objects.at(-1)).toMatchObject({ name: 'configmap/extra', change: 'created' });
    expect(edit.leftOut).toEqual(['configmap/static-files']);
  });

  it('maps a line of the applied text back to the editor', () => {
    const draft = withApiReplicas(5).replace('name: auth\nspec:\n  replicas: 3', 'name: auth\nspec:\n  replicas: 4');
    const edit = manifestEdit(FULL, draft);
    const lines = draft.split('\n');
    const applied = edit.applyText.split('\n');
    for (const wanted of ['  replicas: 5', '  replicas: 4']) {
      const at = applied.indexOf(wanted) + 1;
      expect(lines[(draftLine(edit, at) ?? 0) - 1]).toBe(wanted);
    }
  });

  it('folds the applies given so far into the file the editor shows', () => {
    const applied = manifestEdit(FULL, withApiReplicas(5)).applyText;
    const given: Given[] = [{ atMs: 1_000, command: { kind: 'crash', target: 'x' } }, { atMs: 2_000, command: { kind: 'kubectl-apply', target: 'cluster', text: applied } }];
    expect(runningScenario(FULL, given)).toBe(withApiReplicas(5));
    expect(runningScenario(FULL, [])).toBe(FULL);
  });

  it('describes an apply by the objects it carries, not its text', () => {
    const text = manifestEdit(FULL, withApiReplicas(5).replace('name: auth\nspec:\n  replicas: 3', 'name: auth\nspec:\n  replicas: 4')).applyText;
    expect(describeApply({ kind: 'kubectl-apply', target: 'cluster', text })).toBe('kubectl apply -f (deployment.apps/api, deployment.apps/auth)');
    expect(describeApply({ kind: 'kubectl-apply', target: 'cluster', text, refused: 1 })).toBe('kubectl apply -f (deployment.apps/api, deployment.apps/auth), refused');
    expect(describeApply({ kind: 'crash', target: 'x' })).toBeUndefined();
  });
});
