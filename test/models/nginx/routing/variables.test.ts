import { describe, expect, it } from 'vitest';
import { expandVariables, parseTemplate, templateError } from '../../../../src/models/nginx/routing/template';
import { lookupVariable } from '../../../../src/models/nginx/routing/variables';
import { ctx } from './builders';

// Observed on nginx 1.22.1: GET /vars/?a=1&b=x%20y&A=2 HTTP/1.1 with Host "WWW.Foo.com.:81",
// User-Agent "UA" and two X-Forwarded-For fields, on server shop.example.com at 127.0.0.1:27800.
const observed = ctx({
  requestUri: '/vars/?a=1&b=x%20y&A=2',
  uri: '/vars/',
  args: 'a=1&b=x%20y&A=2',
  host: 'www.foo.com',
  serverName: 'shop.example.com',
  serverPort: 27800,
  remotePort: 40106,
  headers: [
    ['Host', 'WWW.Foo.com.:81'],
    ['User-Agent', 'UA'],
    ['X-Forwarded-For', '1.1.1.1'],
    ['X-Forwarded-For', '2.2.2.2'],
  ],
  status: 200,
});

describe('expandVariables', () => {
  it('expands the variables as nginx 1.22.1 did for the same request', () => {
    const t =
      'host=$host sn=$server_name sa=$server_addr sp=$server_port rp=[$remote_port] scheme=$scheme m=$request_method ' +
      'arg_a=[$arg_a] arg_B=[$arg_B] ua=[$http_user_agent] xf=[$http_x_forwarded_for] pah=[$proxy_add_x_forwarded_for] ' +
      'ph=[$proxy_host] req=[$request] st=[$status]';
    expect(expandVariables(t, observed)).toBe(
      'host=www.foo.com sn=shop.example.com sa=127.0.0.1 sp=27800 rp=[40106] scheme=http m=GET arg_a=[1] arg_B=[x%20y] ' +
        'ua=[UA] xf=[1.1.1.1, 2.2.2.2] pah=[1.1.1.1, 2.2.2.2, 127.0.0.1] ph=[] req=[GET /vars/?a=1&b=x%20y&A=2 HTTP/1.1] st=[200]',
    );
  });

  it('falls back to server_name for $host when the request had no Host', () => {
    expect(expandVariables('$host', ctx({ serverName: 'shop.example.com' }))).toBe('shop.example.com');
  });

  it('gives $uri, $args, $is_args, $request_uri and $query_string', () => {
    const c = ctx({ requestUri: '/a/../b?x=1', uri: '/b', args: 'x=1' });
    expect(expandVariables('$uri|$document_uri|$args|$query_string|$is_args|$request_uri', c)).toBe('/b|/b|x=1|x=1|?|/a/../b?x=1');
    expect(expandVariables('[$args][$is_args]', ctx())).toBe('[][]');
  });

  it('reads captures one digit at a time, with unset groups empty', () => {
    const c = ctx({ captures: ['/ab', 'a', ''] });
    expect(expandVariables('1=$1 2=[$2] 10=$10 1x=$1x 9=[$9]', c)).toBe('1=a 2=[] 10=a0 1x=ax 9=[]');
  });

  it('treats variable names without regard to case and supports ${name}', () => {
    const c = ctx({ host: 'h.test' });
    expect(expandVariables('$HOST ${host}x', c)).toBe('h.test h.testx');
  });

  it('reads named captures, cookies and response headers', () => {
    const c = ctx({
      named: { sub: 'foo' },
      headers: [['Cookie', 'a=1; session=xyz'], ['cookie', 'b=2']],
      responseHeaders: [['X-Cache', 'HIT']],
    });
    expect(expandVariables('$sub $cookie_session $cookie_B $sent_http_x_cache $http_cookie', c)).toBe('foo xyz 2 HIT a=1; session=xyz; b=2');
  });

  it('ignores header fields with "_" in the name, as nginx does by default', () => {
    const c = ctx({ headers: [['X_Y', 'under'], ['X-Y-Z', 'dash']] });
    expect(expandVariables('[$http_x_y][$http_x_y_z]', c)).toBe('[][dash]');
  });

  it('computes $request_time and $msec from virtual time', () => {
    const c = ctx({ startMs: 1_795_770_000_000, nowMs: 1_795_770_001_234 });
    expect(expandVariables('$request_time $msec', c)).toBe('1.234 1795770001.234');
  });

  it('pads $status to three digits', () => {
    expect(lookupVariable('status', ctx())).toBe('000');
  });

  it('reports a missing value as not found rather than empty', () => {
    expect(lookupVariable('http_referer', ctx())).toBeUndefined();
    expect(lookupVariable('args', ctx())).toBeUndefined();
    expect(lookupVariable('is_args', ctx())).toBe('');
    expect(lookupVariable('no_such_variable', ctx())).toBeUndefined();
  });
});

describe('templateError', () => {
  // The messages nginx -t printed for `return 200 '<template>'` (inside a regex location).
  const table: [string, string | undefined][] = [
    ['$foo', 'unknown "foo" variable'],
    ['a$', 'invalid variable name'],
    ['a$ b', 'invalid variable name'],
    ['$0', 'unknown "0" variable'],
    ['$10', undefined],
    ['${1}0', 'unknown "1" variable'],
    ['${foo', 'the closing bracket in "foo" variable is missing'],
    ['${}', 'invalid variable name'],
    ['$arg_', undefined],
    ['$http_', undefined],
    ['$HOST', undefined],
    ['$_', 'unknown "_" variable'],
    ['x$$y', 'invalid variable name'],
    ['${host}x', undefined],
    ['$hostx', 'unknown "hostx" variable'],
    ['$remote_user $request_time $msec $cookie_a $sent_http_x $upstream_http_x', undefined],
  ];
  it.each(table)('checks %s', (template, expected) => {
    expect(templateError(template)).toBe(expected);
  });

  it('knows named captures defined in the configuration', () => {
    expect(templateError('$sub', ['sub'])).toBeUndefined();
  });

  it('splits literals, variables and captures', () => {
    expect(parseTemplate('https://$host$1/x')).toEqual({
      ok: true,
      parts: [{ literal: 'https://' }, { variable: 'host' }, { capture: 1 }, { literal: '/x' }],
    });
  });
});
