/**
 * ngx_http_log_module: `log_format` and `access_log`. A format must be
 * defined before an `access_log` uses it, as in nginx; `combined` always is.
 */
import type { Handler, Parser } from './parser';
import { parseSize, parseTime } from './units';
import { useVariables } from './values';

/** nginx's predefined format. */
export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

function checkAccessLogParams(p: Parser, params: string[]): void {
  for (const v of params) {
    if (v.startsWith('buffer=')) {
      if (Number.isNaN(parseSize(v.slice(7)))) p.fail(`invalid buffer size "${v.slice(7)}"`);
    } else if (v.startsWith('flush=')) {
      if (Number.isNaN(parseTime(v.slice(6), false))) p.fail(`invalid flush time "${v.slice(6)}"`);
    } else if (v === 'gzip' || v.startsWith('gzip=')) {
      const level = v === 'gzip' ? 1 : Number(/^[1-9]$/.test(v.slice(5)) ? v.slice(5) : NaN);
      if (Number.isNaN(level)) p.fail(`invalid compression level "${v.slice(5)}"`);
    } else if (v.startsWith('if=')) {
      useVariables(p, v.slice(3));
    } else {
      p.fail(`invalid parameter "${v}"`);
    }
  }
}

export const logHandlers: Record<string, Handler> = {
  log_format: (p, d) => {
    const http = p.http;
    if (!http) return;
    const [name = '', ...rest] = d.args;
    if (name === 'combined' || http.logFormats.has(name)) p.fail(`duplicate "log_format" name "${name}"`);
    let parts = rest;
    const escape = parts[0];
    if (parts.length > 1 && escape?.startsWith('escape=')) {
      const kind = escape.slice(7);
      if (!['default', 'json', 'none'].includes(kind)) p.fail(`unknown log format escaping "${kind}"`);
      parts = parts.slice(1);
    }
    // nginx compiles each argument on its own: a variable name ends with its argument.
    for (const part of parts) useVariables(p, part);
    http.logFormats.set(name, parts.join(''));
  },

  access_log: (p, d) => {
    const node = p.node;
    const [path = '', format, ...params] = d.args;
    const s = node.kind === 'http' || node.kind === 'server' || node.kind === 'location' ? node.settings : undefined;
    if (path === 'off') {
      if (format !== undefined) p.fail(`invalid parameter "${format}"`);
      if (s) s.accessLogOff = true;
      return;
    }
    const name = format ?? 'combined';
    if (name !== 'combined' && !p.http?.logFormats.has(name)) p.fail(`unknown log format "${name}"`);
    checkAccessLogParams(p, params);
    useVariables(p, path);
    if (s) s.accessLog = [...(s.accessLog ?? []), { path, format: name }];
  },
};

