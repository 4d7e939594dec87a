import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLocation, locationLabel } from '../../../../src/models/nginx/routing/findLocation';
import { loc, proxy, server } from './builders';
import { vector17 } from './fixtures';

const up = { proxyPass: proxy('http://127.0.0.1:9000/') };
const label = (s: ReturnType<typeof server>, uri: string): string => {
  const m = findLocation(s, uri);
  return m.kind === 'redirect' ? `301 ${m.redirectTo}` : m.location ? locationLabel(m.location) : 'none';
};

// Each case below was run on nginx 1.22.1 with `return 200 "<name>"` in every location.
describe('findLocation', () => {
  it('still searches the nested regexes of a ^~ location', () => {
    const s = server({ locations: [loc('^~ /img/', {}, [loc('~ \\.png$')]), loc('~ \\.png$')] });
    expect(findLocation(s, '/img/a.png').parents.map(locationLabel)).toEqual(['^~ /img/']);
    expect(label(s, '/img/a.gif')).toBe('^~ /img/');
  });

  it('searches inside a matching regex location', () => {
    const s = server({ locations: [loc('~ ^/re/', {}, [loc('~ /deep$')]), loc('~ deep')] });
    expect(findLocation(s, '/re/deep').parents.map(locationLabel)).toEqual(['~ ^/re/']);
    expect(findLocation(s, '/re/deep').why).toBe('no prefix location matched; regex "~ ^/re/" matched, then regex "~ /deep$" inside it matched');
    expect(label(s, '/re/x')).toBe('~ ^/re/');
    expect(label(s, '/x/deep')).toBe('~ deep');
  });

  it('auto-redirects to a nested proxying location', () => {
    const s = server({ locations: [loc('/p/', {}, [loc('/p/q/', up)])] });
    expect(label(s, '/p/q')).toBe('301 /p/q/');
  });

  it('auto-redirects to an exact location that proxies', () => {
    const s = server({ locations: [loc('= /ex/', up)] });
    expect(label(s, '/ex')).toBe('301 /ex/');
  });

  it('does not redirect when a location equals the URI', () => {
    const s = server({ locations: [loc('/auth/', up), loc('= /auth')] });
    expect(label(s, '/auth')).toBe('= /auth');
    const t = server({ locations: [loc('/auth/', up), loc('/auth')] });
    expect(label(t, '/auth')).toBe('/auth');
  });

  it('redirects even when a longer prefix of the same name exists beside it', () => {
    const s = server({ locations: [loc('/pp/', up), loc('/pp/in'), loc('/auth-x/'), loc('/')] });
    expect(label(s, '/pp')).toBe('301 /pp/');
    expect(label(s, '/pp/inside')).toBe('/pp/in');
  });

  it('does not redirect for a location that serves files', () => {
    const s = server({ locations: [loc('/docs/'), loc('/')] });
    expect(label(s, '/docs')).toBe('/');
  });

  it('keeps the arguments and escapes the name in the redirect', () => {
    const s = server({ locations: [loc('/my dir/', up)] });
    expect(findLocation(s, '/my dir', 'a=1').redirectTo).toBe('/my%20dir/?a=1');
  });

  it('gives each redirect of the same URI its own arguments', () => {
    const s = server({ locations: [loc('/p/', up)] });
    const plain = findLocation(s, '/p');
    expect(findLocation(s, '/p', 'a=1').redirectTo).toBe('/p/?a=1');
    expect(findLocation(s, '/p', 'b=2').redirectTo).toBe('/p/?b=2');
    expect(findLocation(s, '/p').redirectTo).toBe('/p/');
    expect(plain.redirectTo).toBe('/p/');
  });

  it('answers the same URI the same way each time it is asked', () => {
    const s = server({ locations: [loc('/a/'), loc('~ \\.png$')] });
    for (let i = 0; i < 3; i++) {
      expect(label(s, '/a/x.png')).toBe('~ \\.png$');
      expect(label(s, '/a/x.gif')).toBe('/a/');
    }
  });

  it('prefers = over a prefix location of the same name', () => {
    const s = server({ locations: [loc('/x'), loc('= /x')] });
    expect(label(s, '/x')).toBe('= /x');
    expect(label(s, '/xy')).toBe('/x');
  });

  it('lets a nested ^~ stop only its own level: the outer regexes are still tried', () => {
    // ngx_http_core_find_location reads noregex per level, so an outer regex can still win.
    const s = server({ locations: [loc('/a/', {}, [loc('^~ /a/b/')]), loc('~ \\.txt$')] });
    expect(label(s, '/a/b/c.txt')).toBe('~ \\.txt$');
    expect(label(s, '/a/b/c')).toBe('^~ /a/b/');
  });

  it('uses the server settings when nothing matches', () => {
    const s = server({ locations: [loc('/a/')] });
    const m = findLocation(s, '/b');
    expect(m.kind).toBe('none');
    expect(m.why).toBe('no location matches "/b"; the server-level settings apply');
  });

  it('returns named captures and unset groups as empty strings', () => {
    const s = server({ locations: [loc('~ ^/(a)(b)?(?<named>c)?')] });
    expect(findLocation(s, '/ac')).toMatchObject({ captures: ['/ac', 'a', '', 'c'], named: { named: 'c' }, regex: true });
  });

  it('matches ~* without regard to case and ~ with it', () => {
    const s = server({ locations: [loc('~ \\.PNG$'), loc('~* \\.png$')] });
    expect(label(s, '/a.PNG')).toBe('~ \\.PNG$');
    expect(label(s, '/a.Png')).toBe('~* \\.png$');
  });

  it('ignores named locations', () => {
    const s = server({ locations: [loc('@fallback'), loc('/')] });
    expect(label(s, '/@fallback')).toBe('/');
  });

  it('never throws and always picks one of the configured locations', () => {
    const all = new Set<unknown>();
    const walk = (ls: typeof vector17.locations): void => ls.forEach((l) => (all.add(l), walk(l.locations)));
    walk(vector17.locations);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('/', 'a', 'api', 'v1', 'auth', '.json', '.JPG', 'images', 'x'), { maxLength: 8 }), (parts) => {
        const m = findLocation(vector17, `/${parts.join('')}`);
        if (m.location) expect(all.has(m.location)).toBe(true);
        expect(m.why.length).toBeGreaterThan(0);
      }),
    );
  });
});
