/**
 * One request's walk through an upstream group: the try budget, the `tried`
 * bitmap and the hash methods' per-request progress
 * (`ngx_http_upstream_init_round_robin_peer` and the `init_*_peer` of each
 * balancing module, plus the `proxy_next_upstream_tries` cap from
 * `ngx_http_upstream_init_request`).
 */

import type { RequestAttempt, UpstreamState } from './types';

export interface AttemptOptions {
  /** `proxy_next_upstream_tries`; 0 means no cap. */
  nextUpstreamTries: number;
}

/**
 * Start a request. The budget is every non-down primary plus every non-down
 * backup: a request can try each address at most once.
 */
export function createAttempt(state: UpstreamState, opts: AttemptOptions): RequestAttempt {
  let tries = state.primary.tries + (state.backup?.tries ?? 0);
  if (opts.nextUpstreamTries > 0 && tries > opts.nextUpstreamTries) tries = opts.nextUpstreamTries;
  return {
    tries,
    set: 'primary',
    tried: [],
    progress: { tries: 0, hash: 0, rehash: 0, initialised: false },
  };
}
