/** Requests end to end through routeRequest, against what nginx 1.22.1 answered. */
import { describe, expect, it } from 'vitest';
import { locationLabel } from '../../../../src/models/nginx/routing/findLocation';
import { routeRequest } from '../../../../src/models/nginx/routing/routeRequest';
import type { IncomingRequest, RouteOutcome } from '../../../../src/models/nginx/routing/routeRequest';
import { conf, listen, loc, proxy, server } from './builders';
import { vector17 } from './fixtures';

const files = { '/srv/www/static/css/app.css': 'body{}' };

function request(target: string, over: Partial<IncomingRequest> = {}): IncomingRequest {
  return {
    method: 'GET',
    uri: target,
    httpVersion: 'HTTP/1.1',
    headers: [['Host', 'shop.example.com']],
    clientIp: '127.0.0.1',
    clientPort: 40000,
    localIp: '127.0.0.1',
    localPort: 80,
    ...over,
  };
}

/** A one-line summary: "200 file", "301 <Location>", "proxy <request line>", "respond 404". */
function summary(o: RouteOutcome): string {
  if (o.kind === 'refused') return 'refused';
  if (o.kind === 'proxy') return `proxy ${o.upstream.requestLine}`;
  const location = o.reply.headers.find(([k]) => k === 'Location')?.[1];
  return location !== undefined ? `${o.reply.status} ${location}` : `${o.reply.status} ${o.location ? locationLabel(o.location) : '-'}`;
}

describe('routeRequest on vector 17', () => {
  const route = (target: string, over: Partial<IncomingRequest> = {}): string => summary(routeRequest([vector17], request(target, over), { files }));

  it('serves /static/css/app.css from root and 404s a missing file', () => {
    const ok = routeRequest([vector17], request('/static/css/app.css'), { files });
    expect(ok.kind === 'respond' && ok.reply).toMatchObject({ status: 200, body: 'body{}' });
    const missing = routeRequest([vector17], request('/static/missing.css'), { files });
    expect(missing.kind === 'respond' && missing.reply.status).toBe(404);
    expect(missing.kind === 'respond' && missing.errorLog?.message).toBe('open() "/srv/www/static/missing.css" failed (2: No such file or directory)');
  });

  it('answers /auth with 301 to an absolute /auth/, keeping the arguments', () => {
    expect(route('/auth')).toBe('301 http://shop.example.com/auth/');
    const on27800 = { ...vector17, listens: [listen('127.0.0.1:27800')] };
    const at = (target: string, over: Partial<IncomingRequest>): string => summary(routeRequest([on27800], request(target, { localPort: 27800, ...over })));
    expect(at('/auth?x=1', { headers: [['Host', 'Shop.Example.com:9999']] })).toBe('301 http://shop.example.com:27800/auth/?x=1');
    expect(at('/auth', { headers: [], httpVersion: 'HTTP/1.0' })).toBe('301 http://127.0.0.1:27800/auth/');
  });

  it('hands proxied requests over with the upstream request line', () => {
    expect(route('/auth/login?next=/x')).toBe('proxy GET /login?next=/x HTTP/1.0');
    expect(route('/noslash/x')).toBe('proxy GET //x HTTP/1.0');
  });

  it('records each routing decision with a reason', () => {
    const o = routeRequest([vector17], request('/api/v2/users.json'), { files });
    if (o.kind === 'refused') throw new Error('refused');
    expect(o.decisions.map((d) => d.decision)).toEqual(['server shop.example.com', 'location ~ \\.json$', '404']);
    expect(o.decisions[1]?.why).toBe('longest prefix match "/api/", then regex "~ \\.json$" inside it matched');
  });

  it('answers 400 to a target climbing above the root and to HTTP/1.1 without Host', () => {
    expect(route('/%2e%2e/x')).toBe('400 -');
    expect(route('/', { headers: [] })).toBe('400 -');
    expect(route('/', { headers: [['Host', 'a'], ['Host', 'b']] })).toBe('400 -');
  });

  it('refuses a connection to a port nothing listens on', () => {
    expect(route('/', { localPort: 81 })).toBe('refused');
  });

  it('sends HEAD the headers without the body', () => {
    const o = routeRequest([vector17], request('/static/css/app.css', { method: 'HEAD' }), { files });
    expect(o.kind === 'respond' && o.reply).toMatchObject({ body: '', headers: [['Content-Type', 'text/css'], ['Content-Length', '6']] });
  });
});

describe('routeRequest internal redirects and returns', () => {
  const tree = { '/srv/www/idx/main.htm': 'other', '/srv/www/idx/index.html': 'idx', '/srv/www/docs/index.html': 'docs index' };

  it('re-runs location matching for an index file, which may land in a regex location', () => {
    // Observed: location /idx/ { index nope.html main.htm; } + location ~ \.htm$ { return 200 "htm-regex uri=$uri"; }
    const s = server({
      conf: { root: '/srv/www' },
      locations: [loc('/idx/', { root: '/srv/www', index: ['nope.html', 'main.htm'] }), loc('~ \\.htm$', { return: { code: 200, text: 'htm-regex uri=$uri' } })],
    });
    const o = routeRequest([s], request('/idx/'), { files: tree });
    expect(o.kind === 'respond' && o.reply.body).toBe('htm-regex uri=/idx/main.htm');
  });

  it('proxies an index file with the URI rebuilt from $uri', () => {
    const s = server({ locations: [loc('/docs/', { root: '/srv/www' }), loc('= /docs/index.html', { proxyPass: proxy('http://app') })] });
    const o = routeRequest([s], request('/docs/?a=1'), { files: tree });
    expect(summary(o)).toBe('proxy GET /docs/index.html?a=1 HTTP/1.0');
  });

  it('gives up with 500 after ten internal redirects', () => {
    const s = server({ locations: [loc('/', { root: '/srv/www', index: ['/loop/'] })] });
    const o = routeRequest([s], request('/'), { files: tree });
    expect(o.kind === 'respond' && o.reply.status).toBe(500);
    expect(o.kind === 'respond' && o.errorLog?.message).toContain('rewrite or internal redirection cycle');
  });

  it('runs a server-level return before any location', () => {
    const s = server({ conf: { return: { code: 301, text: 'https://$host$request_uri' } }, locations: [loc('/', { return: { code: 200, text: 'loc' } })] });
    expect(summary(routeRequest([s], request('/a?b', { headers: [['Host', 'h']] })))).toBe('301 https://h/a?b');
  });

  it('does not inherit a location return into a nested location', () => {
    const s = server({ conf: { root: '/srv/www' }, locations: [loc('/', { root: '/srv/www', return: { code: 200, text: 'outer' } }, [loc('/in/', { root: '/srv/www' })])] });
    expect(summary(routeRequest([s], request('/in/zz'), { files: tree }))).toBe('404 /in/');
  });

  it('keeps server_name captures through a prefix location, and a regex location replaces them', () => {
    // Observed: server_name ~^(\w+)\.cap\.test$; location ~ \.x$ printed 1=[]; location / printed 1=[bar].
    const s = server({
      names: ['~^(\\w+)\\.cap\\.test$'],
      locations: [loc('~ \\.x$', { return: { code: 200, text: '1=[$1]' } }), loc('/', { return: { code: 200, text: '1=[$1]' } })],
    });
    const body = (target: string): string => {
      const o = routeRequest([s], request(target, { headers: [['Host', 'bar.cap.test']] }));
      return o.kind === 'respond' ? o.reply.body : o.kind;
    };
    expect(body('/q')).toBe('1=[bar]');
    expect(body('/y.x')).toBe('1=[]');
  });

  it('serves the server root when no location matches', () => {
    const s = server({ conf: conf({ root: '/srv/www' }), locations: [loc('/api/', { return: { code: 200 } })] });
    const o = routeRequest([s], request('/docs/'), { files: tree });
    expect(o.kind === 'respond' && o.reply.body).toBe('docs index');
  });
});
