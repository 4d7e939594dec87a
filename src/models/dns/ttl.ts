/**
 * TTL arithmetic for caches: when a stored RRset expires and how many whole
 * seconds it has left.
 *
 * Resolvers hand out TTLs as integer seconds that count down. The rule here:
 * an RRset stored at `storedAtMs` with TTL `ttl` is usable while
 * `nowMs < storedAtMs + ttl·1000` (so it expires exactly at the TTL), and is
 * served with `ceil(msLeft / 1000)` seconds: the full TTL when just stored,
 * never 0 while still usable. (BIND and Unbound count on a one-second wall
 * clock, so their countdown can tick up to a second earlier; a virtual clock
 * in milliseconds makes the exact rule the honest one.)
 */

/** The virtual time at which an RRset stored at `storedAtMs` with `ttlS` seconds expires. */
export function expiresAtMs(storedAtMs: number, ttlS: number): number {
  return storedAtMs + ttlS * 1000;
}

/** Whole seconds left, 0 once expired. */
export function remainingTtlS(storedAtMs: number, ttlS: number, nowMs: number): number {
  const left = expiresAtMs(storedAtMs, ttlS) - nowMs;
  return left <= 0 ? 0 : Math.ceil(left / 1000);
}

/** True from the expiry instant on. */
export function isExpired(storedAtMs: number, ttlS: number, nowMs: number): boolean {
  return nowMs >= expiresAtMs(storedAtMs, ttlS);
}
