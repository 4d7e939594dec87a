/** `return` and nginx's own pages, as nginx 1.22.1 sent them (checked with raw requests). */
import { describe, expect, it } from 'vitest';
import { errorPage, statusLine } from '../../../../src/models/nginx/routing/errorPages';
import { absoluteLocation, returnResponse } from '../../../../src/models/nginx/routing/reply';
import { ctx } from './builders';

const onPort = ctx({ host: 'a.b', serverPort: 27800 });

describe('returnResponse', () => {
  it('makes a relative redirect absolute with the Host and the local port', () => {
    const r = returnResponse({ code: 301, text: '/elsewhere' }, onPort);
    expect(r.statusLine).toBe('301 Moved Permanently');
    expect(r.headers).toContainEqual(['Location', 'http://a.b:27800/elsewhere']);
    expect(r.body).toBe(errorPage(301));
    expect(r.headers).toContainEqual(['Content-Length', '169']);
  });

  it('uses nginx own address when the request had no Host, and leaves port 80 out', () => {
    expect(absoluteLocation('/x', ctx({ serverAddr: '127.0.0.1', serverPort: 27800 }))).toBe('http://127.0.0.1:27800/x');
    expect(absoluteLocation('/x', ctx({ host: 'shop.example.com' }))).toBe('http://shop.example.com/x');
    expect(absoluteLocation('https://x.example/', onPort)).toBe('https://x.example/');
  });

  it('expands variables in a redirect URL and keeps an absolute URL as it is', () => {
    const r = returnResponse({ code: 302, text: '$scheme://$host/p' }, ctx({ host: 'h' }));
    expect(r.statusLine).toBe('302 Moved Temporarily');
    expect(r.headers).toContainEqual(['Location', 'http://h/p']);
    expect(r.body).toContain('<title>302 Found</title>');
    expect(r.headers).toContainEqual(['Content-Length', '145']);
  });

  it('sends text with text/plain for other codes', () => {
    expect(returnResponse({ code: 200, text: 'hi $host' }, ctx({ host: 'h' }))).toMatchObject({
      status: 200,
      headers: [
        ['Content-Type', 'text/plain'],
        ['Content-Length', '4'],
      ],
      body: 'hi h',
    });
    expect(returnResponse({ code: 404, text: 'custom' }, ctx())).toMatchObject({ statusLine: '404 Not Found', body: 'custom' });
  });

  it('sends nginx page for a bare code, an empty body where there is none, and closes on 444', () => {
    expect(returnResponse({ code: 404 }, ctx()).headers).toEqual([
      ['Content-Type', 'text/html'],
      ['Content-Length', '153'],
    ]);
    expect(returnResponse({ code: 200 }, ctx()).headers).toEqual([
      ['Content-Type', 'text/plain'],
      ['Content-Length', '0'],
    ]);
    expect(returnResponse({ code: 204 }, ctx()).headers).toEqual([]);
    expect(returnResponse({ code: 418 }, ctx())).toMatchObject({ statusLine: '418 ', headers: [['Content-Length', '0']], body: '' });
    expect(returnResponse({ code: 301 }, ctx()).headers).toContainEqual(['Location', '']);
    expect(returnResponse({ code: 444 }, ctx())).toMatchObject({ close: true });
  });
});

describe('error pages', () => {
  it('have the byte lengths nginx 1.22.1 sent', () => {
    const lengths: [number, number][] = [
      [301, 169], [302, 145], [303, 153], [307, 171], [308, 171], [400, 157], [401, 179], [403, 153],
      [404, 153], [405, 157], [413, 183], [429, 169], [500, 177], [501, 165], [502, 157], [503, 197], [504, 167],
    ];
    for (const [status, length] of lengths) expect([status, errorPage(status)?.length]).toEqual([status, length]);
  });

  it('say nginx/1.22.1 and use nginx reason phrases', () => {
    expect(errorPage(502)).toBe(
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(statusLine(503)).toBe('503 Service Temporarily Unavailable');
    expect(errorPage(200)).toBeUndefined();
  });
});
