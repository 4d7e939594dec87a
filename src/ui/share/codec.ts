/**
 * The share link's payload: a run as JSON, DEFLATE-compressed (fflate) and
 * written in base64url after a version, `#s=1.<base64url>`.
 *
 * Decoding reads text from anyone's link, so it is bounded at every step:
 * the link's length, the compressed size, and the size it inflates to (a
 * small payload that inflates to gigabytes is cut off after the limit, not
 * inflated first and measured after). Every failure is a sentence for the
 * reader; nothing here throws.
 */
import { deflateSync, Inflate } from 'fflate';

/** The hash's prefix; the number after it is the payload's format version. */
export const HASH_PREFIX = '#s=';
export const VERSION = 1;

export interface Limits {
  /** Longest base64 text accepted (characters). */
  maxEncoded: number;
  /** Most bytes the payload may inflate to. */
  maxInflated: number;
}

/** Far above any real scenario (the full path is about 6 KB of YAML, 1 KB compressed). */
export const DEFAULT_LIMITS: Limits = { maxEncoded: 400_000, maxInflated: 2_000_000 };

export type Decoded = { ok: true; json: unknown } | { ok: false; error: string };

/** Bytes → base64url without padding (URL-safe, no escaping needed in a hash). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → bytes, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflate at most `max` bytes; undefined when the data is not DEFLATE, 'too big' past the limit. */
export function inflateBounded(data: Uint8Array, max: number): Uint8Array | 'too big' | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > max) {
      over = true;
      // Stops fflate at once: it calls us from inside push().
      throw new RangeError('inflated past the limit');
    }
    chunks.push(chunk);
  });
  try {
    // Small input slices bound how much one push can produce (DEFLATE expands at most about 1032:1).
    const step = 1024;
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch {
    return over ? 'too big' : undefined;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A value as the text after `#` would carry it: `s=1.<base64url>` with the prefix. */
export function encodeHash(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return `${HASH_PREFIX}${VERSION}.${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** True when a location hash is meant as a share link (then it must decode, or the reader is told why not). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(HASH_PREFIX);
}

/** The JSON a share hash carries, or why it cannot be read. */
export function decodeHash(hash: string, limits: Limits = DEFAULT_LIMITS): Decoded {
  if (!isShareHash(hash)) return { ok: false, error: `expected a link whose address ends in ${HASH_PREFIX}${VERSION}.…` };
  const body = hash.slice(HASH_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot < 0 ? body : body.slice(0, dot);
  if (!/^\d{1,4}$/.test(version)) return { ok: false, error: `the link's format version is missing or not a number ("${version.slice(0, 20)}")` };
  if (Number(version) !== VERSION) return { ok: false, error: `the link was made by a version of this page that writes format ${version}; this one reads format ${VERSION}` };
  const payload = body.slice(dot + 1);
  if (payload.length > limits.maxEncoded) return { ok: false, error: `the link is too long (${payload.length.toLocaleString('en')} characters; this page reads at most ${limits.maxEncoded.toLocaleString('en')})` };
  const bytes = fromBase64Url(payload);
  if (bytes === undefined || bytes.length === 0) return { ok: false, error: 'the link is damaged: its data is not valid base64url (was it cut short or changed?)' };
  const inflated = inflateBounded(bytes, limits.maxInflated);
  if (inflated === 'too big') return { ok: false, error: `the link's data unpacks to more than ${limits.maxInflated.toLocaleString('en')} bytes; this page stops there` };
  if (inflated === undefined) return { ok: false, error: 'the link is damaged: its data does not decompress' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: 'the link is damaged: its data is not UTF-8 text' };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'the link is damaged: its data is not JSON' };
  }
}
