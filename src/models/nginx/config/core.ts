/**
 * Handlers of the main context and the core blocks: `events`, `http`,
 * `worker_processes`, `error_log`, `include` (ngx_core_module,
 * ngx_events_module, ngx_http_module, ngx_errlog_module).
 */
import { CTX } from './directives';
import { finishHttp } from './http-init';
import type { Handler, Parser } from './parser';
import { newSettingsLevel, type HttpNode } from './tree';
import { atoi } from './units';
import { once } from './values';

const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];
const DEBUG_LEVELS = ['debug_core', 'debug_alloc', 'debug_mutex', 'debug_event', 'debug_http', 'debug_mail', 'debug_stream'];

/** ngx_log_set_levels: one severity, optionally debug_* masks; default `error`. */
export function parseErrorLog(p: Parser, args: string[]): { path: string; level: string } {
  let level: string | undefined;
  let debugMask = false;
  for (const v of args.slice(1)) {
    if (LOG_LEVELS.includes(v)) {
      if (level !== undefined || debugMask) p.fail(`duplicate log level "${v}"`);
      level = v;
      continue;
    }
    if (DEBUG_LEVELS.includes(v)) {
      if (level !== undefined && level !== 'debug') p.fail(`invalid log level "${v}"`);
      debugMask = true;
      continue;
    }
    p.fail(`invalid log level "${v}"`);
  }
  return { path: args[0] ?? '', level: level ?? (debugMask ? 'debug' : 'error') };
}

export const coreHandlers: Record<string, Handler> = {
  include: (p, d) => p.include(d.args[0] ?? ''),

  events: (p, d) => {
    if (p.main.events) p.failDirective(d, 'is duplicate');
    p.main.events = true;
    p.parseBlock(CTX.events, { kind: 'events', seen: new Set() });
  },

  http: (p, d) => {
    if (p.http) p.failDirective(d, 'is duplicate');
    const http: HttpNode = { ...newSettingsLevel('http', d.pos), servers: [], upstreams: [], logFormats: new Map(), passes: [] };
    p.http = http;
    p.main.http = http;
    p.parseBlock(CTX.http, http);
    // nginx initialises upstreams, merges and checks variables when `http {}` closes.
    finishHttp(p, http);
  },

  worker_processes: (p, d) => {
    once(p, d);
    const v = d.args[0] ?? '';
    if (v === 'auto') {
      p.main.workerProcesses = 'auto';
      return;
    }
    const n = atoi(v);
    if (Number.isNaN(n)) p.failDirective(d, 'invalid value');
    p.main.workerProcesses = n;
  },

  error_log: (p, d) => {
    const log = parseErrorLog(p, d.args);
    const node = p.node;
    if (node.kind === 'main') {
      node.errorLog ??= log;
    } else if (node.kind === 'http' || node.kind === 'server' || node.kind === 'location') {
      node.settings.errorLog ??= log;
    }
  },
};
