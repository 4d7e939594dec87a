/**
 * Decision texts that repeat from request to request ("upstream peer
 * 10.0.0.1:80", "worker 1"), made once and handed out as the same string.
 *
 * The trace keeps one copy of each repeated text and looks every text up by
 * value; a string made afresh for each request must be hashed and compared
 * in full each time, while the same string object carries its hash and
 * compares by identity. The texts are pure functions of their parts, so a
 * cached one is always the text that would have been built.
 */
import { BoundedCache, flat, PairTexts } from '../../sim';

/** `${prefix}${value}` texts, by prefix and value (bounded, see PairTexts). */
const labels = new PairTexts<string, string | number>((prefix, value) => `${prefix}${value}`);

/** `${prefix}${value}`, the same string each time it is asked for. */
export function label(prefix: string, value: string | number): string {
  return labels.get(prefix, value);
}

/** Entries a `textMemo` holds before it starts afresh. */
const MEMO_LIMIT = 1024;

/**
 * `make(key)` as one flat string, kept so that the same key gives the same
 * string object (see the module comment). `make` must be a pure function of `key`.
 */
export function textMemo<K>(make: (key: K) => string): BoundedCache<K, string> {
  return new BoundedCache<K, string>(MEMO_LIMIT, (key) => flat(make(key)));
}
