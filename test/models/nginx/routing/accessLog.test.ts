import { describe, expect, it } from 'vitest';
import { COMBINED_FORMAT, formatAccessLog, logFormatFor } from '../../../../src/models/nginx/routing/accessLog';
import { formatTimeIso8601, formatTimeLocal } from '../../../../src/models/nginx/routing/timeFormat';
import { ctx } from './builders';

const nine = Date.UTC(2026, 10, 27, 9, 0, 0);

describe('formatAccessLog', () => {
  it('writes the combined line nginx 1.22.1 wrote for the same request', () => {
    const line = formatAccessLog(
      COMBINED_FORMAT,
      ctx({
        requestUri: '/vars/?a=1&b=x%20y&A=2',
        headers: [['User-Agent', 'UA']],
        status: 200,
        bodyBytesSent: 233,
        nowMs: Date.UTC(2026, 10, 27, 9, 5, 13),
      }),
    );
    expect(line).toBe('127.0.0.1 - - [27/Nov/2026:09:05:13 +0000] "GET /vars/?a=1&b=x%20y&A=2 HTTP/1.1" 200 233 "-" "UA"');
  });

  it('writes "-" for not-found values, nothing for empty ones, and escapes like nginx', () => {
    // Observed: GET /z? HTTP/1.0 with Referer `"q\` and X-Thing "café" + 0x01.
    const format =
      'a=$args|q=$query_string|ia=$is_args|ru=$remote_user|ua=$upstream_addr|us=$upstream_status|ur=$upstream_response_time|' +
      'h=$http_x_thing|arg=$arg_z|st=$status|b=$body_bytes_sent|rq="$request"|ref=$http_referer|x=$sent_http_x_y|c=$cookie_a|uri=$uri';
    const line = formatAccessLog(
      format,
      ctx({
        requestUri: '/z?',
        httpVersion: '1.0',
        uri: '/z',
        headers: [['Referer', '"q\\'], ['X-Thing', 'caf\xc3\xa9\x01']],
        status: 200,
        bodyBytesSent: 3,
      }),
    );
    expect(line).toBe('a=-|q=-|ia=|ru=-|ua=-|us=-|ur=-|h=caf\\xC3\\xA9\\x01|arg=-|st=200|b=3|rq="GET /z? HTTP/1.0"|ref=\\x22q\\x5C|x=-|c=-|uri=/z');
  });

  it('escapes captures and named captures (an unset capture is empty), and writes numbers and times as they are', () => {
    const c = ctx({ captures: ['x"y', 'a\\b'], named: { who: 'm"e' }, status: 0, bytesSent: 12, pid: 1001, connection: 7, nowMs: nine });
    expect(formatAccessLog('$1 $who $2 $status $bytes_sent $pid#$connection [$time_local]', c)).toBe('a\\x5Cb m\\x22e  000 12 1001#7 [27/Nov/2026:09:00:00 +0000]');
  });

  it('writes a format nginx would reject as it is, the same way each time', () => {
    expect(formatAccessLog('bad ${x', ctx())).toBe('bad ${x');
    expect(formatAccessLog('bad ${x', ctx())).toBe('bad ${x');
  });

  it('shows upstream variables as the processor joined them', () => {
    const line = formatAccessLog('$upstream_addr $upstream_status', ctx({ upstreamAddr: '10.0.0.1:80, 10.0.0.2:80', upstreamStatus: '502, 200' }));
    expect(line).toBe('10.0.0.1:80, 10.0.0.2:80 502, 200');
  });

  it('finds combined even when log_format does not list it', () => {
    expect(logFormatFor('combined')).toBe(COMBINED_FORMAT);
    expect(logFormatFor('main', { main: '$status' })).toBe('$status');
    expect(logFormatFor('nope')).toBeUndefined();
  });
});

describe('time formats', () => {
  it('formats $time_local and $time_iso8601 from virtual epoch ms', () => {
    expect(formatTimeLocal(nine)).toBe('27/Nov/2026:09:00:00 +0000');
    expect(formatTimeLocal(nine, 60)).toBe('27/Nov/2026:10:00:00 +0100');
    expect(formatTimeLocal(nine, -330)).toBe('27/Nov/2026:03:30:00 -0530');
    expect(formatTimeIso8601(nine)).toBe('2026-11-27T09:00:00+00:00');
  });
});
