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

/**
 * `text` as one flat string rather than a chain of joined pieces (`trim`
 * returns the flattened string when there is nothing to trim): the trace
 * flattens every text it keeps, and a text that already is flat is kept as
 * the very same string.
 */
export function flatText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === text.length ? trimmed : text;
}

/** Texts by prefix, then by the value that follows it. Bounded: a run with ever new values starts afresh. */
const texts = new Map<string, Map<string | number, string>>();
const TEXTS_LIMIT = 4096;
let size = 0;

/** `${prefix}${value}`, the same string each time it is asked for. */
export function label(prefix: string, value: string | number): string {
  let byValue = texts.get(prefix);
  if (byValue === undefined) {
    byValue = new Map();
    texts.set(prefix, byValue);
  }
  let text = byValue.get(value);
  if (text === undefined) {
    if (size >= TEXTS_LIMIT) {
      texts.clear();
      size = 0;
      byValue = new Map();
      texts.set(prefix, byValue);
    }
    text = flatText(`${prefix}${value}`);
    byValue.set(value, text);
    size++;
  }
  return text;
}

/** Entries a `memoText` cache holds before it starts afresh. */
const MEMO_LIMIT = 1024;

/**
 * `make(key)`, kept in `cache` so that the same key gives the same string
 * object (see the module comment). `make` must be a pure function of `key`.
 */
export function memoText<K>(cache: Map<K, string>, key: K, make: (key: K) => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    text = flatText(make(key));
    cache.set(key, text);
  }
  return text;
}
