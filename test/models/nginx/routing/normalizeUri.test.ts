import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvalidUri, normalizeUri } from '../../../../src/models/nginx/routing/normalizeUri';

/** The normalized URI, or the 400 as the string "400". */
function uriOf(target: string): string {
  const n = normalizeUri(target);
  return isInvalidUri(n) ? String(n.error) : n.uri;
}

describe('normalizeUri', () => {
  // Every row was checked against nginx 1.22.1 with `return 200 "$uri $args"`.
  const table: [string, string][] = [
    ['/a/../b', '/b'],
    ['//x', '/x'],
    ['/a//b//', '/a/b/'],
    ['/a/%2e%2e/x', '/x'],
    ['/a/.%2e/b', '/b'],
    ['/a/..', '/'],
    ['/a/.', '/a/'],
    ['/a/./b/', '/a/b/'],
    ['/a%2Fb', '/a/b'],
    ['/a%3Fb?c=d', '/a?b'],
    ['/a%23b', '/a#b'],
    ['/a#frag?x', '/a'],
    ['/a+b%20c', '/a+b c'],
    ['/...', '/...'],
    ['/a/...', '/a/...'],
    ['/caf%C3%A9', '/caf\xc3\xa9'],
    ['/%2e%2e/x', '400'],
    ['/..', '400'],
    ['/a/b/../../..', '400'],
    ['/x/%2E%2E%2F%2E%2E/y', '400'],
    ['//..//a', '400'],
    ['/%zz', '400'],
    ['/a%2', '400'],
    ['/%00', '400'],
    ['/a b', '400'],
    ['a/b', '400'],
  ];
  it.each(table)('normalizes %s to %s', (raw, expected) => {
    expect(uriOf(raw)).toBe(expected);
  });

  it('keeps the arguments undecoded and stops them at "#"', () => {
    expect(normalizeUri('/a?b=%20c#d')).toEqual({ uri: '/a', args: 'b=%20c', raw: '/a?b=%20c#d', quoted: false });
  });

  it('has no arguments for a bare "?" or a "?" after "#"', () => {
    expect(normalizeUri('/a?')).toMatchObject({ uri: '/a', args: '' });
    expect(normalizeUri('/a#x?y')).toMatchObject({ uri: '/a', args: '' });
  });

  it('marks a path with "%" as quoted, but not "%" in the arguments', () => {
    expect(normalizeUri('/a%20b')).toMatchObject({ quoted: true });
    expect(normalizeUri('/a?b=%20')).toMatchObject({ quoted: false });
  });

  it('sends non-ASCII characters as their UTF-8 bytes', () => {
    expect(normalizeUri('/café')).toMatchObject({ uri: '/caf\xc3\xa9', raw: '/caf\xc3\xa9' });
  });

  const pathChar = fc.constantFrom('a', 'b', '/', '.', '%2e', '%2F', '%41', '?', '#', '+', '=');
  const target = fc.array(pathChar, { maxLength: 20 }).map((parts) => `/${parts.join('')}`);

  it('is idempotent: normalizing an escaped result gives it back', () => {
    fc.assert(
      fc.property(target, (raw) => {
        const n = normalizeUri(raw);
        if (isInvalidUri(n)) return;
        // The normalized URI can hold "?" and "#" as data; escape them to feed it back as a target.
        const again = normalizeUri(n.uri.replace(/%/g, '%25').replace(/\?/g, '%3F').replace(/#/g, '%23'));
        expect(isInvalidUri(again) ? again : again.uri).toBe(n.uri);
      }),
    );
  });

  it('always yields a URI that starts with "/" and has no "//", "/./" or "/../"', () => {
    fc.assert(
      fc.property(target, (raw) => {
        const n = normalizeUri(raw);
        if (isInvalidUri(n)) return;
        expect(n.uri.startsWith('/')).toBe(true);
        expect(n.uri).not.toMatch(/\/\/|\/\.\/|\/\.\.\/|\/\.\.?$/);
      }),
    );
  });
});
