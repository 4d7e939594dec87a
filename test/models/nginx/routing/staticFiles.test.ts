/** Static files and index, each case checked on nginx 1.22.1 against the same tree. */
import { describe, expect, it } from 'vitest';
import { contentTypeFor, filePath, serveStatic } from '../../../../src/models/nginx/routing/staticFiles';
import { conf, loc } from './builders';

const files = {
  '/srv/www/static/css/app.css': 'body{}',
  '/srv/www/docs/index.html': 'docs index',
  '/srv/www/idx/main.htm': 'other',
  '/srv/www/emptydir/': '',
};
const root = conf({ root: '/srv/www' });

describe('serveStatic', () => {
  it('serves an existing file with 200 and its type', () => {
    expect(serveStatic(root, loc('/static/'), '/static/css/app.css', files)).toMatchObject({
      kind: 'file',
      status: 200,
      path: '/srv/www/static/css/app.css',
      body: 'body{}',
      contentType: 'text/css',
    });
  });

  it('maps the same URI through each location and prefix it is asked with, one after another', () => {
    const aliased = conf({ alias: 'www/static/' });
    const tree = { '/srv/www/static/css/app.css': 'a', '/usr/share/nginx/www/static/css/app.css': 'b', '/srv/www/static/app.css': 'c' };
    const outer = loc('/static/');
    const inner = loc('/static/css/');
    expect(serveStatic(aliased, outer, '/static/css/app.css', tree, { prefix: '/srv' })).toMatchObject({ path: '/srv/www/static/css/app.css', body: 'a' });
    expect(serveStatic(aliased, outer, '/static/css/app.css', tree)).toMatchObject({ path: '/usr/share/nginx/www/static/css/app.css', body: 'b' });
    expect(serveStatic(aliased, inner, '/static/css/app.css', tree)).toMatchObject({ kind: 'error', why: 'no file "/usr/share/nginx/www/static/app.css"' });
    expect(serveStatic(aliased, inner, '/static/css/app.css', tree, { prefix: '/srv' })).toMatchObject({ path: '/srv/www/static/app.css', body: 'c' });
    expect(serveStatic(aliased, outer, '/static/css/app.css', tree, { prefix: '/srv' })).toMatchObject({ path: '/srv/www/static/css/app.css', body: 'a' });
  });

  it('answers 404 for a missing file and writes the error-log line nginx writes', () => {
    expect(serveStatic(root, loc('/static/'), '/static/missing.css', files)).toMatchObject({
      kind: 'error',
      status: 404,
      errorLog: 'open() "/srv/www/static/missing.css" failed (2: No such file or directory)',
    });
  });

  it('redirects a directory without its trailing slash, keeping the arguments', () => {
    expect(serveStatic(root, loc('/static/'), '/static/css', files, { args: 'a=1' })).toMatchObject({
      kind: 'redirect',
      status: 301,
      location: '/static/css/?a=1',
    });
  });

  it('redirects internally to the first index file that exists', () => {
    expect(serveStatic(root, loc('/docs/'), '/docs/', files)).toMatchObject({ kind: 'internal', uri: '/docs/index.html' });
    const two = conf({ root: '/srv/www', index: ['nope.html', 'main.htm'] });
    expect(serveStatic(two, loc('/idx/'), '/idx/', files)).toMatchObject({ kind: 'internal', uri: '/idx/main.htm' });
  });

  it('falls back to an absolute index URI', () => {
    const abs = conf({ root: '/srv/www', index: ['missing.html', '/docs/index.html'] });
    expect(serveStatic(abs, loc('/idx/'), '/idx/', files)).toMatchObject({ kind: 'internal', uri: '/docs/index.html' });
  });

  it('answers 403 for a directory without an index file', () => {
    expect(serveStatic(root, loc('/'), '/emptydir/', files)).toMatchObject({
      kind: 'error',
      status: 403,
      errorLog: 'directory index of "/srv/www/emptydir/" is forbidden',
    });
  });

  it('answers 404 for an index request in a directory that does not exist', () => {
    expect(serveStatic(root, loc('/'), '/nodir/', files)).toMatchObject({
      status: 404,
      errorLog: '"/srv/www/nodir/index.html" is not found (2: No such file or directory)',
    });
    expect(serveStatic(root, loc('/'), '/static/css/app.css/', files)).toMatchObject({
      status: 404,
      errorLog: '"/srv/www/static/css/app.css/index.html" is not found (20: Not a directory)',
    });
  });

  it('allows only GET, HEAD and POST, and refuses POST to a file', () => {
    for (const method of ['PUT', 'DELETE']) {
      expect(serveStatic(root, loc('/'), '/static/missing', files, { method })).toMatchObject({ status: 405 });
      expect(serveStatic(root, loc('/'), '/emptydir/', files, { method })).toMatchObject({ status: 405 });
    }
    expect(serveStatic(root, loc('/'), '/static/css/app.css', files, { method: 'POST' })).toMatchObject({ status: 405 });
    expect(serveStatic(root, loc('/'), '/static/missing', files, { method: 'POST' })).toMatchObject({ status: 404 });
    expect(serveStatic(root, loc('/'), '/static/css', files, { method: 'POST' })).toMatchObject({ status: 301 });
    expect(serveStatic(root, loc('/'), '/emptydir/', files, { method: 'POST' })).toMatchObject({ status: 403 });
  });

  it('maps alias by replacing the location prefix, with or without a trailing slash', () => {
    const withSlash = conf({ alias: '/srv/www/static/' });
    const noSlash = conf({ alias: '/srv/www/static' });
    expect(serveStatic(withSlash, loc('/al/'), '/al/css/app.css', files)).toMatchObject({ status: 200 });
    expect(serveStatic(noSlash, loc('/al2'), '/al2/css/app.css', files)).toMatchObject({ status: 200 });
    expect(serveStatic(noSlash, loc('/al2'), '/al2', files)).toMatchObject({ status: 301, location: '/al2/' });
    expect(serveStatic(noSlash, loc('/al2'), '/al2/', files)).toMatchObject({ status: 403 });
  });

  it('resolves a relative root against the prefix', () => {
    expect(filePath(conf(), undefined, '/index.html')).toBe('/usr/share/nginx/html/index.html');
    expect(filePath(conf(), undefined, '/a', '/opt/nginx/')).toBe('/opt/nginx/html/a');
  });

  it('resolves a relative alias against the prefix too, as nginx does', () => {
    expect(filePath(conf({ alias: 'assets/' }), loc('/files/'), '/files/logo.txt')).toBe('/usr/share/nginx/assets/logo.txt');
    expect(filePath(conf({ alias: 'assets/' }), loc('/files/'), '/files/logo.txt', '/etc/nginx/')).toBe('/etc/nginx/assets/logo.txt');
  });

  it('types files by extension, default application/octet-stream', () => {
    expect(contentTypeFor('/a/b.JSON')).toBe('application/json');
    expect(contentTypeFor('/a/b')).toBe('application/octet-stream');
  });
});
