/**
 * Differential tests: every case under cases/ runs on Debian's real nginx
 * (loopback backends, real time) and through `trafficlab nginx`; per request
 * the status, `$upstream_addr`, `$upstream_status` and the URI the last
 * backend read must be equal, and a configuration nginx rejects must be
 * rejected with the same message at the same line.
 *
 * Without the real nginx binary the suite is skipped, and says so.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackends } from '../../src/cli/nginx/backends';
import { loadConfFiles, resolveHost } from '../../src/cli/nginx/files';
import { parseRequests, withDefaults } from '../../src/cli/nginx/requests';
import { parseNginxConfig } from '../../src/models/nginx/config';
import { loadCases, type DiffCase } from './harness/cases';
import { cleanup, nginxMissing, prepare, testConfig } from './harness/real-nginx';
import { runReal } from './harness/run-real';
import { emergLine, runSim, seriousErrors } from './harness/run-sim';

const missing = nginxMissing();
const cases = loadCases();

/** Cases run a few at a time: each has its own loopback addresses, and two cores are shared. */
const PARALLEL = 3;

async function diffRejected(c: DiffCase): Promise<void> {
  const prepared = prepare(c.dir, c.meta.fragment);
  try {
    const real = testConfig(prepared);
    expect(real.ok, `real nginx accepted a case marked "reject": ${real.stderr}`).toBe(false);
    const sim = await runSim(c);
    expect(sim.code, sim.stderr).toBe(1);
    expect(emergLine(sim.stderr, c.dir)).toBe(emergLine(real.stderr, prepared.prefix));
  } finally {
    cleanup(prepared);
  }
}

async function diffRun(c: DiffCase): Promise<void> {
  const prepared = prepare(c.dir, c.meta.fragment);
  try {
    const check = testConfig(prepared);
    expect(check.ok, `real nginx rejected the case: ${check.stderr}`).toBe(true);
    const sim = await runSim(c, ['--logs']);
    expect(sim.code, sim.stderr).toBe(0);
    const conf = loadConfFiles(c.conf);
    const parsed = parseNginxConfig(conf.files, conf.entry, { resolve: resolveHost });
    if (!parsed.ok) throw new Error(`simulated nginx rejected the case: ${parsed.error.message}`);
    const requests = withDefaults(parseRequests(fs.readFileSync(c.requests, 'utf8'), c.requests), parsed.config);
    const backends = parseBackends(fs.readFileSync(c.backends, 'utf8'), c.backends);
    const real = await runReal(prepared, backends, requests);
    const label = (rs: typeof real.results): string[] => rs.map((r, i) => `${i + 1} ${requests[i]?.method} ${requests[i]?.uri} → ${JSON.stringify(r)}`);
    expect(label(sim.results), `real nginx error log:\n${real.errorLog}`).toEqual(label(real.results));
    const warn = c.meta.notes === 'compareWarn';
    expect(seriousErrors(sim.stderr, conf.prefix, warn), 'error-log lines').toEqual(seriousErrors(real.errorLog, prepared.prefix, warn));
  } finally {
    cleanup(prepared);
  }
}

if (missing !== undefined) {
  describe('differential tests against real nginx', () => {
    it.skip(`SKIPPED, real nginx unavailable: ${missing}`, () => undefined);
  });
  console.warn(`\n*** test/nginx: differential tests SKIPPED: ${missing} ***\n`);
} else {
  describe.concurrent('simulated nginx agrees with real nginx 1.22', () => {
    let running = 0;
    const waiting: (() => void)[] = [];
    const slot = async (): Promise<() => void> => {
      if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      return () => {
        running--;
        waiting.shift()?.();
      };
    };
    for (const c of cases) {
      const vector = c.meta.vector !== undefined ? ` [vector ${c.meta.vector}]` : '';
      it(`${c.name}: ${c.meta.title}${vector}`, { timeout: 60_000 }, async () => {
        const release = await slot();
        try {
          if (c.meta.expect === 'reject') await diffRejected(c);
          else await diffRun(c);
        } finally {
          release();
        }
      });
    }
  });
}
