/**
 * nginx's two logs as trace records: the error log (filtered by the
 * `error_log` level that applies where the request is) and the access log
 * (one line per `access_log` of the final location, in its `log_format`).
 * Each line is a `log` record whose `stream` is the log file's path, so a
 * student sees which file the line would be in.
 */
import type { Trace, TraceInput } from '../../../sim';
import type { Conf, NginxConfig } from '../model';
import { formatAccessLog, logFormatFor, type RequestContext } from '../routing';
import { errorLine, type ErrorContext, type ErrorLevel } from './errorLog';

const LEVELS: ErrorLevel[] = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];

/** nginx's error log when nothing says otherwise (Debian's build logs to this file at level error). */
const DEFAULT_ERROR_LOG = { path: '/var/log/nginx/error.log', level: 'error' };

/** True when `level` is at least as severe as the configured `threshold`. */
export function levelPasses(level: ErrorLevel, threshold: string): boolean {
  const limit = LEVELS.indexOf(threshold as ErrorLevel);
  return LEVELS.indexOf(level) <= (limit < 0 ? LEVELS.indexOf('error') : limit);
}

/** One `access_log`: its file and its format's text. */
interface AccessLog {
  path: string;
  template: string;
}

export class NginxLogs {
  /** Resolved `access_log` lists, by the configuration's list (see accessLogs). */
  private readonly resolved = new WeakMap<object, AccessLog[]>();

  constructor(
    private readonly trace: Trace,
    private readonly component: string,
    private readonly config: NginxConfig,
    private readonly wallMs: () => number,
  ) {}

  /** Write an error-log line if the `error_log` level in `conf` lets it through. */
  error(conf: Conf | undefined, level: ErrorLevel, message: string, action: string | undefined, ctx: ErrorContext): void {
    const log = conf?.errorLog ?? DEFAULT_ERROR_LOG;
    if (!levelPasses(level, log.level)) return;
    const line = errorLine(this.wallMs(), level, message, action, ctx);
    this.trace.record({ t: 0, seq: 0, kind: 'log', component: this.component, stream: log.path, line } as TraceInput);
  }

  /** Write the access-log lines `conf` asks for. */
  access(conf: Conf, ctx: RequestContext): void {
    if (conf.accessLog === 'off') return;
    const logs = this.accessLogs(conf.accessLog);
    for (let i = 0; i < logs.length; i++) {
      const log = logs[i] as AccessLog;
      // `t` and `seq` first: the trace stamps them, and the record keeps its shape.
      const line = formatAccessLog(log.template, ctx);
      this.trace.record({ t: 0, seq: 0, kind: 'log', component: this.component, stream: log.path, line } as TraceInput);
    }
  }

  /**
   * The `access_log` lines with their format text looked up, by the
   * configuration's list: this instance's configuration never changes (a
   * reload makes a new instance), so each list is resolved once.
   */
  private accessLogs(list: Exclude<Conf['accessLog'], 'off'>): AccessLog[] {
    let logs = this.resolved.get(list);
    if (logs === undefined) {
      logs = [];
      for (const { path, format } of list) {
        const template = logFormatFor(format, this.config.logFormats);
        if (template !== undefined) logs.push({ path, template });
      }
      this.resolved.set(list, logs);
    }
    return logs;
  }
}
