/**
 * Runs the real `nginx -t` (when installed) on a set of files, so tests can
 * compare the parser's verdict with nginx's own. Files are written to a temp
 * directory that serves as nginx's prefix; the first line of nginx's error is
 * returned with that directory stripped, i.e. as `formatConfigError` prints it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** True when a real nginx binary is there to compare against. */
export const haveRealNginx = existsSync(NGINX_BIN);

/**
 * `nginx -t` on `files` starting at `entry`. Returns `ok` or the emerg line as
 * `nginx: [emerg] MESSAGE in FILE:LINE` with temp paths made relative.
 */
export function realNginxTest(files: Record<string, string>, entry: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-nginx-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    const r = spawnSync(NGINX_BIN, ['-t', '-q', '-e', 'stderr', '-p', dir + '/', '-c', join(dir, entry)], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    if (r.status === 0) return 'ok';
    const line = (r.stderr ?? '').split('\n').find((l) => l.includes('[emerg]')) ?? (r.stderr ?? '');
    const msg = line.replace(/^.*\[emerg\] \d+#\d+: /, '');
    return 'nginx: [emerg] ' + msg.split(dir + '/').join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
