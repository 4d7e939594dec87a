/**
 * Re-checks the recorded verdicts in cases.ts against the real nginx binary,
 * when one is installed, so the recordings cannot drift from nginx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debianNginxConf } from '../../../../src/models/nginx/config/debian';
import { FRAGMENT_CASES, MULTI_FILE_CASES, SINGLE_FILE_CASES } from './cases';
import { verdict } from './helpers';
import { haveRealNginx, realNginxTest } from './real-nginx';

describe.skipIf(!haveRealNginx)('recorded verdicts still match the installed nginx', () => {
  it('agrees on every single-file case', () => {
    const differ = SINGLE_FILE_CASES.filter(([conf, says]) => realNginxTest({ 'nginx.conf': conf }, 'nginx.conf') !== says);
    expect(differ).toEqual([]);
  });

  it('agrees on every multi-file case', () => {
    const differ = MULTI_FILE_CASES.filter(([files, says]) => realNginxTest(files, 'nginx.conf') !== says);
    expect(differ).toEqual([]);
  });

  it('agrees on every fragment, read through Debian’s nginx.conf', () => {
    const differ = FRAGMENT_CASES.filter(
      ([f, says]) => realNginxTest({ 'nginx.conf': debianNginxConf('frag.conf'), 'frag.conf': f }, 'nginx.conf') !== says,
    );
    expect(differ).toEqual([]);
  });
});

/** Token-level mutations of the Debian-style fixture, compared with the real binary. */
describe.skipIf(!haveRealNginx)('mutated configurations get the same verdict as the installed nginx', () => {
  // Messages that depend on the machine (files, sockets, accounts), not on the configuration's text.
  const environmental = /open\(\)|bind\(\)|getpwnam|getgrnam|mkdir\(\)|chown\(\)/;

  it('agrees on 100 seeded mutations', () => {
    const full = readFileSync(join(__dirname, 'fixtures', 'debian-full.conf'), 'utf8');
    const tokens = full.split(/(\s+|[;{}])/).filter((s) => s !== '');
    const runs = fc.sample(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 3 }), {
      numRuns: 100,
      seed: 11,
    });
    const differ: { text: string; real: string; mine: string }[] = [];
    for (const ops of runs) {
      const t = [...tokens];
      for (const [a, b, op] of ops) {
        const i = a % t.length;
        const j = b % t.length;
        if (op === 0) t.splice(i, 1);
        else if (op === 1) t.splice(i, 0, t[i] ?? '');
        else [t[i], t[j]] = [t[j] ?? '', t[i] ?? ''];
      }
      const text = t.join('');
      const real = realNginxTest({ 'nginx.conf': text }, 'nginx.conf').split('\n')[0] ?? '';
      if (environmental.test(real)) continue;
      const mine = verdict({ 'nginx.conf': text }, 'nginx.conf').split('\n')[0] ?? '';
      if (real !== mine) differ.push({ text, real, mine });
    }
    expect(differ).toEqual([]);
  });
});
