/**
 * The order and timeouts of the stub's queries for one name (glibc
 * `__res_context_send` and `send_dg`, resolv/res_send.c): `attempts` rounds,
 * each over the nameservers in order. Nameserver i (0-based) of n waits
 * `(timeout << i) / n` whole seconds when i > 0 (integer division, at least
 * 1), and `timeout` when i = 0. With the defaults and one nameserver, that is
 * queries at 0 s and 5 s and a failure at 10 s; with three, 5, 3 and 6 s.
 */
import type { StubConfig } from './resolvconf';

/** One query the stub will send if nothing has answered before it. */
export interface StubTry {
  readonly nameserver: string;
  /** Position in the nameserver list, 0-based. */
  readonly nsIndex: number;
  /** Round, 1-based. */
  readonly attempt: number;
  readonly timeoutMs: number;
}

/** Seconds glibc waits for nameserver `nsIndex` of `nsCount`. */
export function tryTimeoutS(timeoutS: number, nsIndex: number, nsCount: number): number {
  let seconds = timeoutS << nsIndex;
  if (nsIndex > 0) seconds = Math.trunc(seconds / nsCount);
  return seconds <= 0 ? 1 : seconds;
}

/** Every try for one name, in order. */
export function stubTries(config: Pick<StubConfig, 'nameservers' | 'timeoutS' | 'attempts'>): StubTry[] {
  const out: StubTry[] = [];
  const n = config.nameservers.length;
  for (let attempt = 1; attempt <= config.attempts; attempt++) {
    config.nameservers.forEach((nameserver, nsIndex) => {
      out.push({ nameserver, nsIndex, attempt, timeoutMs: tryTimeoutS(config.timeoutS, nsIndex, n) * 1000 });
    });
  }
  return out;
}
