/**
 * The parser's verdict on each recorded configuration equals what real
 * nginx 1.22.1 printed for it (cases.ts): same message, same file, same line.
 */
import { describe, expect, it } from 'vitest';
import { debianNginxConf } from '../../../../src/models/nginx/config/debian';
import { FRAGMENT_CASES, MULTI_FILE_CASES, SINGLE_FILE_CASES } from './cases';
import { verdict } from './helpers';

const short = (s: string): string => JSON.stringify(s.length > 70 ? s.slice(0, 67) + '...' : s);

describe('single-file configurations', () => {
  for (const [conf, nginxSays] of SINGLE_FILE_CASES) {
    it(`prints ${nginxSays === 'ok' ? 'nothing wrong' : nginxSays} for ${short(conf)}`, () => {
      expect(verdict({ 'nginx.conf': conf }, 'nginx.conf')).toBe(nginxSays);
    });
  }
});

describe('configurations spread over several files', () => {
  for (const [files, nginxSays] of MULTI_FILE_CASES) {
    it(`prints ${nginxSays} for ${short(Object.keys(files).join(', '))}`, () => {
      expect(verdict(files, 'nginx.conf')).toBe(nginxSays);
    });
  }
});

describe('conf.d fragments read inside Debian’s default nginx.conf', () => {
  for (const [fragment, nginxSays] of FRAGMENT_CASES) {
    it(`prints ${nginxSays} for ${short(fragment)}`, () => {
      expect(verdict({ 'frag.conf': fragment }, 'frag.conf')).toBe(nginxSays);
    });
  }

  it('reads a fragment the same as Debian’s nginx.conf including it', () => {
    const [fragment] = FRAGMENT_CASES[4] ?? [''];
    const viaWrapper = verdict({ 'nginx.conf': debianNginxConf('frag.conf'), 'frag.conf': fragment }, 'nginx.conf');
    expect(verdict({ 'frag.conf': fragment }, 'frag.conf')).toBe(viaWrapper);
  });
});
