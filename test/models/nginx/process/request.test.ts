import { describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../../src/sim';
import { world } from './world';

describe('a request through the phases', () => {
  it('answers a server-level return before any location is searched', () => {
    const w = world(`server {\n listen 80;\n return 302 /moved;\n location / { return 200; }\n}\n`, {});
    const [r] = w.sequential(1, '/a');
    expect(r?.status).toBe(302);
    expect(r?.headers).toContainEqual(['Location', 'http://example.com/moved']);
  });

  it('serves a directory through its index file by an internal redirect, and 404s a missing file', () => {
    const files = { '/srv/site/index.html': '<h1>hi</h1>', '/srv/site/a.css': 'x{}' };
    const w = world(`server {\n listen 80;\n root /srv/site;\n}\n`, {}, { files });
    const [dir, css, missing] = [w.sequential(1, '/')[0], w.sequential(1, '/a.css')[0], w.sequential(1, '/b.css')[0]];
    expect(dir).toMatchObject({ status: 200, body: '<h1>hi</h1>' });
    expect(css?.headers).toContainEqual(['Content-Type', 'text/css']);
    expect(missing?.status).toBe(404);
    expect(w.logLines('/var/log/nginx/error.log').pop()).toContain('open() "/srv/site/b.css" failed (2: No such file or directory), client: 127.0.0.1');
  });

  it('refuses an HTTP/1.1 request without Host with 400 from the default server', () => {
    const w = world(`server {\n listen 80;\n location / { return 200; }\n}\n`, {});
    const out: number[] = [];
    w.nginx.handle(
      { id: 'x', method: 'GET', uri: '/', httpVersion: 'HTTP/1.1', headers: [], clientIp: '127.0.0.1', clientPort: 1, localIp: '127.0.0.1', localPort: 80 },
      (r) => out.push(r.status),
    );
    expect(out).toEqual([400]);
  });

  it('answers 400 for a URI climbing above the root', () => {
    const w = world(`server {\n listen 80;\n location / { return 200; }\n}\n`, {});
    expect(w.sequential(1, '/../etc/passwd')[0]?.status).toBe(400);
  });

  it('gives the client no response at all for return 444, but logs 444', () => {
    const w = world(`server {\n listen 80;\n location / { return 444; }\n}\n`, {});
    expect(w.sequential(1)[0]?.status).toBe(0);
    expect(w.logLines('/var/log/nginx/access.log')[0]).toContain('"GET / HTTP/1.1" 444 0');
  });

  it('refuses a connection to a port nothing listens on', () => {
    const w = world(`server {\n listen 8080;\n}\n`, {});
    const out: number[] = [];
    w.nginx.handle({ id: 'x', method: 'GET', uri: '/', httpVersion: 'HTTP/1.1', headers: [['Host', 'a']], clientIp: '127.0.0.1', clientPort: 1, localIp: '127.0.0.1', localPort: 81 }, (r) =>
      out.push(r.status),
    );
    expect(out).toEqual([0]);
  });

  it('sends the mapped URI upstream and reports it as upstreamUri', () => {
    const w = world(`server {\n listen 80;\n location /api/ { proxy_pass http://10.0.0.1:80/v2/; }\n}\n`, { '10.0.0.1:80': { kind: 'respond', status: 200 } });
    expect(w.sequential(1, '/api/users?x=1')[0]?.upstreamUri).toBe('/v2/users?x=1');
    expect(w.network.reads).toEqual(['10.0.0.1:80 GET /v2/users?x=1']);
  });

  it('produces a byte-identical trace for the same input', () => {
    const run = (): string => {
      const w = world(`upstream u { random two; server 10.0.0.1:80; server 10.0.0.2:80; server 10.0.0.3:80; }\nserver {\n listen 80;\n location / { proxy_pass http://u; }\n}\n`, {
        '10.0.0.1:80': { kind: 'respond', status: 200 },
        '10.0.0.2:80': { kind: 'hang' },
        '10.0.0.3:80': { kind: 'respond', status: 500, delayMs: 30 },
      });
      w.sequential(20);
      return w.trace.records().map(toJsonLine).join('\n');
    };
    const first = run();
    expect(first.length).toBeGreaterThan(1000);
    expect(run()).toBe(first);
  });
});
