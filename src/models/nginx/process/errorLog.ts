/**
 * nginx error-log lines, worded and laid out as nginx 1.22 writes them
 * (`ngx_log_error_core`, `ngx_http_log_error`, `ngx_http_log_error_handler`):
 *
 *   2024/01/01 00:00:03 [error] 1001#1001: *7 connect() failed (111: Connection
 *   refused) while connecting to upstream, client: 127.0.0.1, server:
 *   example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.0.1:80/",
 *   host: "example.com"
 *
 * (one line in the real log). The context after the message comes from the
 * request: the client address, the server block's first `server_name`, the
 * request line, the upstream URL being tried and the Host header.
 */
import { errorLogTime } from './time';

export type ErrorLevel = 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info' | 'debug';

/** What nginx knows about the request when it logs. */
export interface ErrorContext {
  /** Worker process id (nginx prints `pid#tid`, equal for a non-threaded worker). */
  pid: number;
  /** Connection number (`*N`). */
  connection: number;
  clientIp: string;
  /** First `server_name` of the server block handling the request (may be empty). */
  serverName: string;
  requestLine?: string;
  /** `http://` + peer name + URI sent upstream, while an upstream is involved. */
  upstream?: string;
  host?: string;
  referrer?: string;
}

/** Format one error-log line (without the newline). */
export function errorLine(wallMs: number, level: ErrorLevel, message: string, action: string | undefined, ctx: ErrorContext): string {
  let line = `${errorLogTime(wallMs)} [${level}] ${ctx.pid}#${ctx.pid}: *${ctx.connection} ${message}`;
  if (action !== undefined) line += ` while ${action}`;
  line += `, client: ${ctx.clientIp}, server: ${ctx.serverName}`;
  if (ctx.requestLine !== undefined) line += `, request: "${ctx.requestLine}"`;
  if (ctx.upstream !== undefined) line += `, upstream: "${ctx.upstream}"`;
  if (ctx.host !== undefined) line += `, host: "${ctx.host}"`;
  if (ctx.referrer !== undefined) line += `, referrer: "${ctx.referrer}"`;
  return line;
}

/** The messages the proxy path logs, with the errno text nginx appends. */
export const MESSAGES = {
  refused: 'connect() failed (111: Connection refused)',
  timedOut: 'upstream timed out (110: Connection timed out)',
  noLive: 'no live upstreams',
  disabled: 'upstream server temporarily disabled',
  prematureClose: 'upstream prematurely closed connection',
} as const;

/** nginx's `log->action` while it talks to an upstream. */
export const ACTIONS = {
  connecting: 'connecting to upstream',
  reading: 'reading response header from upstream',
} as const;
