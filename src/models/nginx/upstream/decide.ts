/**
 * Whether a failed attempt moves on to another server
 * (`ngx_http_upstream_next` and `ngx_http_upstream_test_next`,
 * ngx_http_upstream.c), and how the balancer is told.
 *
 * Two kinds of trouble, treated differently:
 * - Transport trouble (connect refused or reset, read/send error, the
 *   upstream closing early, an invalid header, a timeout) always counts as a
 *   failure against the peer, even when `proxy_next_upstream` does not list
 *   it; the list only decides whether another server is tried. If not, the
 *   client gets 504 for a timeout and 502 for the rest.
 * - An HTTP status listed as `http_<code>` moves on only while more than one
 *   try is left; 403 and 404 then do not count as failures. Otherwise the
 *   response is passed to the client as is and counts as a success: an
 *   unlisted 500 is not a failure.
 */

/** Statuses `proxy_next_upstream` can name as `http_<code>`. */
export const RETRYABLE_STATUSES: readonly number[] = [500, 502, 503, 504, 403, 404, 429];

/** Methods nginx will not resend once the request has gone out, unless `non_idempotent` is set. */
const NON_IDEMPOTENT = ['POST', 'LOCK', 'PATCH'];

export interface NextInput {
  /** How the attempt went wrong, or the status the upstream answered with. */
  failure: 'error' | 'timeout' | 'invalid_header' | { status: number };
  /** The request's try budget before this attempt's peer is released (`attempt.tries`). */
  triesLeft: number;
  /** `proxy_next_upstream` flags as configured (`error`, `timeout`, `http_500`, `non_idempotent`, `off`, …). */
  nextUpstream: string[];
  method: string;
  /** Some of the request had been sent to this upstream. */
  requestSent: boolean;
  /** Time since the request's first attempt started. */
  elapsedMs: number;
  /** `proxy_next_upstream_timeout`; 0 means none. */
  nextUpstreamTimeoutMs: number;
  /**
   * The upstream's response header had already been passed to the client when
   * the failure happened (trouble while reading the body). nginx can then
   * neither retry nor change the status: it cuts the response short and, as
   * it finalizes the request normally, releases the peer as a success.
   */
  responseStarted?: boolean;
}

export interface NextDecision {
  retry: boolean;
  release: 'ok' | 'failed' | 'next';
  /** What the client gets when there is no retry; absent on retry or when the response had started. */
  clientStatus?: number;
  /** This attempt's entry in `$upstream_status`; absent when the response had started (it is the header's status). */
  upstreamStatus?: number;
  why: string;
}

const LABEL = {
  error: 'connection error',
  timeout: 'upstream timed out',
  invalid_header: 'invalid response header',
} as const;

/** Decide what follows a failed attempt. */
export function decideNext(input: NextInput): NextDecision {
  const { failure } = input;
  if (input.responseStarted) {
    const what = typeof failure === 'string' ? LABEL[failure] : `status ${failure.status}`;
    return {
      retry: false,
      release: 'ok',
      why: `${what} after the response header reached the client: the response is cut short, no retry, and the server is not marked failed`,
    };
  }

  if (typeof failure !== 'string') return decideStatus(input, failure.status);

  const upstreamStatus = failure === 'timeout' ? 504 : 502;
  const blocker = retryBlocker(input, failure, input.triesLeft - 1 > 0);
  const base = `${LABEL[failure]}: counted as a failure`;
  if (blocker === undefined) {
    return { retry: true, release: 'failed', upstreamStatus, why: `${base}; trying the next server (${triesText(input.triesLeft - 1)})` };
  }
  return {
    retry: false,
    release: 'failed',
    clientStatus: upstreamStatus,
    upstreamStatus,
    why: `${base}; no retry because ${blocker}; the client gets ${upstreamStatus}`,
  };
}

function decideStatus(input: NextInput, status: number): NextDecision {
  if (!RETRYABLE_STATUSES.includes(status)) {
    return { retry: false, release: 'ok', clientStatus: status, upstreamStatus: status, why: `status ${status} is passed to the client` };
  }
  const flag = `http_${status}`;
  const blocker = retryBlocker(input, flag, input.triesLeft > 1);
  if (blocker === undefined) {
    const counted = status === 403 || status === 404 ? 'not counted as a failure' : 'counted as a failure';
    return {
      retry: true,
      release: status === 403 || status === 404 ? 'next' : 'failed',
      upstreamStatus: status,
      why: `status ${status} with proxy_next_upstream ${flag}: ${counted}; trying the next server (${triesText(input.triesLeft - 1)})`,
    };
  }
  return {
    retry: false,
    release: 'ok',
    clientStatus: status,
    upstreamStatus: status,
    why: `status ${status} is passed to the client and not counted as a failure (no retry because ${blocker})`,
  };
}

/** The first reason, in nginx's order, that stops a retry; undefined when nothing does. */
function retryBlocker(input: NextInput, flag: string, triesRemain: boolean): string | undefined {
  const configured = input.nextUpstream.filter((f) => f !== 'off');
  if (!triesRemain) return 'no tries are left';
  if (!configured.includes(flag)) {
    return `proxy_next_upstream (${configured.length ? configured.join(' ') : 'off'}) does not include ${flag}`;
  }
  const method = input.method.toUpperCase();
  if (input.requestSent && NON_IDEMPOTENT.includes(method) && !configured.includes('non_idempotent')) {
    return `a ${method} request was already sent and non_idempotent is not set`;
  }
  if (input.nextUpstreamTimeoutMs > 0 && input.elapsedMs >= input.nextUpstreamTimeoutMs) {
    return `proxy_next_upstream_timeout ${input.nextUpstreamTimeoutMs}ms has passed`;
  }
  return undefined;
}

function triesText(n: number): string {
  return `${n} ${n === 1 ? 'try' : 'tries'} left`;
}
