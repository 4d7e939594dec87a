/**
 * Records what real nginx answers for every differential case, as
 * `expected.jsonl` (accepted configurations) or `expected.txt` (the
 * `nginx: [emerg]` line of a rejected one, paths relative to the case), so
 * that golden.test.ts can hold `trafficlab nginx` to real nginx's behaviour
 * on machines without nginx.
 *
 *   npx tsx test/nginx/harness/record.ts [CASE-PREFIX …]
 *
 * Only ever written from a real nginx run, never from the simulation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseBackends } from '../../../src/cli/nginx/backends';
import { loadConfFiles, resolveHost } from '../../../src/cli/nginx/files';
import { parseRequests, withDefaults } from '../../../src/cli/nginx/requests';
import { parseNginxConfig } from '../../../src/models/nginx/config';
import { loadCases } from './cases';
import { cleanup, nginxMissing, prepare, testConfig } from './real-nginx';
import { runReal } from './run-real';
import { emergLine } from './run-sim';

const missing = nginxMissing();
if (missing !== undefined) {
  console.error(`cannot record: ${missing}`);
  process.exit(1);
}
const only = process.argv.slice(2);
for (const c of loadCases()) {
  if (only.length > 0 && !only.some((o) => c.name.startsWith(o))) continue;
  const prepared = prepare(c.dir, c.meta.fragment);
  try {
    const check = testConfig(prepared);
    if (c.meta.expect === 'reject') {
      if (check.ok) throw new Error(`${c.name}: real nginx accepts it`);
      fs.writeFileSync(path.join(c.dir, 'expected.txt'), `${emergLine(check.stderr, prepared.prefix)}\n`);
    } else {
      if (!check.ok) throw new Error(`${c.name}: real nginx rejects it: ${check.stderr}`);
      // The parsed configuration only supplies the request defaults (Host, port, address).
      const conf = loadConfFiles(c.conf);
      const parsed = parseNginxConfig(conf.files, conf.entry, { resolve: resolveHost });
      if (!parsed.ok) throw new Error(`${c.name}: cannot apply request defaults: ${parsed.error.message}`);
      const requests = withDefaults(parseRequests(fs.readFileSync(c.requests, 'utf8'), c.requests), parsed.config);
      const real = await runReal(prepared, parseBackends(fs.readFileSync(c.backends, 'utf8'), c.backends), requests);
      fs.writeFileSync(path.join(c.dir, 'expected.jsonl'), real.results.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    console.log(`recorded ${c.name}`);
  } finally {
    cleanup(prepared);
  }
}
