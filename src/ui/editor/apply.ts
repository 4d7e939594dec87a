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
 * Manifests and the rest of the scenario, like `kubectl apply`: a text the
 * loader rejects changes nothing; one it accepts replaces the run, replayed
 * to the same virtual time.
 */
import { NGINX_RELOAD, RELOAD_REFUSED, type World } from '../../scenario';
import { formatVirtualTime } from '../format';
import type { RunSession } from '../instructor/session.svelte';
import { nginxProblems, type Problem } from './lint';
import { findNginxSources, replaceNginxSource, type NginxSource } from './nginx-source';
import { reloadCommand, reloadTargets } from './reload-targets';

export type Applied = { ok: true; said: string } | { ok: false; said: string; problems: Problem[] };

/** Lines of the scenario file that fall inside the edited block, as lines of the configuration. */
function confProblems(scenario: string, source: NginxSource, problems: readonly Problem[]): Problem[] {
  // The block's first content line is the line after its `|` header.
  const header = scenario.slice(0, source.start).split('\n').length;
  const last = header + source.text.split('\n').length;
  return problems.filter((p) => p.line > header && p.line <= last).map((p) => ({ line: p.line - header, message: p.message }));
}

/** Why the world refused the last reload given to it, if it did. */
function lastRefusal(world: World): string | undefined {
  const records = world.trace.records();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r?.kind === 'command' && r.command === NGINX_RELOAD) return r.why.startsWith(RELOAD_REFUSED) ? r.why : undefined;
  }
  return undefined;
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
    const refused = lastRefusal(session.world);
    if (refused !== undefined) return { ok: false, said: `${refused}.`, problems: refusalProblems(refused, source) };
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

/** Apply an edited scenario (manifests included), as `kubectl apply -f` would. */
export function applyScenarioText(session: RunSession, text: string): Applied {
  const result = session.applyScenario(text);
  if (!result.ok) {
    return {
      ok: false,
      said: `Not applied; the run goes on as it was:\n${result.messages.join('\n')}`,
      problems: result.errors.map((e) => ({ line: e.line, column: e.column, message: e.path === '' ? e.message : `${e.path}: ${e.message}` })),
    };
  }
  return { ok: true, said: 'Applied: the run was rebuilt from the edited scenario and replayed to the same time, with the same commands.' };
}
