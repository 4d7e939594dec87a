import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServerBlock } from '../../../../src/models/nginx/model';
import { selectServer } from '../../../../src/models/nginx/routing/selectServer';
import { server } from './builders';

const at = { localAddr: '127.0.0.1', localPort: 80 };

/** Vector 19's servers, in config order. */
const S1 = server({ listen: ['80'], names: ['first.example'] });
const S2 = server({ listen: ['80 default_server'], names: [] });
const S3 = server({ listen: ['80'], names: ['*.example.com'] });
const S4 = server({ listen: ['80'], names: ['www.example.com'] });
const S5 = server({ listen: ['80'], names: ['~^api(\\d+)\\.example\\.org$'] });
const S6 = server({ listen: ['80'], names: ['mail.*'] });
const vector19 = [S1, S2, S3, S4, S5, S6];
const names = new Map<ServerBlock, string>(vector19.map((s, i) => [s, `S${i + 1}`]));

function pick(servers: ServerBlock[], host: string | undefined, httpVersion: '1.0' | '1.1' = '1.1'): string {
  const r = selectServer(servers, { ...at, httpVersion, ...(host === undefined ? {} : { host }) });
  if (r.kind === 'no-listener') return 'refused';
  if (r.kind === 'bad-request') return `400 via ${names.get(r.server) ?? '?'}`;
  return names.get(r.server) ?? '?';
}

describe('vector 19: server_name', () => {
  const table: [string, string][] = [
    ['www.example.com', 'S4'],
    ['WWW.EXAMPLE.COM', 'S4'],
    ['www.example.com:8080', 'S4'],
    ['www.example.com.', 'S4'],
    ['a.example.com', 'S3'],
    ['example.com', 'S2'],
    ['api12.example.org', 'S5'],
    ['api.example.org', 'S2'],
    ['mail.foo.net', 'S6'],
    ['mail', 'S2'],
    ['unknown.test', 'S2'],
  ];
  it.each(table)('sends Host %s to %s', (host, expected) => {
    expect(pick(vector19, host)).toBe(expected);
  });

  it('sends an HTTP/1.0 request without Host to the default server', () => {
    expect(pick(vector19, undefined, '1.0')).toBe('S2');
  });

  it('answers 400 to HTTP/1.1 without Host, from the default server', () => {
    expect(pick(vector19, undefined, '1.1')).toBe('400 via S2');
  });

  it('sends an unknown host to the first server when none is default_server', () => {
    expect(pick([S1, S3, S4], 'unknown.test')).toBe('S1');
  });

  it('answers 400 to a Host nginx rejects', () => {
    for (const bad of ['', 'a..b', 'a/b', 'a b']) expect(pick(vector19, bad)).toBe('400 via S2');
  });

  it('returns the captures of a regex server_name', () => {
    const r = selectServer(vector19, { ...at, host: 'api12.example.org', httpVersion: '1.1' });
    expect(r.kind === 'server' && r.captures).toEqual(['api12.example.org', '12']);
  });

  it('says why the default server answered', () => {
    const r = selectServer(vector19, { ...at, host: 'unknown.test', httpVersion: '1.1' });
    expect(r.why).toBe('no server_name on *:80 matches Host "unknown.test": the default_server of *:80 answers');
  });
});

describe('selectServer name rules', () => {
  it('prefers the longest leading wildcard, and .name matches the bare name too', () => {
    const wide = server({ names: ['*.example.com'] });
    const deep = server({ names: ['*.deep.example.com', '.dot.example.net'] });
    names.set(wide, 'wide').set(deep, 'deep');
    expect(pick([wide, deep], 'a.b.deep.example.com')).toBe('deep');
    expect(pick([wide, deep], 'deep.example.com')).toBe('wide');
    expect(pick([wide, deep], 'dot.example.net')).toBe('deep');
    expect(pick([wide, deep], 'x.dot.example.net')).toBe('deep');
  });

  it('treats .example.com as the exact name example.com too, where the first server to claim a name keeps it', () => {
    // Observed: nginx warned "conflicting server name" for the later exact and *. names and sent both hosts to DOT.
    const dot = server({ names: ['.example.com'] });
    const exact = server({ names: ['example.com'] });
    const star = server({ names: ['*.example.com'] });
    names.set(dot, 'dot').set(exact, 'exact').set(star, 'star');
    expect(pick([dot, exact, star], 'example.com')).toBe('dot');
    expect(pick([dot, exact, star], 'a.example.com')).toBe('dot');
    expect(pick([exact, dot], 'example.com')).toBe('exact');
  });

  it('prefers the longest trailing wildcard', () => {
    const mail = server({ names: ['mail.*'] });
    const mailFoo = server({ names: ['mail.foo.*'] });
    names.set(mail, 'mail').set(mailFoo, 'mail.foo');
    expect(pick([mail, mailFoo], 'mail.foo.bar.baz')).toBe('mail.foo');
    expect(pick([mail, mailFoo], 'mail.bar')).toBe('mail');
  });

  it('prefers an exact name over an earlier wildcard and a leading wildcard over a trailing one', () => {
    const head = server({ names: ['*.example.com'] });
    const tail = server({ names: ['www.*'] });
    const exact = server({ names: ['www.example.com'] });
    names.set(head, 'head').set(tail, 'tail').set(exact, 'exact');
    expect(pick([tail, head, exact], 'www.example.com')).toBe('exact');
    expect(pick([tail, head], 'www.example.com')).toBe('head');
  });

  it('tries regexes in config order, case-sensitively unless (?i)', () => {
    const upper = server({ names: ['~^(?i)UPPER\\.test$'] });
    const www = server({ names: ['~^www\\.'] });
    const www2 = server({ names: ['~^www\\.other'] });
    names.set(upper, 'upper').set(www, 'www').set(www2, 'www2');
    expect(pick([upper, www, www2], 'upper.test')).toBe('upper');
    expect(pick([upper, www, www2], 'www.other')).toBe('www');
  });

  it('lets server_name "" catch requests without Host even on a non-default server', () => {
    const named = server({ names: ['named.test'] });
    const empty = server({ names: [''] });
    names.set(named, 'named').set(empty, 'empty');
    expect(pick([named, empty], undefined, '1.0')).toBe('empty');
    expect(pick([named, empty], 'other')).toBe('named');
  });
});

describe('selectServer listen sockets', () => {
  // Checked on nginx 1.22.1: listen 27821 (server w), listen 127.0.0.2:27821 (servers x, then w).
  const W = server({ listen: ['27821'], names: ['w'] });
  const X = server({ listen: ['127.0.0.2:27821'], names: ['x'] });
  const X2 = server({ listen: ['127.0.0.2:27821'], names: ['w'] });
  names.set(W, 'W').set(X, 'X').set(X2, 'X2');
  const all = [W, X, X2];
  const on = (localAddr: string, host: string): string => {
    const r = selectServer(all, { localAddr, localPort: 27821, host, httpVersion: '1.1' });
    return r.kind === 'server' ? (names.get(r.server) ?? '?') : r.kind;
  };

  it('gives a specific address:port listen its own connections, name matching only among them', () => {
    expect(on('127.0.0.2', 'w')).toBe('X2');
    expect(on('127.0.0.2', 'nope')).toBe('X');
  });

  it('leaves every other address to the *:port servers', () => {
    expect(on('127.0.0.1', 'x')).toBe('W');
    expect(on('127.0.0.3', 'w')).toBe('W');
  });

  it('refuses a port nothing listens on', () => {
    expect(selectServer(all, { localAddr: '127.0.0.1', localPort: 81, httpVersion: '1.1', host: 'w' }).kind).toBe('no-listener');
  });

  it('keeps IPv4 wildcards away from IPv6 connections', () => {
    const v6 = server({ listen: ['[::]:80'], names: ['six'] });
    const v4 = server({ listen: ['80'], names: ['four'] });
    names.set(v6, 'v6').set(v4, 'v4');
    const r = selectServer([v4, v6], { localAddr: '::1', localPort: 80, host: 'four', httpVersion: '1.1' });
    expect(r.kind === 'server' && names.get(r.server)).toBe('v6');
  });

  it('always picks a server that listens on the socket, whatever the Host', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('127.0.0.1', '127.0.0.2'), (host, addr) => {
        const r = selectServer(all, { localAddr: addr, localPort: 27821, host, httpVersion: '1.1' });
        if (r.kind === 'no-listener') throw new Error('a listener exists');
        const expected = addr === '127.0.0.2' ? [X, X2] : [W];
        expect(expected).toContain(r.server);
      }),
    );
  });
});

describe('repeated queries', () => {
  it('answers a query that differs from the one before it on its own terms', () => {
    expect(pick(vector19, 'www.example.com')).toBe('S4');
    expect(pick(vector19, 'www.example.com')).toBe('S4');
    expect(pick(vector19, 'a.example.com')).toBe('S3');
    expect(pick(vector19, undefined, '1.0')).toBe('S2');
    expect(pick(vector19, undefined, '1.1')).toBe('400 via S2');
  });

  it('does not take an empty Host for a missing one', () => {
    const why = (host: string | undefined) => selectServer(vector19, { ...at, httpVersion: '1.1', ...(host === undefined ? {} : { host }) }).why;
    expect(why(undefined)).toBe('client sent HTTP/1.1 request without "Host" header');
    expect(why('')).toBe('client sent invalid host header ""');
    expect(why(undefined)).toBe('client sent HTTP/1.1 request without "Host" header');
  });

  it('is not misled when the caller changes its query object after asking', () => {
    const query = { ...at, httpVersion: '1.1' as const, host: 'www.example.com' };
    const first = selectServer(vector19, query);
    query.host = 'a.example.com';
    const second = selectServer(vector19, query);
    expect(first.kind === 'server' && names.get(first.server)).toBe('S4');
    expect(second.kind === 'server' && names.get(second.server)).toBe('S3');
  });
});
