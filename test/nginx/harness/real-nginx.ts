/**
 * Running Debian's real nginx for a differential case: a private prefix
 * directory, a configuration wrapped so that the access log records the
 * upstream variables, start, wait until it listens, and stop — always, even
 * when a test fails or the process is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The nginx under test: `NGINX_BIN`, else Debian's. */
export function nginxBinary(): string {
  return process.env.NGINX_BIN ?? '/usr/sbin/nginx';
}

/** Why the real nginx cannot be run here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  const bin = nginxBinary();
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    return `${bin} is missing or not executable (install Debian's nginx 1.22.1 or set NGINX_BIN)`;
  }
  return undefined;
}

/** The access-log line the harness adds: request id, then what the test compares. */
const LOG_FORMAT = `log_format tl_diff '$http_x_tl_id|$status|$upstream_addr|$upstream_status';`;

export interface Prepared {
  prefix: string;
  /** The configuration file nginx is started with (the wrapper for a fragment). */
  mainConf: string;
  /** The case's own configuration file, as error messages name it. */
  caseConf: string;
  accessLog: string;
  errorLog: string;
  extraArgs: string[];
}

/** Copy the case into a fresh prefix and write the wrapper around its configuration. */
export function prepare(caseDir: string, fragment: boolean): Prepared {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-nginx-'));
  fs.cpSync(caseDir, prefix, { recursive: true });
  // Workers run as `nobody` when the master is root: they must be able to read static files.
  fs.chmodSync(prefix, 0o755);
  const caseConf = path.join(prefix, 'nginx.conf');
  const accessLog = path.join(prefix, 'diff-access.log');
  const errorLog = path.join(prefix, 'error.log');
  const capture = `${LOG_FORMAT} access_log ${accessLog} tl_diff;`;
  if (fragment) {
    const mainConf = path.join(prefix, '__main.conf');
    fs.writeFileSync(
      mainConf,
      [
        `pid ${path.join(prefix, 'nginx.pid')};`,
        `error_log ${errorLog} info;`,
        'daemon off;',
        'events { worker_connections 256; }',
        `http { ${capture} include nginx.conf; }`,
        '',
      ].join('\n'),
    );
    return { prefix, mainConf, caseConf, accessLog, errorLog, extraArgs: [] };
  }
  const text = fs.readFileSync(caseConf, 'utf8');
  // Same line as `http {`, so the case's line numbers do not move.
  const wrapped = text.replace(/^(\s*http\s*\{)/m, `$1 ${capture}`);
  if (wrapped === text) throw new Error(`${caseConf}: a full configuration needs an http block`);
  fs.writeFileSync(caseConf, wrapped);
  const globals: string[] = [];
  if (!/^\s*pid\s/m.test(text)) globals.push(`pid ${path.join(prefix, 'nginx.pid')};`);
  if (!/^\s*daemon\s/m.test(text)) globals.push('daemon off;');
  if (!/^\s*error_log\s/m.test(text)) globals.push(`error_log ${errorLog} info;`);
  return { prefix, mainConf: caseConf, caseConf, accessLog, errorLog, extraArgs: globals.length ? ['-g', globals.join(' ')] : [] };
}

/** `nginx -t`: whether the configuration is accepted, and nginx's own words. */
export function testConfig(p: Prepared): { ok: boolean; stderr: string } {
  const result = spawnSync(nginxBinary(), ['-t', '-p', `${p.prefix}/`, '-c', p.mainConf, '-e', p.errorLog, ...p.extraArgs], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { ok: result.status === 0, stderr: result.stderr ?? '' };
}

const running = new Set<ChildProcess>();
function killAll(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
}
process.once('exit', killAll);

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export interface RunningNginx {
  stop(): Promise<void>;
  stderr(): string;
}

/** Start nginx in the foreground and wait until every `addr:port` accepts connections. */
export async function start(p: Prepared, sockets: { address: string; port: number }[]): Promise<RunningNginx> {
  const child = spawn(nginxBinary(), ['-p', `${p.prefix}/`, '-c', p.mainConf, '-e', p.errorLog, ...p.extraArgs], {
    detached: true, // its own process group, so the workers can be signalled with the master
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const handle: RunningNginx = {
    stderr: () => stderr,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      // Workers are in the same group; make sure none outlives its master.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // None left.
      }
      running.delete(child);
    },
  };

  const deadline = Date.now() + 5000;
  for (const s of sockets) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${readIfExists(p.errorLog)}`);
      if (await canConnect(s.address, s.port)) break;
      if (Date.now() > deadline) {
        await handle.stop();
        throw new Error(`nginx did not listen on ${s.address}:${s.port} within 5 s: ${stderr}${readIfExists(p.errorLog)}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return handle;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Remove the prefix directory. */
export function cleanup(p: Prepared): void {
  fs.rmSync(p.prefix, { recursive: true, force: true });
}
