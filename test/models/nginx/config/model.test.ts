/**
 * The NginxConfig built from valid configurations: upstream groups, implicit
 * upstreams, listens, server names, nested locations and what is not simulated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mustParse } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const k8s = (host: string): string[] | undefined =>
  ({
    localhost: ['127.0.0.1'],
    'auth-service': ['10.96.0.20'],
    'api-backend': ['10.96.0.30', '10.96.0.31'],
    'frontend-backend': ['10.96.0.40'],
    dual: ['fd00::1', '10.0.0.1'],
  })[host];

describe('upstream blocks', () => {
  it('keeps servers in order with nginx defaults for unset parameters', () => {
    const c = mustParse({ 'app.conf': fixture('course-upstream-backend.conf') }, 'app.conf');
    const [backend] = c.upstreams;
    expect(backend?.name).toBe('backend');
    expect(backend?.implicit).toBe(false);
    expect(backend?.method).toEqual({ kind: 'round_robin' });
    expect(backend?.servers.map((s) => s.addresses)).toEqual([['10.0.1.10:3000'], ['10.0.1.11:3000'], ['10.0.1.12:3000']]);
    expect(backend?.servers[0]).toMatchObject({ spec: '10.0.1.10:3000', weight: 1, maxFails: 1, failTimeoutMs: 10_000, maxConns: 0, backup: false, down: false });
  });

  it('reads max_fails and fail_timeout as the course notes write them', () => {
    const c = mustParse({ 'app.conf': fixture('course-max-fails.conf') }, 'app.conf');
    for (const s of c.upstreams[0]?.servers ?? []) expect(s).toMatchObject({ maxFails: 3, failTimeoutMs: 30_000 });
  });

  it('gives one address per IP when a server name resolves to several', () => {
    const c = mustParse('events {}\nhttp { upstream u { server api-backend:8080 weight=2; } }', 'nginx.conf', k8s);
    expect(c.upstreams[0]?.servers[0]).toMatchObject({ spec: 'api-backend:8080', addresses: ['10.96.0.30:8080', '10.96.0.31:8080'], weight: 2 });
  });

  it('lists IPv4 addresses before IPv6 ones, as nginx’s resolver does', () => {
    const c = mustParse('events {}\nhttp { upstream u { server dual; } }', 'nginx.conf', k8s);
    expect(c.upstreams[0]?.servers[0]?.addresses).toEqual(['10.0.0.1:80', '[fd00::1]:80']);
  });

  it('reads every balancing method with its options', () => {
    const methods = {
      'least_conn;': { kind: 'least_conn' },
      'ip_hash;': { kind: 'ip_hash' },
      'hash $request_uri;': { kind: 'hash', key: '$request_uri', consistent: false },
      'hash $remote_addr consistent;': { kind: 'hash', key: '$remote_addr', consistent: true },
      'random;': { kind: 'random', two: false, leastConn: false },
      'random two least_conn;': { kind: 'random', two: true, leastConn: true },
    };
    for (const [line, method] of Object.entries(methods)) {
      const c = mustParse(`events {}\nhttp { upstream u { ${line} server 10.0.0.1; } }`);
      expect(c.upstreams[0]?.method).toEqual(method);
    }
  });

  it('reads weight, max_conns, backup, down and zone', () => {
    const c = mustParse(
      'events {}\nhttp { upstream u { zone shared 64k; server 10.0.0.1 weight=5 max_conns=10; server 10.0.0.2 down; server 10.0.0.3 backup; } }',
    );
    const u = c.upstreams[0];
    expect(u?.zone).toBe('shared');
    expect(u?.servers.map((s) => [s.weight, s.maxConns, s.down, s.backup])).toEqual([
      [5, 10, false, false],
      [1, 0, true, false],
      [1, 0, false, true],
    ]);
  });
});

describe('implicit upstreams', () => {
  it('creates one from proxy_pass http://host:port, resolved once, named host:port', () => {
    const c = mustParse({ 'app.conf': fixture('course-proxy-localhost.conf') }, 'app.conf');
    expect(c.upstreams).toHaveLength(1);
    const u = c.upstreams[0];
    expect(u).toMatchObject({ name: 'localhost:3000', host: 'localhost', implicit: true });
    expect(u?.servers).toHaveLength(1);
    expect(u?.servers[0]).toMatchObject({ addresses: ['127.0.0.1:3000'], weight: 1, maxFails: 1, failTimeoutMs: 10_000 });
    expect(c.servers[0]?.locations[0]?.conf.proxyPass).toEqual({ url: 'http://localhost:3000', upstream: 'localhost:3000', hasVariables: false });
  });

  it('shares one group between proxy_pass URLs naming the same host and port', () => {
    const c = mustParse('events {}\nhttp { server { location /a { proxy_pass http://10.0.0.1; } location /b { proxy_pass http://10.0.0.1:80/x; } } }');
    expect(c.upstreams.map((u) => u.name)).toEqual(['10.0.0.1:80']);
  });

  it('keeps different ports of one host as different groups', () => {
    const c = mustParse('events {}\nhttp { server { location /a { proxy_pass http://10.0.0.1:1; } location /b { proxy_pass http://10.0.0.1:2; } } }');
    expect(c.upstreams.map((u) => u.name)).toEqual(['10.0.0.1:1', '10.0.0.1:2']);
  });

  it('uses an upstream block of that name instead, even one defined after the proxy_pass', () => {
    const c = mustParse('events {}\nhttp { server { location / { proxy_pass http://Auth/; } } upstream auth { server 10.0.0.9; } }');
    expect(c.upstreams).toHaveLength(1);
    expect(c.upstreams[0]).toMatchObject({ name: 'auth', implicit: false });
    expect(c.servers[0]?.locations[0]?.conf.proxyPass).toMatchObject({ upstream: 'auth', uri: '/' });
  });

  it('does not resolve a proxy_pass URL that has variables', () => {
    const c = mustParse('events {}\nhttp { server { location / { proxy_pass http://$host:8080; } } }', 'nginx.conf', () => {
      throw new Error('resolver called');
    });
    expect(c.upstreams).toEqual([]);
    expect(c.servers[0]?.locations[0]?.conf.proxyPass).toMatchObject({ hasVariables: true });
  });

  it('never asks the resolver about IP literals', () => {
    const asked: string[] = [];
    mustParse('events {}\nhttp { upstream u { server 10.0.0.1:80; server [::1]:81; } server { location / { proxy_pass http://10.0.0.2; } } }', 'nginx.conf', (h) => {
      asked.push(h);
      return undefined;
    });
    expect(asked).toEqual([]);
  });

  it('marks https URLs', () => {
    const c = mustParse('events {}\nhttp { server { location / { proxy_pass https://10.0.0.1; } } }');
    expect(c.servers[0]?.locations[0]?.conf.proxyPass).toMatchObject({ scheme: 'https', upstream: '10.0.0.1:443' });
  });
});

describe('servers and locations', () => {
  it('listens on *:80 when a server has no listen, with the empty server name', () => {
    const c = mustParse('events {}\nhttp { server { } }');
    expect(c.servers[0]?.listens).toEqual([{ addr: '*', port: 80, defaultServer: false }]);
    expect(c.servers[0]?.serverNames).toEqual(['']);
  });

  it('reads listen addresses, ports and default_server', () => {
    const c = mustParse('events {}\nhttp { server { listen 8080 default_server; listen 127.0.0.1:81; listen [::1]:82; listen *:83; } }');
    expect(c.servers[0]?.listens).toEqual([
      { addr: '*', port: 8080, defaultServer: true },
      { addr: '127.0.0.1', port: 81, defaultServer: false },
      { addr: '[::1]', port: 82, defaultServer: false },
      { addr: '*', port: 83, defaultServer: false },
    ]);
  });

  it('keeps server names as written, in order', () => {
    const c = mustParse('events {}\nhttp { server { server_name example.com *.example.com; server_name mail.* ~^api\\d+ "" _; } }');
    expect(c.servers[0]?.serverNames).toEqual(['example.com', '*.example.com', 'mail.*', '~^api\\d+', '', '_']);
  });

  it('splits location modifiers and nests locations', () => {
    const c = mustParse(
      'events {}\nhttp { server { location = / {} location ^~ /images/ {} location ~* \\.(gif|jpg)$ {} location /api/ { location ~ \\.json$ {} } location @fallback {} location =/x {} } }',
    );
    const locs = c.servers[0]?.locations ?? [];
    expect(locs.map((l) => [l.modifier, l.pattern])).toEqual([
      ['=', '/'],
      ['^~', '/images/'],
      ['~*', '\\.(gif|jpg)$'],
      ['', '/api/'],
      ['@', '@fallback'],
      ['=', '/x'],
    ]);
    expect(locs[3]?.locations.map((l) => [l.modifier, l.pattern])).toEqual([['~', '\\.json$']]);
  });

  it('places each block at the line of its opening brace', () => {
    const c = mustParse({ 'app.conf': 'server {\n  listen 80;\n  location /a\n  {\n  }\n}\n' }, 'app.conf');
    expect(c.servers[0]?.pos).toEqual({ file: 'app.conf', line: 1 });
    expect(c.servers[0]?.locations[0]?.pos).toEqual({ file: 'app.conf', line: 4 });
  });

  it('reads return with a code, a text or a URL', () => {
    const c = mustParse('events {}\nhttp { server { return 301 https://$host$request_uri; location /a { return 404; } location /b { return http://x/; } location /c { return 200 "ok"; } } }');
    const s = c.servers[0];
    expect(s?.conf.return).toEqual({ code: 301, text: 'https://$host$request_uri' });
    expect(s?.locations.map((l) => l.conf.return)).toEqual([{ code: 404 }, { code: 302, text: 'http://x/' }, { code: 200, text: 'ok' }]);
  });
});

describe('the Debian-style full configuration fixture', () => {
  const c = mustParse(fixture('debian-full.conf'));

  it('reads worker_processes, log formats, upstreams and servers', () => {
    expect(c.workerProcesses).toBe(1);
    expect(Object.keys(c.logFormats)).toEqual(['combined', 'upstreamlog']);
    expect(c.logFormats.upstreamlog).toContain('upstream=$upstream_addr upstream_status=$upstream_status');
    expect(c.upstreams.map((u) => [u.name, u.method.kind, u.zone])).toEqual([
      ['api', 'least_conn', 'api'],
      ['auth', 'round_robin', undefined],
    ]);
    expect(c.servers).toHaveLength(2);
  });

  it('lists what it does not simulate with file and line, and nothing it does', () => {
    const names = new Set(c.notSimulated.map((n) => n.directive));
    for (const d of ['user', 'pid', 'sendfile', 'gzip', 'map', 'limit_req_zone', 'keepalive', 'try_files', 'expires', 'error_page', 'add_header']) {
      expect(names.has(d)).toBe(true);
    }
    for (const d of ['proxy_pass', 'listen', 'server_name', 'location', 'upstream', 'return', 'proxy_set_header']) {
      expect(names.has(d)).toBe(false);
    }
    expect(c.notSimulated[0]).toEqual({ directive: 'user', file: 'nginx.conf', line: 1 });
    expect(c.notSimulated.find((n) => n.directive === 'try_files')).toEqual({ directive: 'try_files', file: 'nginx.conf', line: 107 });
  });
});

describe('fragments', () => {
  it('get Debian’s main settings: worker_processes auto and its access log', () => {
    const c = mustParse({ 'app.conf': fixture('course-auth.conf') }, 'app.conf', k8s);
    expect(c.workerProcesses).toBe('auto');
    expect(c.servers[0]?.conf.accessLog).toEqual([{ path: '/var/log/nginx/access.log', format: 'combined' }]);
    expect(c.servers[0]?.conf.errorLog).toEqual({ path: '/var/log/nginx/error.log', level: 'error' });
  });

  it('list only their own directives as not simulated, not Debian’s', () => {
    const c = mustParse({ 'app.conf': 'server { listen 80; gzip off; location / { try_files $uri =404; } }' }, 'app.conf');
    expect(c.notSimulated).toEqual([
      { directive: 'gzip', file: 'app.conf', line: 1 },
      { directive: 'try_files', file: 'app.conf', line: 1 },
    ]);
  });

  it('reads the course notes’ api/static/frontend example once its hosts resolve', () => {
    const c = mustParse({ 'app.conf': fixture('course-api-static.conf') }, 'app.conf', k8s);
    expect(c.upstreams.map((u) => [u.name, u.servers[0]?.addresses])).toEqual([
      ['api-backend:80', ['10.96.0.30:80', '10.96.0.31:80']],
      ['frontend-backend:80', ['10.96.0.40:80']],
    ]);
    expect(c.servers[0]?.locations[1]?.conf.root).toBe('/var/www');
  });
});

describe('not simulated directives', () => {
  it('includes everything inside if and limit_except blocks, even simulated names', () => {
    const c = mustParse('events {}\nhttp { server { location / {\nif ($host) {\nreturn 403;\n}\nlimit_except GET {\ndeny all;\n}\n} } }');
    expect(c.notSimulated.map((n) => [n.directive, n.line])).toEqual([
      ['if', 3],
      ['return', 4],
      ['limit_except', 6],
      ['deny', 7],
    ]);
    expect(c.servers[0]?.locations[0]?.conf.return).toBeUndefined();
  });
});
