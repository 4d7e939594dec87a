/**
 * What a client sends next: a path drawn by weight from its mix, and the
 * source address taken in turn from its pool (a load generator's many
 * clients behind distinct addresses). Plain functions over the client's own
 * random stream.
 */
import type { Rng } from '../../sim';

/** One entry of a request mix. */
export interface PathWeight {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly weight: number;
}

/** Draw one entry; a single entry draws nothing, so a one-path client never uses the stream. */
export function pickPath(mix: readonly PathWeight[], rng: Rng): PathWeight {
  const first = mix[0];
  if (first === undefined) throw new RangeError('a request mix needs at least one path');
  if (mix.length === 1) return first;
  const total = mix.reduce((sum, p) => sum + p.weight, 0);
  let draw = rng.next() * total;
  for (const p of mix) {
    draw -= p.weight;
    if (draw < 0) return p;
  }
  return mix[mix.length - 1] ?? first;
}

/** The n-th request's source address: the pool in turn, so each address carries an equal share. */
export function sourceAddress(pool: readonly string[], n: number): string {
  const address = pool[n % pool.length];
  if (address === undefined) throw new RangeError('a client needs at least one address');
  return address;
}
