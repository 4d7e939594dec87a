/**
 * Behaviour vector 18 (upstream request line and headers) and the other
 * upstream requests observed with an echo backend behind nginx 1.22.1.
 */
import { describe, expect, it } from 'vitest';
import type { LocationBlock } from '../../../../src/models/nginx/model';
import { findLocation } from '../../../../src/models/nginx/routing/findLocation';
import { isInvalidUri, normalizeUri } from '../../../../src/models/nginx/routing/normalizeUri';
import { mapProxyUri, normalizedFromContext, proxyHost, splitProxyUrl } from '../../../../src/models/nginx/routing/proxyUri';
import { buildUpstreamRequest } from '../../../../src/models/nginx/routing/upstreamRequest';
import { ctx, loc, proxy } from './builders';
import { vector17 } from './fixtures';

/** Route a target through vector 17's server and build what goes upstream. */
function upstreamFor(target: string, headers: [string, string][] = [], method = 'GET', location?: LocationBlock) {
  const n = normalizeUri(target);
  if (isInvalidUri(n)) throw new Error(n.why);
  const l = location ?? findLocation(vector17, n.uri, n.args).location;
  if (!l) throw new Error('no location');
  const hostHeader = headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  return buildUpstreamRequest(
    l,
    ctx({ method, requestUri: n.raw, uri: n.uri, args: n.args, headers, host: hostHeader?.split(':')[0]?.toLowerCase() ?? '', serverName: 'shop.example.com' }),
  );
}

describe('vector 18: the upstream request line', () => {
  const table: [string, string][] = [
    ['/auth/login', '/login'],
    ['/auth/login?next=/x', '/login?next=/x'],
    ['/raw/login', '/raw/login'],
    ['/v1/users', '/api/users'],
    ['/noslash/x', '//x'],
  ];
  it.each(table)('sends %s upstream as %s', (target, sent) => {
    expect(upstreamFor(target).requestLine).toBe(`GET ${sent} HTTP/1.0`);
  });

  it('writes the line for each method and URI, also after more distinct lines than it remembers', () => {
    for (let i = 0; i < 1100; i++) expect(upstreamFor(`/raw/p${i}`, [], i % 2 === 0 ? 'GET' : 'HEAD').requestLine).toBe(`${i % 2 === 0 ? 'GET' : 'HEAD'} /raw/p${i} HTTP/1.0`);
    expect(upstreamFor('/raw/p3', [], 'GET').requestLine).toBe('GET /raw/p3 HTTP/1.0');
  });

  // Further rows observed on nginx 1.22.1.
  const more: [string, string][] = [
    ['/raw//a/../login%20x?a=%20', '/raw//a/../login%20x?a=%20'],
    ['/auth/a%20b/%2Fc%3F?q=%20', '/a%20b/c%3F?q=%20'],
    ['/auth/caf%C3%A9?x', '/caf%C3%A9?x'],
    ['/auth/a+b', '/a+b'],
    ['/auth/a%2Bb%25', '/a+b%25'],
    ['/auth/x#frag', '/x'],
    ['/raw/x#frag', '/raw/x#frag'],
  ];
  it.each(more)('sends %s upstream as %s', (target, sent) => {
    expect(upstreamFor(target).uri).toBe(sent);
  });
});

describe('vector 18: upstream headers', () => {
  it('sends Host: $proxy_host and Connection: close first, then the client fields, XFF untouched', () => {
    const r = upstreamFor('/auth/login?next=/x', [
      ['Host', 'shop.example.com'],
      ['User-Agent', 'curl/8'],
      ['X-Forwarded-For', '203.0.113.7'],
      ['Connection', 'keep-alive'],
      ['Accept', '*/*'],
    ]);
    expect(r.headers).toEqual([
      ['Host', 'auth'],
      ['Connection', 'close'],
      ['User-Agent', 'curl/8'],
      ['X-Forwarded-For', '203.0.113.7'],
      ['Accept', '*/*'],
    ]);
  });

  it('replaces a client field named by the plan in any spelling, request after request', () => {
    const location = loc('/same/', { proxyPass: proxy('http://auth') });
    const send = (headers: [string, string][]) => buildUpstreamRequest(location, ctx({ requestUri: '/same/x', uri: '/same/x', headers })).headers;
    expect(send([['Host', 'a'], ['Accept', '1']])).toEqual([['Host', 'auth'], ['Connection', 'close'], ['Accept', '1']]);
    expect(send([['HOST', 'b'], ['accept', '2'], ['X_Key', 'k']])).toEqual([['Host', 'auth'], ['Connection', 'close'], ['accept', '2']]);
    expect(send([['connection', 'x'], ['X-Key', 'k']])).toEqual([['Host', 'auth'], ['Connection', 'close'], ['X-Key', 'k']]);
  });

  it('expands $proxy_host in proxy_set_header to the host it is sending to', () => {
    const location = loc('/ph/', { proxyPass: proxy('http://backend:8080'), proxySetHeaders: [['X-Target', '$proxy_host']] });
    const r = buildUpstreamRequest(location, ctx({ requestUri: '/ph/', uri: '/ph/' }));
    expect(r.headers).toContainEqual(['X-Target', 'backend:8080']);
    expect(r.proxyHost).toBe('backend:8080');
  });

  const withSetHeaders = loc('/hdr/', {
    proxyPass: proxy('http://auth/'),
    proxySetHeaders: [
      ['Host', '$host'],
      ['X-Real-IP', '$remote_addr'],
      ['X-Forwarded-For', '$proxy_add_x_forwarded_for'],
    ],
  });

  it('puts proxy_set_header fields first, in config order, and drops the client fields they name', () => {
    const r = upstreamFor(
      '/hdr/p',
      [
        ['Host', 'Shop.Example.com:8080'],
        ['User-Agent', 'curl/8'],
        ['X-Forwarded-For', '203.0.113.7'],
        ['X-Real-IP', '1.2.3.4'],
        ['Accept', '*/*'],
      ],
      'GET',
      withSetHeaders,
    );
    expect(r.headers).toEqual([
      ['Host', 'shop.example.com'],
      ['X-Real-IP', '127.0.0.1'],
      ['X-Forwarded-For', '203.0.113.7, 127.0.0.1'],
      ['Connection', 'close'],
      ['User-Agent', 'curl/8'],
      ['Accept', '*/*'],
    ]);
  });

  it('falls back to server_name for Host $host and starts XFF at the client without one', () => {
    const r = upstreamFor('/hdr/p', [], 'GET', withSetHeaders);
    expect(r.headers).toEqual([
      ['Host', 'shop.example.com'],
      ['X-Real-IP', '127.0.0.1'],
      ['X-Forwarded-For', '127.0.0.1'],
      ['Connection', 'close'],
    ]);
  });

  it('joins several client X-Forwarded-For fields', () => {
    const r = upstreamFor('/hdr/p', [['Host', 'a'], ['X-Forwarded-For', '1.1.1.1'], ['X-Forwarded-For', '2.2.2.2']], 'GET', withSetHeaders);
    expect(r.headers).toContainEqual(['X-Forwarded-For', '1.1.1.1, 2.2.2.2, 127.0.0.1']);
  });

  it('does not send a field set to "" or to an empty variable, nor the client field of that name, nor hop-by-hop ones', () => {
    const l = loc('/empty/', {
      proxyPass: proxy('http://auth/'),
      proxySetHeaders: [
        ['User-Agent', ''],
        ['X-Missing', '$http_x_nothing'],
      ],
    });
    const r = upstreamFor(
      '/empty/p',
      [
        ['Host', 'a'],
        ['User-Agent', 'curl/8'],
        ['X-Missing', 'client'],
        ['TE', 'trailers'],
        ['Keep-Alive', '5'],
        ['Upgrade', 'websocket'],
        ['X-A', '1'],
        ['x-a', '2'],
      ],
      'GET',
      l,
    );
    expect(r.headers).toEqual([
      ['Host', 'auth'],
      ['Connection', 'close'],
      ['X-A', '1'],
      ['x-a', '2'],
    ]);
  });

  it('replaces the client Content-Length with its own and drops Expect', () => {
    const r = upstreamFor('/auth/p', [['Host', 'a'], ['Content-Length', '5'], ['Content-Type', 'text/plain'], ['Expect', '100-continue']], 'POST');
    expect(r.requestLine).toBe('POST /p HTTP/1.0');
    expect(r.headers).toEqual([
      ['Host', 'auth'],
      ['Connection', 'close'],
      ['Content-Length', '5'],
      ['Content-Type', 'text/plain'],
    ]);
  });

  it('drops client fields with "_" or "." in the name', () => {
    const r = upstreamFor('/auth/', [['X_Y', 'under'], ['X-Y.Z', 'dot'], ['X-Ok', '1']]);
    expect(r.headers).toEqual([
      ['Host', 'auth'],
      ['Connection', 'close'],
      ['X-Ok', '1'],
    ]);
  });

  it('lets proxy_set_header override Host, Connection and Content-Length by any case of the name', () => {
    const l = loc('/g/', {
      proxyPass: proxy('http://127.0.0.1:27901/'),
      proxySetHeaders: [
        ['host', 'h:$server_port'],
        ['Connection', ''],
        ['Content-Length', '1'],
      ],
    });
    expect(upstreamFor('/g/z', [], 'GET', l).headers).toEqual([
      ['host', 'h:80'],
      ['Content-Length', '1'],
    ]);
  });
});

describe('$proxy_host and proxy_pass URLs', () => {
  it('drops the port when it is the scheme default and keeps it as written otherwise', () => {
    expect(proxyHost(proxy('http://127.0.0.5:80/'))).toBe('127.0.0.5');
    expect(proxyHost(proxy('http://auth'))).toBe('auth');
    expect(proxyHost(proxy('http://127.0.0.1:27901/'))).toBe('127.0.0.1:27901');
    expect(proxyHost(proxy('https://api:443'))).toBe('api');
    expect(proxyHost(proxy('https://api:80'))).toBe('api:80');
    expect(splitProxyUrl('HTTP://grp/x')).toEqual({ scheme: 'http', authority: 'grp', hostHeader: 'grp', uri: '/x' });
    expect(splitProxyUrl('http://unix:/run/app.sock:/api/')).toEqual({ scheme: 'http', authority: 'unix:/run/app.sock', hostHeader: 'localhost', uri: '/api/' });
  });

  it('sends an expanded URI part as it is when the URL has variables, and the raw target without one', () => {
    const withUri = { url: 'http://$t/x$uri', upstream: '$t', uri: '/x$uri', hasVariables: true };
    const bare = { url: 'http://$t', upstream: '$t', hasVariables: true };
    const c = ctx({ uri: '/e/z ', args: 'q=1', requestUri: '/e/z%20?q=1', named: { t: '127.0.0.5' } });
    const n = { uri: '/e/z ', args: 'q=1', raw: '/e/z%20?q=1', quoted: true };
    expect(mapProxyUri(withUri, loc('/e/'), n, { ctx: c })).toBe('/x/e/z ');
    expect(mapProxyUri(bare, loc('/f/'), n, { ctx: c })).toBe('/e/z%20?q=1');
    expect(proxyHost(bare, c)).toBe('127.0.0.5');
  });

  it('sees a "%" as quoting the path only when it comes before "?" or "#"', () => {
    const at = (requestUri: string) => normalizedFromContext(ctx({ requestUri })).quoted;
    expect(at('/a%20b')).toBe(true);
    expect(at('/a?b=%20')).toBe(false);
    expect(at('/a#%20')).toBe(false);
    expect(at('/a%20?b')).toBe(true);
    expect(at('/a#x?%20')).toBe(false);
    expect(at('/a?x#%20')).toBe(false);
  });

  it('gives $proxy_host from the URL each time, also for a URL asked about before', () => {
    expect(proxyHost(proxy('http://cached:8080/'))).toBe('cached:8080');
    expect(proxyHost(proxy('http://cached:8080/'))).toBe('cached:8080');
    expect(proxyHost({ url: 'ftp://x', upstream: 'fallback', hasVariables: false })).toBe('fallback');
    expect(proxyHost({ url: 'ftp://x', upstream: 'other', hasVariables: false })).toBe('other');
  });

  it('rebuilds the URI from $uri after an internal redirect', () => {
    const n = { uri: '/docs/index.html', args: 'a=1', raw: '/docs/?a=1', quoted: false };
    expect(mapProxyUri(proxy('http://up'), loc('= /docs/index.html'), n, { internal: true })).toBe('/docs/index.html?a=1');
  });
});
