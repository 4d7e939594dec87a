import { describe, expect, it } from 'vitest';
import { errorLine } from '../../../../src/models/nginx/process';
import { world } from './world';

const A = '10.0.0.1:80';

describe('nginx logs in the trace', () => {
  it('writes a combined access-log line by default, timestamped from the virtual clock', () => {
    const w = world(`server {\n listen 80;\n server_name example.com;\n location / { return 204; }\n}\n`, {});
    w.engine.runUntil(5000);
    w.sequential(1, '/x?y=1');
    expect(w.logLines('/var/log/nginx/access.log')).toEqual(['127.0.0.1 - - [01/Jan/2024:00:00:05 +0000] "GET /x?y=1 HTTP/1.1" 204 0 "-" "-"']);
  });

  it('uses the log_format named by access_log, with the upstream variables', () => {
    const w = world(
      `log_format up '$status $upstream_addr $upstream_status';\nupstream u { server 10.0.0.9:80; server ${A}; }\nserver {\n listen 80;\n access_log /tmp/up.log up;\n location / { proxy_pass http://u; }\n}\n`,
      { [A]: { kind: 'respond', status: 200 } },
    );
    w.sequential(1);
    expect(w.logLines('/tmp/up.log')).toEqual([`200 10.0.0.9:80, ${A} 502, 200`]);
  });

  it('writes nothing for access_log off', () => {
    const w = world(`server {\n listen 80;\n access_log off;\n location / { return 200; }\n}\n`, {});
    w.sequential(1);
    expect(w.logLines().filter((l) => l.includes('"GET /'))).toEqual([]);
  });

  it('leaves out warn lines at the default error level and writes them at error_log … warn', () => {
    const conf = (level: string): string =>
      `upstream u { server 10.0.0.9:80; server ${A}; }\nserver {\n listen 80;\n server_name example.com;\n${level}\n location / { proxy_pass http://u; }\n}\n`;
    const quiet = world(conf(''), { [A]: { kind: 'respond', status: 200 } });
    quiet.sequential(1);
    expect(quiet.logLines().some((l) => l.includes('[warn]'))).toBe(false);
    const loud = world(conf('error_log /tmp/e.log warn;'), { [A]: { kind: 'respond', status: 200 } });
    loud.sequential(1);
    expect(loud.logLines('/tmp/e.log').map((l) => l.replace(/^.*?\*\d+ /, ''))).toEqual([
      'connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.0.9:80/", host: "example.com"',
      'upstream server temporarily disabled while connecting to upstream, client: 127.0.0.1, server: example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.0.9:80/", host: "example.com"',
    ]);
  });

  it('logs "no live upstreams" with the group name as the upstream', () => {
    const w = world(`upstream pool { server 10.0.0.8:80; server 10.0.0.9:80; }\nserver {\n listen 80;\n server_name example.com;\n location /api/ { proxy_pass http://pool; }\n}\n`, {});
    const rs = w.sequential(2, '/api/x');
    expect(rs[1]).toMatchObject({ status: 502, upstreamAddr: 'pool', upstreamStatus: '502' });
    expect(w.logLines('/var/log/nginx/error.log').pop()).toMatch(/\*\d+ no live upstreams while connecting to upstream, client: 127\.0\.0\.1, server: example\.com, request: "GET \/api\/x HTTP\/1\.1", upstream: "http:\/\/pool\/api\/x", host: "example\.com"$/);
  });

  it('formats the error-log prefix as nginx does: date, level, pid#tid, connection', () => {
    expect(errorLine(Date.UTC(2024, 1, 3, 4, 5, 6), 'error', 'boom', 'doing x', { pid: 7, connection: 3, clientIp: '1.2.3.4', serverName: '' })).toBe(
      '2024/02/03 04:05:06 [error] 7#7: *3 boom while doing x, client: 1.2.3.4, server: ',
    );
  });
});
