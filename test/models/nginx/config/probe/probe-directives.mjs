// Asks the real nginx binary which directives exist, where each is allowed,
// whether it opens a block and how many arguments it takes, by running
// `nginx -t` on one-directive configurations and reading the error it gives.
// The answers are the data behind src/models/nginx/config/directive-table.ts.
// Usage: node probe-directives.mjs CANDIDATES.txt OUT.json  (needs nginx, writes only under a temp dir)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const dir = mkdtempSync(join(tmpdir(), 'ngprobe-'));
const conf = join(dir, 'nginx.conf');

// Each context wraps the probed statement; `@` marks where it goes.
export const CONTEXTS = {
  main: 'events {}\n@\n',
  events: 'events {\n@\n}\n',
  http: 'events {}\nhttp {\n@\n}\n',
  server: 'events {}\nhttp { server {\n@\n} }\n',
  location: 'events {}\nhttp { server { location / {\n@\n} } }\n',
  upstream: 'events {}\nhttp { upstream u { server 127.0.0.1;\n@\n} }\n',
  sif: 'events {}\nhttp { server { if ($a) {\n@\n} } }\n',
  lif: 'events {}\nhttp { server { location / { if ($a) {\n@\n} } } }\n',
  lmt: 'events {}\nhttp { server { location / { limit_except GET {\n@\n} } } }\n',
};

function run(ctx, stmt) {
  writeFileSync(conf, `pid ${join(dir, 'nginx.pid')};\n` + CONTEXTS[ctx].replace('@', stmt));
  const r = spawnSync(NGINX, ['-t', '-q', '-e', 'stderr', '-p', dir + '/', '-c', conf], { encoding: 'utf8', timeout: 5000 });
  const m = /\[emerg\] \d+#\d+: (.*)/.exec(r.stderr ?? '');
  return r.status === 0 ? 'OK' : m ? m[1] : (r.stderr ?? '').trim();
}

const kind = (msg) =>
  msg.startsWith('unknown directive') ? 'unknown'
  : msg.includes('is not allowed here') ? 'context'
  : msg.includes('is not terminated by') ? 'needs-semicolon'
  : msg.includes('has no opening') ? 'needs-block'
  : msg.startsWith('invalid number of arguments') ? 'argc'
  : 'accepted';

const names = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const out = {};
for (const name of names) {
  if (kind(run('main', `${name} 1;`)) === 'unknown' && kind(run('http', `${name} 1;`)) === 'unknown') continue;
  const entry = {};
  for (const ctx of Object.keys(CONTEXTS)) {
    let k = kind(run(ctx, `${name} 1;`));
    if (k === 'context' || k === 'unknown') continue;
    const block = k === 'needs-block';
    const argc = [];
    for (let n = 0; n <= 9; n++) {
      const args = Array.from({ length: n }, () => '1').join(' ');
      const stmt = block ? `${name} ${args} { }` : `${name} ${args};`;
      if (kind(run(ctx, stmt)) !== 'argc') argc.push(n);
    }
    entry[ctx] = { block, argc };
  }
  out[name] = entry;
  process.stderr.write(`${name} ${JSON.stringify(entry)}\n`);
}
writeFileSync(process.argv[3], JSON.stringify(out, null, 1));
rmSync(dir, { recursive: true, force: true });
