/**
 * Applying an edit to the running session.
 *
 * nginx.conf, like `nginx -s reload`: the new configuration is checked
 * first; one that fails the check is rejected with the error at its line and
 * the running configuration keeps serving. One that passes is given to the
 * running world as an `nginx-reload` command at the current virtual time
 * (so it is in the command list a link replays): every nginx reading that
 * configuration starts fresh workers with fresh upstream state from that
 * moment, and the world may still refuse it (an upstream name that does not
 * resolve). Only when nothing running reads the configuration is it written
 * into the scenario and the run rebuilt from t = 0.
 *
 * The scenario file, like `kubectl apply -f`: a text the loader rejects
 * changes nothing (each error at its line). In a world with a cluster, the
 * Kubernetes objects that changed are given to the running world as one
 * `kubectl-apply` command at the current virtual time (in the command list a
 * link replays), and kubectl's lines say what became of each object; the
 * world may still refuse the apply, which changes nothing. An edit to the
 * scenario's own settings (its first document) has no such command: the
 * run is rebuilt with them from t = 0 and replayed to the same time. A world
 * without a cluster is rebuilt from the whole edited file.
 */
import { APPLY_REFUSED, formatScenarioError, KUBECTL_APPLY, loadScenario, NGINX_RELOAD, RELOAD_REFUSED, type World } from '../../scenario';
import { formatVirtualTime } from '../format';
import type { RunSession } from '../instructor/session.svelte';
import { nginxProblems, problemsOf, type Problem } from './lint';
import { findNginxSources, replaceNginxSource, type NginxSource } from './nginx-source';
import { reloadCommand, reloadTargets } from './reload-targets';
import { draftLine, kubectlOutput, manifestEdit, runningScenario, withSettings, type ManifestEdit } from './manifest-edit';

export type Applied = { ok: true; said: string } | { ok: false; said: string; problems: Problem[] };

/** Lines of the scenario file that fall inside the edited block, as lines of the configuration. */
function confProblems(scenario: string, source: NginxSource, problems: readonly Problem[]): Problem[] {
  // The block's first content line is the line after its `|` header.
  const header = scenario.slice(0, source.start).split('\n').length;
  const last = header + source.text.split('\n').length;
  return problems.filter((p) => p.line > header && p.line <= last).map((p) => ({ line: p.line - header, message: p.message }));
}

/** The line of `source`'s file that a refusal names (`nginx: [emerg] … in /etc/nginx/FILE:LINE`), as an editor problem. */
function refusalProblems(why: string, source: NginxSource): Problem[] {
  const marker = ` in /etc/nginx/${source.file}:`;
  const at = why.indexOf(marker);
  const start = why.indexOf('nginx: [emerg]');
  const line = Number(/^\d+/.exec(why.slice(at + marker.length))?.[0] ?? NaN);
  if (at < 0 || start < 0 || start > at || !Number.isInteger(line)) return [];
  return [{ line, message: why.slice(start, at) }];
}

/** Reload nginx with `text` in place of `source`'s configuration. */
export function reloadNginx(session: RunSession, source: NginxSource, text: string): Applied {
  const problems = nginxProblems(source.file, text);
  if (problems.length > 0) {
    return { ok: false, said: `${problems[0]?.message ?? ''}\nnginx: configuration file /etc/nginx/nginx.conf test failed — reload refused, the running configuration keeps serving.`, problems };
  }
  const targets = session.accepted.has(NGINX_RELOAD) ? reloadTargets(session.scenario, source) : [];
  if (targets.length === 0) return rebuildWith(session, source, text);
  for (const target of targets) {
    if (!session.give(reloadCommand(target, source, text))) return { ok: false, said: `Reload not given: ${session.message}`, problems: [] };
    const refused = lastRefusalOf(session.world, NGINX_RELOAD, RELOAD_REFUSED);
    if (refused !== undefined) {
      session.noteRefused();
      return { ok: false, said: `${refused}.`, problems: refusalProblems(refused, source) };
    }
  }
  return {
    ok: true,
    said: `nginx: signal process started — ${targets.join(', ')} reloaded at ${formatVirtualTime(session.world.now)}: new workers with fresh upstream state take every new request; the old workers finish the requests they hold.`,
  };
}

/** No running nginx reads `source`: write the edit into the scenario and rebuild the run from it. */
function rebuildWith(session: RunSession, source: NginxSource, text: string): Applied {
  const current = findNginxSources(session.plan.scenario).find((s) => s.label === source.label) ?? source;
  const next = replaceNginxSource(session.plan.scenario, current, text);
  if (next === undefined) return { ok: false, said: 'This configuration could not be written back into the scenario file unchanged; nothing was applied.', problems: [] };
  const result = session.applyScenario(next);
  if (!result.ok) {
    const placed = findNginxSources(next).find((s) => s.label === source.label);
    const inBlock = placed === undefined ? [] : confProblems(next, placed, result.errors.map((e) => ({ line: e.line, message: e.message })));
    return { ok: false, said: `Reload refused, the running configuration keeps serving:\n${result.messages.join('\n')}`, problems: inBlock };
  }
  return { ok: true, said: 'nginx: signal process started — configuration reloaded: new workers with fresh upstream state (the run was replayed from t = 0 with it).' };
}

/** The refusal a `command` record of kind `kind` wrote last, if the last one was refused. */
function lastRefusalOf(world: World, kind: string, refused: string): string | undefined {
  const records = world.trace.records();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r?.kind === 'command' && r.command === kind) return r.why.startsWith(refused) ? r.why : undefined;
  }
  return undefined;
}

/** The editor lines a refused apply names (`STDIN:LINE:COLUMN: field: message` for each problem), as problems. */
function applyRefusalProblems(why: string, edit: ManifestEdit): Problem[] {
  const applied = edit.objects.filter((o) => o.change !== 'unchanged');
  return [...why.matchAll(/STDIN:(\d+):(\d+): ([^;]*)/g)].flatMap((m) => {
    const line = draftLine(edit, Number(m[1]));
    // "document 2" counts the documents of the apply, not of the editor: name the object instead.
    const message = (m[3] ?? '').replace(/^document (\d+)/, (whole, n: string) => applied[Number(n) - 1]?.name ?? whole);
    return line === undefined ? [] : [{ line, column: Number(m[2]), message }];
  });
}

/** What kubectl prints for an apply the world took: its own line per object it was given, and the objects left as they were. */
function appliedOutput(world: World, edit: ManifestEdit): string {
  const records = world.trace.records();
  let said: string | undefined;
  for (let i = records.length - 1; i >= 0 && said === undefined; i--) {
    const r = records[i];
    if (r?.kind === 'command' && r.command === KUBECTL_APPLY) said = /^kubectl apply -f -: (.*)$/.exec(r.why)?.[1] ?? '';
  }
  if (said === '' || said === undefined) return kubectlOutput(edit);
  // In the file's order, as kubectl prints them: the world's word for each object it was given.
  const results = said.split(', ');
  const lines = edit.objects.map((o) => results.find((r) => r.startsWith(`${o.name} `)) ?? `${o.name} ${o.change}`);
  return [...lines, ...results.filter((r) => !lines.includes(r))].join('\n');
}

const NOT_APPLIED = 'Not applied; the run goes on as it was:';

/** Apply an edited scenario (manifests included), as `kubectl apply -f` would. */
export function applyScenarioText(session: RunSession, text: string): Applied {
  const loaded = loadScenario(text, session.plan.file);
  if (!loaded.ok) return { ok: false, said: `${NOT_APPLIED}\n${loaded.errors.map((e) => formatScenarioError(e)).join('\n')}`, problems: problemsOf(loaded.errors) };
  if (!session.accepted.has(KUBECTL_APPLY)) return rebuildAll(session, text);
  const edit = manifestEdit(runningScenario(session.plan.scenario, session.plan.given), text);
  const changed = edit.objects.some((o) => o.change !== 'unchanged');
  const notes: string[] = [];
  if (edit.settingsChanged) {
    const rebuilt = session.applyScenario(withSettings(session.plan.scenario, edit.settings));
    if (!rebuilt.ok) {
      // The settings come first in both texts, so an error inside them is at the same line of the editor.
      const last = edit.settings.body.split('\n').length;
      const inSettings = problemsOf(rebuilt.errors.filter((e) => e.line <= last));
      return { ok: false, said: `${NOT_APPLIED}\n${rebuilt.messages.join('\n')}`, problems: inSettings };
    }
    notes.push('The scenario\'s settings changed: the run was rebuilt with them from t = 0 and replayed to the same time, with the same commands.');
  }
  if (changed) {
    if (!session.give({ kind: KUBECTL_APPLY, target: 'cluster', text: edit.applyText })) return { ok: false, said: `${NOT_APPLIED}\n${session.message}`, problems: [] };
    const refused = lastRefusalOf(session.world, KUBECTL_APPLY, APPLY_REFUSED);
    if (refused !== undefined) {
      session.noteRefused();
      return { ok: false, said: [...notes, NOT_APPLIED, refused].join('\n'), problems: applyRefusalProblems(refused, edit) };
    }
    notes.push(`Applied at ${formatVirtualTime(session.world.now)}: the objects changed from now on, as kubectl apply changes a running cluster.`);
  } else if (!edit.settingsChanged) {
    notes.push('Nothing to apply: every object is as it runs now.');
  }
  if (edit.leftOut.length > 0) notes.push(`Not in the file, still running (kubectl apply never deletes): ${edit.leftOut.join(', ')}.`);
  return { ok: true, said: [changed ? appliedOutput(session.world, edit) : kubectlOutput(edit), ...notes].filter((l) => l !== '').join('\n') };
}

/** A world with no cluster to apply to: rebuild the run from the whole edited file. */
function rebuildAll(session: RunSession, text: string): Applied {
  const result = session.applyScenario(text);
  if (!result.ok) {
    return {
      ok: false,
      said: `${NOT_APPLIED}\n${result.messages.join('\n')}`,
      problems: problemsOf(result.errors),
    };
  }
  return { ok: true, said: 'Applied: the run was rebuilt from the edited scenario and replayed to the same time, with the same commands.' };
}
