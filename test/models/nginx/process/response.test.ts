import { describe, expect, it } from 'vitest';
import { fromReply, fromUpstream } from '../../../../src/models/nginx/process/response';

const at = Date.UTC(2024, 0, 1, 0, 0, 12, 345);

describe('the response nginx sends', () => {
  it('passes the upstream fields between its own Server and Date and a closing Connection, minus the hidden ones', () => {
    const built = fromUpstream(
      {
        status: 200,
        headers: [
          ['Content-Type', 'text/html'],
          ['Server', 'gunicorn'],
          ['date', 'yesterday'],
          ['X-Accel-Redirect', '/x'],
          ['Connection', 'keep-alive'],
          ['Content-Length', '5'],
          ['X-App', 'a'],
        ],
        body: 'hello',
      },
      at,
    );
    expect(built.headers).toEqual([
      ['Server', 'nginx/1.22.1'],
      ['Date', 'Mon, 01 Jan 2024 00:00:12 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '5'],
      ['X-App', 'a'],
      ['Connection', 'close'],
    ]);
  });

  it('adds Content-Length from the body when the upstream sent none', () => {
    const built = fromUpstream({ status: 404, headers: [['X-App', 'a']], body: 'nope' }, at);
    expect(built.headers.slice(2)).toEqual([
      ['X-App', 'a'],
      ['Content-Length', '4'],
      ['Connection', 'close'],
    ]);
    expect(built.status).toBe(404);
    expect(built.body).toBe('nope');
  });

  it('frames its own replies the same way', () => {
    const built = fromReply({ status: 204, statusLine: '204 No Content', headers: [['X-Own', '1']], body: '' }, at + 1000);
    expect(built.headers).toEqual([
      ['Server', 'nginx/1.22.1'],
      ['Date', 'Mon, 01 Jan 2024 00:00:13 GMT'],
      ['X-Own', '1'],
      ['Connection', 'close'],
    ]);
  });
});
