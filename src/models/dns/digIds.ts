/**
 * The random parts of a dig exchange, drawn from a seeded stream so a run
 * replays byte for byte: the 16-bit query id, and the DNS COOKIE (RFC 7873)
 * a BIND resolver echoes: dig's 8-byte client cookie, then BIND's 16-byte
 * server cookie (version 1, three reserved bytes, a 4-byte timestamp, an
 * 8-byte hash).
 */
import type { Rng } from '../../sim';

/** A query id, 0–65535. */
export function digQueryId(rng: Rng): number {
  return rng.int(65536);
}

function hex32(rng: Rng): string {
  return rng.nextUint32().toString(16).padStart(8, '0');
}

/** The 48-hex-digit cookie dig prints, with the server's timestamp from the virtual clock. */
export function digCookie(rng: Rng, unixSeconds: number): string {
  const timestamp = (Math.floor(unixSeconds) >>> 0).toString(16).padStart(8, '0');
  return `${hex32(rng)}${hex32(rng)}01000000${timestamp}${hex32(rng)}${hex32(rng)}`;
}
