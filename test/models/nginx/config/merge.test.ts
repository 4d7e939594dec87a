/**
 * Inheritance of settings into servers and locations, with nginx's defaults,
 * as ngx_http_*_merge_loc_conf resolves it.
 */
import { describe, expect, it } from 'vitest';
import type { Conf } from '../../../../src/models/nginx/model';
import { mustParse } from './helpers';

/** The conf of the first location of the first server. */
function locConf(http: string, server = '', location = ''): Conf {
  const c = mustParse(`events {}\nhttp {\n${http}\nserver {\n${server}\nlocation /a/ {\n${location}\n}\n}\n}\n`);
  const conf = c.servers[0]?.locations[0]?.conf;
  if (!conf) throw new Error('no location');
  return conf;
}

describe('defaults', () => {
  it('applies nginx’s defaults where nothing is set', () => {
    const conf = locConf('');
    expect(conf).toEqual({
      root: 'html',
      index: ['index.html'],
      proxySetHeaders: [],
      proxyNextUpstream: ['error', 'timeout'],
      proxyNextUpstreamTries: 0,
      proxyNextUpstreamTimeoutMs: 0,
      proxyConnectTimeoutMs: 60_000,
      proxySendTimeoutMs: 60_000,
      proxyReadTimeoutMs: 60_000,
      accessLog: [{ path: '/var/log/nginx/access.log', format: 'combined' }],
      errorLog: { path: 'stderr', level: 'error' },
    });
  });

  it('takes the main error_log when no level sets one', () => {
    const c = mustParse('error_log /tmp/e.log warn;\nevents {}\nhttp { server { } }');
    expect(c.servers[0]?.conf.errorLog).toEqual({ path: '/tmp/e.log', level: 'warn' });
  });
});

describe('inheritance', () => {
  it('inherits scalar settings from http through server to location', () => {
    const conf = locConf('proxy_read_timeout 5s; proxy_connect_timeout 1m;', 'proxy_read_timeout 7s;');
    expect(conf.proxyReadTimeoutMs).toBe(7000);
    expect(conf.proxyConnectTimeoutMs).toBe(60_000);
  });

  it('reads durations with units, and bare numbers as seconds', () => {
    const conf = locConf('', '', 'proxy_read_timeout 500ms; proxy_send_timeout 90; proxy_connect_timeout 1m30s; proxy_next_upstream_timeout 1h;');
    expect([conf.proxyReadTimeoutMs, conf.proxySendTimeoutMs, conf.proxyConnectTimeoutMs, conf.proxyNextUpstreamTimeoutMs]).toEqual([
      500, 90_000, 90_000, 3_600_000,
    ]);
  });

  it('inherits proxy_set_header only when the level defines none', () => {
    const http = 'proxy_set_header Host $host; proxy_set_header X-Real-IP $remote_addr;';
    expect(locConf(http).proxySetHeaders).toEqual([
      ['Host', '$host'],
      ['X-Real-IP', '$remote_addr'],
    ]);
    expect(locConf(http, '', 'proxy_set_header X-A 1;').proxySetHeaders).toEqual([['X-A', '1']]);
  });

  it('treats access_log the same way, and lets off stop inheritance', () => {
    const http = 'access_log /tmp/a.log; access_log /tmp/b.log combined;';
    expect(locConf(http).accessLog).toEqual([
      { path: '/tmp/a.log', format: 'combined' },
      { path: '/tmp/b.log', format: 'combined' },
    ]);
    expect(locConf(http, 'access_log /tmp/s.log;').accessLog).toEqual([{ path: '/tmp/s.log', format: 'combined' }]);
    expect(locConf(http, 'access_log off;').accessLog).toBe('off');
    expect(locConf('access_log off;', '', 'access_log /tmp/l.log;').accessLog).toEqual([{ path: '/tmp/l.log', format: 'combined' }]);
  });

  it('adds up several index lines at one level and replaces them below', () => {
    expect(locConf('index a.html; index b.html c.html;').index).toEqual(['a.html', 'b.html', 'c.html']);
    expect(locConf('index a.html;', 'index s.html;').index).toEqual(['s.html']);
  });

  it('merges proxy_next_upstream lines of one level and keeps off alone', () => {
    expect(locConf('', '', 'proxy_next_upstream http_502 error; proxy_next_upstream timeout;').proxyNextUpstream).toEqual([
      'error',
      'timeout',
      'http_502',
    ]);
    expect(locConf('proxy_next_upstream error off;').proxyNextUpstream).toEqual(['off']);
  });

  it('inherits root, drops one trailing slash, and lets alias replace it', () => {
    expect(locConf('root /var/www/;').root).toBe('/var/www');
    const conf = locConf('root /var/www;', '', 'alias /srv/a/;');
    expect(conf.alias).toBe('/srv/a/');
  });

  it('carries alias into a nested location, as nginx does', () => {
    const c = mustParse('events {}\nhttp { server { location /a/ { alias /srv/; location /a/b/ { } } } }');
    expect(c.servers[0]?.locations[0]?.locations[0]?.conf.alias).toBe('/srv/');
  });

  it('does not inherit proxy_pass or return into nested locations', () => {
    const c = mustParse('events {}\nhttp { server { location /a/ { proxy_pass http://10.0.0.1; return 403; location /a/b/ { } } } }');
    const nested = c.servers[0]?.locations[0]?.locations[0]?.conf;
    expect(nested?.proxyPass).toBeUndefined();
    expect(nested?.return).toBeUndefined();
  });

  it('keeps a server-level return on the server only', () => {
    const c = mustParse('events {}\nhttp { server { return 404; location / { } } }');
    expect(c.servers[0]?.conf.return).toEqual({ code: 404 });
    expect(c.servers[0]?.locations[0]?.conf.return).toBeUndefined();
  });

  it('ignores settings made inside if blocks', () => {
    const conf = locConf('', '', 'if ($host) { root /x; proxy_pass http://10.0.0.1; }');
    expect(conf.root).toBe('html');
    expect(conf.proxyPass).toBeUndefined();
  });
});
