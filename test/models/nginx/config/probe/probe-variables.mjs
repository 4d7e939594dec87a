// Asks the real nginx binary which `$variables` exist, by running `nginx -t`
// on `return 200 $NAME;` for each candidate name and keeping those that do
// not give `unknown "NAME" variable`. The answers are the data behind
// src/models/nginx/config/variables.ts.
// Usage: node probe-variables.mjs CANDIDATES.txt OUT.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const dir = mkdtempSync(join(tmpdir(), 'ngprobe-'));
const conf = join(dir, 'nginx.conf');
const names = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const known = [];
for (const name of names) {
  writeFileSync(conf, `pid ${join(dir, 'nginx.pid')};\nevents {}\nhttp { server { return 200 $${name}; } }\n`);
  const r = spawnSync(NGINX, ['-t', '-q', '-e', 'stderr', '-p', dir + '/', '-c', conf], { encoding: 'utf8', timeout: 5000 });
  if (r.status === 0) known.push(name);
  else if (!(r.stderr ?? '').includes('unknown "')) process.stderr.write(`${name}: ${r.stderr}`);
}
writeFileSync(process.argv[3], JSON.stringify(known, null, 1));
rmSync(dir, { recursive: true, force: true });
