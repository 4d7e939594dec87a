import { describe, expect, it } from 'vitest';
import { FakeHost, NLB, runLine } from './fixture';

const BAD_GATEWAY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

function answer502(host: FakeHost): void {
  host.answer({
    kind: 'response',
    requestId: 'terminal#1',
    httpVersion: 'HTTP/1.1',
    status: 502,
    reason: 'Bad Gateway',
    headers: [
      ['Server', 'nginx/1.22.1'],
      ['Date', 'Mon, 01 Jan 2024 00:05:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(BAD_GATEWAY.length)],
      ['Connection', 'close'],
    ],
    body: BAD_GATEWAY,
    servedBy: 'web-7c5ddbdf54-x2x9z',
  });
}

describe('curl', () => {
  it('sends a real request and waits for the simulation to answer it', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl -v http://www.example.com/auth/login');
    expect(r.execution.done).toBe(false);
    expect(host.calls).toEqual([
      {
        from: 'machine',
        connectIp: '52.18.0.10',
        connectPort: 80,
        method: 'GET',
        target: '/auth/login',
        headers: [
          ['Host', 'www.example.com'],
          ['User-Agent', 'curl/7.88.1'],
          ['Accept', '*/*'],
        ],
      },
    ]);
    answer502(host);
    expect(r.execution.done).toBe(true);
    expect(r.code).toBe(0);
  });

  it('prints the connection, the request and response heads, the body and the hops, as curl -v does', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl -v http://www.example.com/auth/login');
    answer502(host);
    expect(r.all).toBe(
      [
        '*   Trying 52.18.0.10:80...',
        '* Connected to www.example.com (52.18.0.10) port 80 (#0)',
        '> GET /auth/login HTTP/1.1',
        '> Host: www.example.com',
        '> User-Agent: curl/7.88.1',
        '> Accept: */*',
        '> ',
        '< HTTP/1.1 502 Bad Gateway',
        '< Server: nginx/1.22.1',
        '< Date: Mon, 01 Jan 2024 00:05:00 GMT',
        '< Content-Type: text/html',
        `< Content-Length: ${BAD_GATEWAY.length}`,
        '< Connection: close',
        '< ',
        `${BAD_GATEWAY}* Closing connection 0`,
        '* [trafficlab] request terminal#1: laptop → nlb-eu-west-1a → web-7c5ddbdf54-x2x9z',
        '* [trafficlab] answered by web-7c5ddbdf54-x2x9z: 502 Bad Gateway',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe(BAD_GATEWAY);
  });

  it('sends the Host header given with -H to the address in the URL', () => {
    const host = new FakeHost();
    runLine(host, "curl -s -H 'Host: www.example.com' http://52.18.0.11/");
    expect(host.calls[0]?.connectIp).toBe('52.18.0.11');
    expect(host.calls[0]?.headers[0]).toEqual(['Host', 'www.example.com']);
  });

  it('connects to the address pinned with --resolve and says it found it in the DNS cache', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl -v --resolve www.example.com:80:52.18.0.11 http://www.example.com/');
    expect(host.calls[0]?.connectIp).toBe('52.18.0.11');
    expect(r.stderr).toBe('* Added www.example.com:80:52.18.0.11 to DNS cache\n* Hostname www.example.com was found in DNS cache\n*   Trying 52.18.0.11:80...\n');
  });

  it('goes through a forward proxy with -x, with the absolute URL on the request line', () => {
    const host = new FakeHost();
    host.addresses['proxy.corp'] = ['10.9.0.5'];
    const r = runLine(host, 'curl -v -x http://proxy.corp:3128 http://www.example.com/');
    expect(host.calls[0]).toMatchObject({ connectIp: '10.9.0.5', connectPort: 3128, target: 'http://www.example.com/' });
    host.answer({ kind: 'response', requestId: 'terminal#2', httpVersion: 'HTTP/1.1', status: 200, reason: 'OK', headers: [], body: 'ok\n' });
    expect(r.stderr).toContain('* Connected to proxy.corp (10.9.0.5) port 3128 (#0)\n> GET http://www.example.com/ HTTP/1.1\n');
    expect(r.stderr).toContain('> Proxy-Connection: Keep-Alive\n');
    expect(r.stderr).toContain('* Connection #0 to host proxy.corp left intact\n');
  });

  it('tries the next address when one refuses, then fails with exit 7 when all do', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl -v http://www.example.com/');
    host.t += 3;
    host.answer({ kind: 'failure', requestId: 'terminal#1', failure: 'refused' }, false);
    expect(host.calls.map((c) => c.connectIp)).toEqual(['52.18.0.10', '52.18.0.11']);
    host.answer({ kind: 'failure', requestId: 'terminal#2', failure: 'refused', why: 'nothing listens on port 80' }, false);
    expect(r.stderr).toBe(
      [
        '*   Trying 52.18.0.10:80...',
        '* connect to 52.18.0.10 port 80 failed: Connection refused',
        '*   Trying 52.18.0.11:80...',
        '* connect to 52.18.0.11 port 80 failed: Connection refused',
        '* [trafficlab] no answer: nothing listens on port 80',
        "* Failed to connect to www.example.com port 80 after 3 ms: Couldn't connect to server",
        '* Closing connection 0',
        "curl: (7) Failed to connect to www.example.com port 80 after 3 ms: Couldn't connect to server",
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(7);
  });

  it.each([
    ['reset', 56, 'curl: (56) Recv failure: Connection reset by peer\n'],
    ['empty', 52, 'curl: (52) Empty reply from server\n'],
  ] as const)('reports a %s connection with exit %i', (failure, code, message) => {
    const host = new FakeHost();
    const r = runLine(host, `curl http://${NLB}/`);
    host.answer({ kind: 'failure', requestId: 'terminal#1', failure });
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(code);
  });

  it('cannot resolve an unknown host (exit 6), and says nothing with -s', () => {
    expect(runLine(new FakeHost(), 'curl http://nope.example.com/').stderr).toBe('curl: (6) Could not resolve host: nope.example.com\n');
    const silent = runLine(new FakeHost(), 'curl -s http://nope.example.com/');
    expect(silent.stderr).toBe('');
    expect(silent.code).toBe(6);
  });

  it('prints only the status code with -s -o /dev/null -w', () => {
    const host = new FakeHost();
    const r = runLine(host, "curl -s -o /dev/null -w '%{http_code}\\n' http://www.example.com/");
    answer502(host);
    expect(r.stdout).toBe('502\n');
  });

  it('fails with exit 22 and no body on an error status with -f', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl -f http://www.example.com/');
    answer502(host);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('curl: (22) The requested URL returned error: 502\n');
    expect(r.code).toBe(22);
  });

  it('abandons the request on Ctrl-C with exit 130', () => {
    const host = new FakeHost();
    const r = runLine(host, 'curl http://www.example.com/');
    r.execution.interrupt();
    expect(r.code).toBe(130);
    answer502(host);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['curl --foo http://x/', "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -H', "curl: option -H: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -v', "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl ftp://x/', 'curl: (1) Protocol "ftp" not supported or disabled in libcurl\n', 1],
  ])('%s → curl\'s own message', (line, message, code) => {
    const r = runLine(new FakeHost(), line);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(code);
  });
});
