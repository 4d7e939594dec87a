/**
 * The nginx configuration parser: reads a configuration the way nginx 1.22
 * does and either returns the typed model or the first error, worded and
 * placed as `nginx -t` reports it.
 *
 * A full nginx.conf (with `events {}` and `http {}`) is read as is. Anything
 * else is taken for a conf.d-style fragment and read inside `http {}` of
 * Debian's default nginx.conf, as `include /etc/nginx/conf.d/*.conf` would.
 */
import type { ConfigError, NginxConfig, SourcePos } from '../model';
import { buildConfig } from './build';
import { blockHandlers } from './blocks';
import { coreHandlers } from './core';
import { debianNginxConf, DEBIAN_NGINX_CONF } from './debian';
import { CTX, isMainOnly } from './directives';
import { ConfFail, failUnplaced } from './errors';
import { FileSet, FRAGMENT_PATH } from './files';
import { ConfLexer } from './lexer';
import { locationHandlers } from './location';
import { logHandlers } from './log';
import { Parser, type Handler } from './parser';
import { proxyHandlers } from './proxy';
import { rewriteHandlers } from './rewrite';
import { httpServerBlock, serverHandlers } from './server';
import { SIMULATED } from './simulated';
import { checkValue } from './slots';
import { upstreamHandlers, zonesOf } from './upstream';

export { formatConfigError } from './errors';

export interface ParseOptions {
  /** Host name → IPs (undefined when the name does not resolve). Never called for IP literals. */
  resolve: (host: string) => string[] | undefined;
}

export type ParseResult = { ok: true; config: NginxConfig } | { ok: false; error: ConfigError };

/** `server` means a virtual server in http and a peer in an upstream. */
const serverDirective: Handler = (p, d) => {
  if (p.ctx === CTX.http) httpServerBlock(p, d);
  else upstreamHandlers.server?.(p, d);
};

const HANDLERS: Record<string, Handler> = {
  ...coreHandlers,
  ...serverHandlers,
  ...locationHandlers,
  ...proxyHandlers,
  ...upstreamHandlers,
  ...rewriteHandlers,
  ...logHandlers,
  ...blockHandlers,
  server: serverDirective,
};

/** A file is a full configuration when its top level has a main-only directive (`events`, `http`, …). */
export function isFullConfig(text: string): boolean {
  const lexer = new ConfLexer(text);
  let depth = 0;
  // Bounded: each call consumes at least one byte or ends the file.
  for (let i = 0; i <= text.length + 1; i++) {
    const r = lexer.next();
    if (r.kind === 'eof' || r.kind === 'error') return false;
    if (r.kind === 'blockEnd') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0 && isMainOnly(r.args[0] ?? '')) return true;
    if (r.opensBlock) depth++;
  }
  return false;
}

function runParse(files: Record<string, string>, entry: string, opts: ParseOptions): ParseResult {
  const text = files[entry];
  if (text === undefined) {
    return { ok: false, error: { message: `open() "${entry}" failed (2: No such file or directory)`, file: entry, line: 1, unplaced: true } };
  }
  const full = isFullConfig(text);
  const fileSet = new FileSet(files, entry, full ? undefined : entry);
  const p = new Parser(fileSet, { resolve: opts.resolve, handlers: HANDLERS, checkValue, simulated: SIMULATED });
  if (full) {
    p.parseFile(fileSet.absolute(entry));
  } else {
    // The wrapper is only ever read from memory; it is not a user file.
    p.parseWrapper(DEBIAN_NGINX_CONF, debianNginxConf(FRAGMENT_PATH));
  }
  const pos: SourcePos = { file: entry, line: 1 };
  if (!p.main.events) failUnplaced('no "events" section in configuration', pos);
  for (const z of zonesOf.get(p) ?? []) {
    if (z.size === 0) failUnplaced(`zero size shared memory zone "${z.name}"`, z.pos);
  }
  return { ok: true, config: buildConfig(p) };
}

/**
 * Parses an nginx configuration. `files` maps file names to their text
 * (relative names live under /etc/nginx, as on Debian); `include` is resolved
 * against them, and against Debian's stock files such as mime.types.
 * Never throws: any failure is returned with the file and line to blame.
 */
export function parseNginxConfig(files: Record<string, string>, entry: string, opts: ParseOptions): ParseResult {
  try {
    return runParse(files, entry, opts);
  } catch (e) {
    if (e instanceof ConfFail) return { ok: false, error: e.error };
    // A bug or an exhausted stack: still report something a person can act on.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { message: `internal error: ${message}`, file: entry, line: 1 } };
  }
}
