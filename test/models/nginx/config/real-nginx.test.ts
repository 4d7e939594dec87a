/**
 * Re-checks the recorded verdicts in cases.ts against the real nginx binary,
 * when one is installed, so the recordings cannot drift from nginx.
 */
import { describe, expect, it } from 'vitest';
import { debianNginxConf } from '../../../../src/models/nginx/config/debian';
import { FRAGMENT_CASES, MULTI_FILE_CASES, SINGLE_FILE_CASES } from './cases';
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
