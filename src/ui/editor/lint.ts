/**
 * Problems in a text being edited, each at its line: an nginx configuration
 * checked with the rules of `nginx -t` (the simulated nginx's own parser),
 * and a scenario checked by the scenario loader. The editor marks them;
 * nothing here knows the editor.
 */
import { formatConfigError, parseNginxConfig } from '../../models/nginx/config';
import { loadScenario, type ScenarioError } from '../../scenario';

export interface Problem {
  /** 1-based. */
  line: number;
  /** 1-based; the whole line when absent. */
  column?: number;
  message: string;
}

/** Any host name resolves while checking: whether `auth-service` exists is for the running cluster to say, as at load time. */
const CHECK_RESOLVE = { resolve: () => ['192.0.2.1'] };

/** What `nginx -t` says about this configuration (at most one problem, as nginx stops at the first). */
export function nginxProblems(file: string, text: string): Problem[] {
  const parsed = parseNginxConfig({ [file]: text }, file, CHECK_RESOLVE);
  if (parsed.ok) return [];
  const e = parsed.error;
  const shown = formatConfigError({ ...e, file: `/etc/nginx/${e.file.replace(/^\/etc\/nginx\//, '')}` });
  // An error in Debian's wrapper (not the file being edited) has no line of this file to point at.
  const line = e.file === file ? Math.max(1, e.line) : 1;
  return [{ line, message: shown }];
}

/** The scenario loader's errors as editor problems, each at its line and column. */
export function problemsOf(errors: readonly ScenarioError[]): Problem[] {
  return errors.map((e) => ({ line: e.line, column: e.column, message: e.path === '' ? e.message : `${e.path}: ${e.message}` }));
}

/** What the scenario loader says about this text, each error at its line and column. */
export function scenarioProblems(file: string, text: string): Problem[] {
  const loaded = loadScenario(text, file);
  return loaded.ok ? [] : problemsOf(loaded.errors);
}
