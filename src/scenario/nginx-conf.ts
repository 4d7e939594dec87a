/**
 * An nginx configuration written inside the scenario (a ConfigMap's data, or
 * a machine's `nginx.conf`), checked the way `nginx -t` checks it. The
 * parser reports a line within the configuration; this module adds where the
 * block scalar starts, so the error points at the line in the scenario file.
 *
 * At load time every upstream host name resolves to a placeholder: whether
 * `auth-service` exists is the cluster's business at run time (an nginx pod
 * whose upstream does not resolve fails to start, as it would for real).
 */
import { isScalar, type Node, type Scalar } from 'yaml';
import { parseNginxConfig, formatConfigError } from '../models/nginx/config';
import { debianNginxConf } from '../models/nginx/config/debian';
import type { NginxConfig } from '../models/nginx/model';
import type { Ctx, Pos } from './schema';
import { posOf, report } from './schema';

/** One configuration file and the YAML scalar that holds it. */
export interface ConfSource {
  /** Name relative to /etc/nginx (`nginx.conf`, `conf.d/default.conf`). */
  readonly key: string;
  readonly text: string;
  readonly node: Node | null;
  /** The field path, for messages. */
  readonly path: string;
}

/** Where a configuration line is in the scenario file. */
export function confLinePos(source: ConfSource, confLine: number, ctx: Ctx): Pos {
  const start = posOf(source.node, ctx);
  const node = source.node;
  const block = node !== null && isScalar(node) && ((node as Scalar).type === 'BLOCK_LITERAL' || (node as Scalar).type === 'BLOCK_FOLDED');
  // A block scalar's content starts on the line after its `|` indicator.
  const line = block ? start.line + confLine : start.line + confLine - 1;
  const text = ctx.source.split('\n')[line - 1] ?? '';
  const column = block ? text.length - text.trimStart().length + 1 : start.column;
  return { line, column };
}

export type CheckedNginx = { files: Record<string, string>; entry: string; config: NginxConfig };

/**
 * Check a set of files: `nginx.conf` when one is given, else the `conf.d/*.conf`
 * files read inside Debian's stock nginx.conf. Reports at most one error, as
 * `nginx -t` does.
 */
export function checkNginxSources(sources: readonly ConfSource[], ctx: Ctx, at: { node: Node | null; path: string }): CheckedNginx | undefined {
  const files: Record<string, string> = {};
  for (const s of sources) files[s.key] = s.text;
  let entry = 'nginx.conf';
  if (files['nginx.conf'] === undefined) {
    const fragments = sources.filter((s) => s.key.startsWith('conf.d/') && s.key.endsWith('.conf'));
    if (fragments.length === 0) {
      report(ctx, posOf(at.node, ctx), at.path, 'expected an nginx.conf, or a .conf file mounted in /etc/nginx/conf.d, got none');
      return undefined;
    }
    if (fragments.length === 1) entry = fragments[0]?.key ?? entry;
    else files['nginx.conf'] = debianNginxConf('/etc/nginx/conf.d/*.conf');
  }
  const parsed = parseNginxConfig(files, entry, { resolve: () => ['192.0.2.1'] });
  if (parsed.ok) return { files, entry, config: parsed.config };
  const error = parsed.error;
  const source = sources.find((s) => s.key === error.file);
  const message = `expected a configuration nginx -t accepts; nginx -t says: ${formatConfigError({ ...error, file: `/etc/nginx/${error.file.replace(/^\/etc\/nginx\//, '')}` })}`;
  if (source === undefined) report(ctx, posOf(at.node, ctx), at.path, message);
  else report(ctx, confLinePos(source, error.line, ctx), source.path, message);
  return undefined;
}
