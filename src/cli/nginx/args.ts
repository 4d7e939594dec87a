/**
 * Arguments of `trafficlab nginx NGINX.conf --backends BACKENDS.json
 * --requests REQUESTS.jsonl`, plus the optional extras (`--workers`,
 * `--logs`, `--trace`).
 */

export const NGINX_HELP = `usage: trafficlab nginx NGINX.conf --backends BACKENDS.json --requests REQUESTS.jsonl
                        [--workers N] [--logs] [--trace FILE.jsonl]

Runs only the simulated nginx on NGINX.conf (a full nginx.conf or a conf.d fragment;
relative include and root paths resolve against its directory, as with
nginx -p DIR -c DIR/NGINX.conf) and prints one JSON line per request:
  {"status": 200, "upstream_addr": "…", "upstream_status": "…", "upstream_uri": "…"}

  --workers N        what "worker_processes auto" means (default 1: real nginx's choice of
                     worker per connection is up to the kernel, so only one worker is deterministic)
  --logs             also print nginx's error and access log lines on stderr
  --trace FILE.jsonl write every trace record (decisions with their why, log lines) to FILE
Exit status: 0 done, 1 configuration rejected, 2 bad arguments or input files.
`;

export interface NginxArgs {
  conf: string;
  backends: string;
  requests: string;
  autoWorkers: number;
  logs: boolean;
  trace?: string;
  help: boolean;
}

export type ParsedArgs = { ok: true; args: NginxArgs } | { ok: false; message: string };

/** Parse the arguments after `nginx`. */
export function parseNginxArgs(argv: string[]): ParsedArgs {
  let conf: string | undefined;
  let backends: string | undefined;
  let requests: string | undefined;
  let trace: string | undefined;
  let autoWorkers = 1;
  let logs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string | undefined => {
      const v = argv[++i];
      return v === undefined || v.startsWith('--') ? undefined : v;
    };
    if (arg === '--help' || arg === '-h') {
      return { ok: true, args: { conf: '', backends: '', requests: '', autoWorkers, logs, help: true } };
    } else if (arg === '--backends') {
      backends = value();
      if (backends === undefined) return { ok: false, message: '--backends needs a file' };
    } else if (arg === '--requests') {
      requests = value();
      if (requests === undefined) return { ok: false, message: '--requests needs a file' };
    } else if (arg === '--trace') {
      trace = value();
      if (trace === undefined) return { ok: false, message: '--trace needs a file' };
    } else if (arg === '--workers') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 64) return { ok: false, message: '--workers needs a whole number from 1 to 64' };
      autoWorkers = n;
    } else if (arg === '--logs') {
      logs = true;
    } else if (arg.startsWith('-')) {
      return { ok: false, message: `unknown option ${arg}` };
    } else if (conf === undefined) {
      conf = arg;
    } else {
      return { ok: false, message: `unexpected argument ${arg}` };
    }
  }
  if (conf === undefined) return { ok: false, message: 'missing NGINX.conf' };
  if (backends === undefined) return { ok: false, message: 'missing --backends BACKENDS.json' };
  if (requests === undefined) return { ok: false, message: 'missing --requests REQUESTS.jsonl' };
  return { ok: true, args: { conf, backends, requests, autoWorkers, logs, help: false, ...(trace !== undefined ? { trace } : {}) } };
}
