/**
 * Behaviour vector 17 (spec/behaviour.md §6, observed on nginx 1.22.1): the
 * whole location table, through normalizeUri and findLocation.
 */
import { describe, expect, it } from 'vitest';
import { findLocation, locationLabel } from '../../../../src/models/nginx/routing/findLocation';
import { normalizeUri, isInvalidUri } from '../../../../src/models/nginx/routing/normalizeUri';
import { vector17 } from './fixtures';

function route(target: string) {
  const n = normalizeUri(target);
  if (isInvalidUri(n)) throw new Error(n.why);
  return findLocation(vector17, n.uri, n.args);
}

describe('vector 17: the location table', () => {
  const table: [string, string][] = [
    ['/', '= /'],
    ['/index.html', '/'],
    ['/documents/', '/documents/'],
    ['/documents/a.jpg', '~* \\.(gif|jpg|jpeg)$'],
    ['/images/a.jpg', '^~ /images/'],
    ['/img/a.JPG', '~* \\.(gif|jpg|jpeg)$'],
    ['/api/v2/users', '~ ^/api/v[0-9]+/'],
    ['/api/v2/users.json', '~ \\.json$'],
    ['/api/users', '/api/'],
    ['/API/users', '/'],
    ['/static/css/app.css', '/static/'],
    ['/static/missing.css', '/static/'],
    ['/exact-no-slash/', '/'],
  ];
  it.each(table)('routes %s to location "%s"', (uri, expected) => {
    const m = route(uri);
    expect(m.kind).toBe('location');
    expect(m.location && locationLabel(m.location)).toBe(expected);
  });

  it('answers /auth with a 301 to /auth/ because /auth/ proxies', () => {
    const m = route('/auth');
    expect(m.kind).toBe('redirect');
    expect(m.redirectTo).toBe('/auth/');
    expect(m.why).toContain('301');
  });

  it('finds the nested regex inside /api/ before the outer ^/api/vN/ regex', () => {
    const m = route('/api/v2/users.json');
    expect(m.parents.map(locationLabel)).toEqual(['/api/']);
    expect(m.why).toBe('longest prefix match "/api/", then regex "~ \\.json$" inside it matched');
  });

  it('explains that ^~ stops the regex search', () => {
    expect(route('/images/a.jpg').why).toBe('longest prefix match "^~ /images/", "^~" on "^~ /images/" skips the regex locations');
  });

  it('explains an outer regex beating the longest prefix', () => {
    const m = route('/documents/a.jpg');
    expect(m.why).toBe('longest prefix match "/documents/", then regex "~* \\.(gif|jpg|jpeg)$" matched (a matching regex beats a prefix)');
    expect(m.captures).toEqual(['.jpg', 'jpg']);
  });

  it('explains an exact match', () => {
    expect(route('/').why).toBe('exact match "= /"');
  });

  it('explains a prefix kept because no regex matched', () => {
    expect(route('/api/users').why).toBe('longest prefix match "/api/", no regex location matched');
  });
});
