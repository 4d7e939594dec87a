/**
 * A memo for pure functions of one key, bounded in size.
 *
 * The hot paths ask the same few questions over and over (a header name's
 * facts, a template's parts, a probability's threshold). Each answer depends
 * on the key alone, so it is worked out once and shared. A long run that
 * keeps asking new questions (generated configs, many client addresses)
 * must not grow memory without end, so the cache starts afresh at its
 * limit: an answer asked again is simply worked out again, which changes
 * nothing but the cost.
 */
export class BoundedCache<K, V> {
  private readonly values = new Map<K, V>();

  /** `make` must be pure: the same key always gives an equal answer. */
  constructor(
    private readonly limit: number,
    private readonly make: (key: K) => V,
  ) {}

  /** The answer for `key`, worked out on the first ask (an `undefined` answer is remembered too). */
  get(key: K): V {
    const held = this.values.get(key);
    if (held !== undefined || this.values.has(key)) return held as V;
    if (this.values.size >= this.limit) this.values.clear();
    const value = this.make(key);
    this.values.set(key, value);
    return value;
  }

  /** How many answers are held. */
  get size(): number {
    return this.values.size;
  }
}
