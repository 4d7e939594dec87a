/**
 * Stands in for the nginx configuration parser (models/nginx/config) in the
 * embed build, where nginx's start (runtime/nginx-process.ts) and the
 * terminal's `nginx -t` (terminal/adapters/nginx.ts) import it (see
 * vite.embed.config.ts, `deferredModules`). The parser with its 533-directive
 * table is a fifth of what a Kubernetes lesson step downloads, and a bundled
 * lesson's configurations never change: the build parses each one already
 * (src/embed/build/nginx-templates.ts) and ships the result as a template,
 * the upstream host names still to resolve. nginx starting on such files
 * resolves those names, in the order and number the parser would, and gets
 * the parser's result: the configuration, or the error the parser gives when
 * that name does not resolve. Other files (a scenario given as YAML, the
 * terminal) need the real parser, loaded first by `loadNginxParser()`.
 */
import type { ConfigError, NginxConfig } from '../../models/nginx/model';
import type { ParseOptions, ParseResult } from '../../models/nginx/config';

export { formatConfigError } from '../../models/nginx/config/errors';

/**
 * A configuration parsed at build time. `config` is the parser's result
 * when the k-th call to `resolve` (in `calls`) answers the placeholder
 * address `placeholderIp(k)`; `failures[k]` is its error when the k-th call
 * finds nothing (the calls before it having answered).
 */
export interface NginxTemplate {
  readonly files: Readonly<Record<string, string>>;
  readonly entry: string;
  readonly calls: readonly string[];
  readonly config: NginxConfig;
  readonly failures: readonly ConfigError[];
}

type ConfigModule = typeof import('./nginx-parser');

let parser: ConfigModule | undefined;
const templates = new Map<string, NginxTemplate>();

/** The placeholder the k-th resolution answers in a template: 240.0.0.0/4 is reserved, and the build checks nothing else uses it. */
export function placeholderIp(k: number): string {
  return `240.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
}
const PLACEHOLDER = /^240\.(\d+)\.(\d+)\.(\d+):(\d+)$/;

/** Files and entry as one lookup key (file order does not matter to the parser). */
function keyOf(files: Readonly<Record<string, string>>, entry: string): string {
  return JSON.stringify([entry, Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/** A lesson chunk hands over its configurations, parsed at build time. */
export function registerNginxTemplates(list: readonly NginxTemplate[]): void {
  for (const t of list) templates.set(keyOf(t.files, t.entry), t);
}

/** Whether nginx can start on these files without the parser. */
export function hasNginxTemplate(files: Readonly<Record<string, string>>, entry: string): boolean {
  return templates.has(keyOf(files, entry));
}

/** Load the real parser; after it settles, any configuration parses as everywhere else. */
export async function loadNginxParser(): Promise<void> {
  parser ??= await import('./nginx-parser');
}

/** The parser's result for files parsed at build time, or for any once the parser is loaded. */
export function parseNginxConfig(files: Record<string, string>, entry: string, opts: ParseOptions): ParseResult {
  if (parser !== undefined) return parser.parseNginxConfig(files, entry, opts);
  const template = templates.get(keyOf(files, entry));
  if (template === undefined) throw new Error('the nginx configuration parser is not loaded in this embed: call loadNginxParser() first');
  return fromTemplate(template, opts.resolve);
}

/** `nginx -t`'s test for a full nginx.conf (the terminal's, which loads the parser first). */
export function isFullConfig(text: string): boolean {
  if (parser === undefined) throw new Error('the nginx configuration parser is not loaded in this embed: call loadNginxParser() first');
  return parser.isFullConfig(text);
}

/** Resolve a template's names as the parser would, and fill them in (or fail as it would). */
export function fromTemplate(template: NginxTemplate, resolve: ParseOptions['resolve']): ParseResult {
  const answers: string[][] = [];
  for (const [k, host] of template.calls.entries()) {
    const ips = resolve(host);
    if (ips === undefined || ips.length === 0) {
      const error = template.failures[k];
      if (error === undefined) throw new Error(`nginx template: no error for resolution ${k}`);
      return { ok: false, error: { ...error } };
    }
    // IPv4 first, then IPv6, as the parser orders them (models/nginx/config/url.ts; the build checks both agree).
    answers.push([...ips.filter((ip) => !ip.includes(':')), ...ips.filter((ip) => ip.includes(':'))]);
  }
  return { ok: true, config: fill(template.config, answers) as NginxConfig };
}

/** A fresh copy of `value` (plain data), each placeholder address in an array replaced by the addresses it stands for. */
function fill(value: unknown, answers: readonly string[][]): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((v: unknown) => {
      const m = typeof v === 'string' ? PLACEHOLDER.exec(v) : null;
      if (m === null) return [fill(v, answers)];
      const k = (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]);
      // `ip:port`, IPv6 bracketed, as the parser writes peers.
      return (answers[k] ?? []).map((ip) => (ip.includes(':') ? `[${ip}]:${m[4]}` : `${ip}:${m[4]}`));
    });
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fill(v, answers);
    return out;
  }
  return value;
}
