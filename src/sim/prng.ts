/**
 * Seeded randomness with independent named streams.
 *
 * Each component draws from its own stream, keyed by (seed, name). A stream's
 * numbers depend only on those two, so adding a component, or drawing more in
 * one, never shifts the numbers another component sees: a lesson's outcome
 * does not change because someone added a client elsewhere in the scenario.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * public domain), seeded from a 128-bit string hash (cyrb128).
 */

/** 128-bit hash of a string, as four 32-bit words. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** One stream of pseudo-random numbers. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    // Discard the first outputs: sfc32 mixes its state over a few rounds.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`int(n) needs n ≥ 1, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** A uniform float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An exponentially distributed value with the given mean (inter-arrival times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('pick() from an empty list');
    return item;
  }
}

/** The world's randomness: one seed, any number of independent named streams. */
export class Random {
  private readonly streams = new Map<string, Rng>();

  constructor(readonly seed: number) {}

  /** The stream for `name`, created on first use; the same name gives the same stream. */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = new Rng(`${this.seed}\u0000${name}`);
      this.streams.set(name, rng);
    }
    return rng;
  }
}
