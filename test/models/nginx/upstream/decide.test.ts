import { describe, expect, it } from 'vitest';
import { decideNext, type NextInput } from '../../../../src/models/nginx/upstream';

const base: NextInput = {
  failure: 'error',
  triesLeft: 3,
  nextUpstream: ['error', 'timeout'],
  method: 'GET',
  requestSent: false,
  elapsedMs: 0,
  nextUpstreamTimeoutMs: 0,
};
const decide = (over: Partial<NextInput>) => decideNext({ ...base, ...over });

describe('decideNext: connection errors and timeouts', () => {
  it('retries a connection error and counts it as a failure', () => {
    expect(decide({})).toMatchObject({ retry: true, release: 'failed', upstreamStatus: 502 });
  });

  it('counts the failure even when proxy_next_upstream is off, and answers 502', () => {
    expect(decide({ nextUpstream: ['off'] })).toMatchObject({ retry: false, release: 'failed', clientStatus: 502 });
  });

  it('answers 504 for a timeout that is not retried', () => {
    const d = decide({ failure: 'timeout', triesLeft: 1 });
    expect(d).toMatchObject({ retry: false, release: 'failed', clientStatus: 504, upstreamStatus: 504 });
    expect(d.why).toContain('no tries are left');
  });

  it('does not retry an invalid header by default but still counts it', () => {
    expect(decide({ failure: 'invalid_header' })).toMatchObject({ retry: false, release: 'failed', clientStatus: 502 });
    expect(decide({ failure: 'invalid_header', nextUpstream: ['invalid_header'] })).toMatchObject({ retry: true });
  });

  it('does not resend a POST, LOCK or PATCH once it was sent, unless non_idempotent is set', () => {
    for (const method of ['POST', 'LOCK', 'PATCH']) {
      expect(decide({ failure: 'timeout', method, requestSent: true })).toMatchObject({ retry: false, release: 'failed', clientStatus: 504 });
      expect(decide({ failure: 'timeout', method, requestSent: true, nextUpstream: ['timeout', 'non_idempotent'] })).toMatchObject({ retry: true });
    }
    expect(decide({ failure: 'timeout', method: 'PUT', requestSent: true })).toMatchObject({ retry: true });
    expect(decide({ method: 'POST', requestSent: false })).toMatchObject({ retry: true });
  });

  it('stops retrying once proxy_next_upstream_timeout has passed', () => {
    expect(decide({ elapsedMs: 5000, nextUpstreamTimeoutMs: 5000 })).toMatchObject({ retry: false, clientStatus: 502 });
    expect(decide({ elapsedMs: 4999, nextUpstreamTimeoutMs: 5000 })).toMatchObject({ retry: true });
  });

  it('neither retries nor marks the server failed once the response has reached the client', () => {
    const d = decide({ failure: 'timeout', responseStarted: true });
    expect(d).toMatchObject({ retry: false, release: 'ok' });
    expect(d.clientStatus).toBeUndefined();
  });
});

describe('decideNext: HTTP statuses', () => {
  it('passes an unlisted 500 through as a success', () => {
    expect(decide({ failure: { status: 500 } })).toMatchObject({ retry: false, release: 'ok', clientStatus: 500 });
  });

  it('retries a listed status while more than one try is left, counting it as a failure', () => {
    const listed = ['error', 'timeout', 'http_500', 'http_502', 'http_503', 'http_504', 'http_429'];
    for (const status of [500, 502, 503, 504, 429]) {
      expect(decide({ failure: { status }, nextUpstream: listed, triesLeft: 2 })).toMatchObject({ retry: true, release: 'failed' });
    }
  });

  it('passes the last server\'s listed status through when no try is left', () => {
    expect(decide({ failure: { status: 502 }, nextUpstream: ['http_502'], triesLeft: 1 })).toMatchObject({
      retry: false,
      release: 'ok',
      clientStatus: 502,
    });
  });

  it('moves on after a listed 403 or 404 without counting a failure', () => {
    for (const status of [403, 404]) {
      expect(decide({ failure: { status }, nextUpstream: [`http_${status}`] })).toMatchObject({ retry: true, release: 'next' });
    }
  });

  it('passes other statuses straight through', () => {
    expect(decide({ failure: { status: 418 }, nextUpstream: ['error', 'http_500'] })).toMatchObject({ retry: false, release: 'ok', clientStatus: 418 });
  });

  it('applies the non_idempotent rule to statuses as well', () => {
    expect(decide({ failure: { status: 503 }, nextUpstream: ['http_503'], method: 'POST', requestSent: true })).toMatchObject({
      retry: false,
      release: 'ok',
      clientStatus: 503,
    });
  });
});
