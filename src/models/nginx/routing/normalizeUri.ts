/**
 * The request target as nginx sees it after `ngx_http_parse_complex_uri`
 * (ngx_http_parse.c): `%XX` decoded, `.` and `..` segments resolved, `//`
 * merged (merge_slashes on), the fragment dropped, the arguments split off
 * undecoded. Location matching, `$uri` and `root` all use this form; the raw
 * target stays available for `$request_uri` and for `proxy_pass` without a URI.
 *
 * The state machine is nginx's, byte for byte, because its corner cases are
 * visible to students: `/a/%2e%2e/b` is `/b`, `/%2e%2e/x` is 400, `%3F` is a
 * literal `?` in the path, `%2F` is a real slash.
 */
import { toBytes } from './bytes';
import { BoundedCache } from '../../../sim';

/** A parsed request target. All strings are byte strings (see bytes.ts). */
export interface NormalizedUri {
  /** Decoded and resolved path: `$uri`. */
  uri: string;
  /** Everything after the first `?` up to `#`, undecoded: `$args`; `''` when there are none. */
  args: string;
  /** The request target exactly as received: `$request_uri`. */
  raw: string;
  /** The path contained `%`; nginx then re-escapes it when building an upstream URI. */
  quoted: boolean;
}

/** A request target nginx refuses with 400 Bad Request. */
export interface InvalidUri {
  error: 400;
  why: string;
}

type State = 'usual' | 'slash' | 'dot' | 'dotDot' | 'quoted' | 'quotedSecond';

const SLASH = 0x2f;
const DOT = 0x2e;
const PERCENT = 0x25;
const QUESTION = 0x3f;
const HASH = 0x23;

/** Characters the parser treats specially; every other byte is copied as it is. */
function special(ch: number): boolean {
  return ch === SLASH || ch === DOT || ch === PERCENT || ch === QUESTION || ch === HASH;
}

function hexValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30;
  const lower = ch | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Parse a request target the way nginx 1.22 does (merge_slashes on).
 * Returns `{ error: 400 }` for what nginx answers with 400: a target not
 * starting with `/`, control characters or spaces, a bad `%` escape, `%00`,
 * or `..` climbing above the root.
 */
export function normalizeUri(rawTarget: string): NormalizedUri | InvalidUri {
  return normalized.get(rawTarget);
}

/**
 * Targets already normalized: a pure function of the text, and a run's
 * requests ask for a few paths again and again. Results are shared: read
 * them, do not change them. Bounded.
 */
const normalized = new BoundedCache<string, NormalizedUri | InvalidUri>(4096, (rawTarget) => normalizeTarget(rawTarget));

function normalizeTarget(rawTarget: string): NormalizedUri | InvalidUri {
  const raw = toBytes(rawTarget);
  if (raw.charCodeAt(0) !== SLASH) {
    return { error: 400, why: `request target "${raw}" does not start with "/"` };
  }
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // nginx 1.21.1+ rejects spaces and control characters anywhere on the request line.
    if (c <= 0x20 || c === 0x7f) return { error: 400, why: 'control character or space in the request target' };
  }

  const out: number[] = [];
  let state: State = 'usual';
  let quotedState: State = 'usual';
  let decoded = 0;
  let quoted = false;
  let argsStart = -1;
  let p = 0;
  // A character past the end: nginx reads the space that ends the URI there.
  const next = (): number => (p < raw.length ? raw.charCodeAt(p++) : (p++, 0x20));
  const up = (): InvalidUri | undefined => {
    // Drop "/.." and the segment before it; u -= 4 then back to the previous '/'.
    let u = out.length - 4;
    for (;;) {
      if (u < 0) return { error: 400, why: `"${raw}" climbs above the root with ".."` };
      if (out[u] === SLASH) break;
      u--;
    }
    out.length = u + 1;
    return undefined;
  };

  let ch = next();
  let ended: 'done' | 'args' | undefined;
  while (p <= raw.length && ended === undefined) {
    switch (state) {
      case 'usual':
        if (ch === SLASH) {
          state = 'slash';
          out.push(ch);
        } else if (ch === PERCENT) {
          quotedState = state;
          state = 'quoted';
        } else if (ch === QUESTION) {
          argsStart = p;
          ended = 'args';
          break;
        } else if (ch === HASH) {
          ended = 'done';
          break;
        } else {
          out.push(ch);
        }
        ch = next();
        break;

      case 'slash':
        if (ch === SLASH) {
          // merge_slashes: a second slash is not copied.
        } else if (ch === DOT) {
          state = 'dot';
          out.push(ch);
        } else if (ch === PERCENT) {
          quotedState = state;
          state = 'quoted';
        } else if (ch === QUESTION) {
          argsStart = p;
          ended = 'args';
          break;
        } else if (ch === HASH) {
          ended = 'done';
          break;
        } else {
          state = 'usual';
          out.push(ch);
        }
        ch = next();
        break;

      case 'dot':
        if (ch === SLASH) {
          state = 'slash';
          out.pop();
        } else if (ch === DOT) {
          state = 'dotDot';
          out.push(ch);
        } else if (ch === PERCENT) {
          quotedState = state;
          state = 'quoted';
        } else if (ch === QUESTION || ch === HASH) {
          out.pop();
          if (ch === QUESTION) argsStart = p;
          ended = ch === QUESTION ? 'args' : 'done';
          break;
        } else {
          state = 'usual';
          out.push(ch);
        }
        ch = next();
        break;

      case 'dotDot':
        if (ch === SLASH || ch === QUESTION || ch === HASH) {
          const bad = up();
          if (bad) return bad;
          if (ch === QUESTION) {
            argsStart = p;
            ended = 'args';
            break;
          }
          if (ch === HASH) {
            ended = 'done';
            break;
          }
          state = 'slash';
        } else if (ch === PERCENT) {
          quotedState = state;
          state = 'quoted';
        } else {
          state = 'usual';
          out.push(ch);
        }
        ch = next();
        break;

      case 'quoted': {
        quoted = true;
        const v = hexValue(ch);
        if (v < 0) return { error: 400, why: `bad percent-encoding in "${raw}"` };
        decoded = v;
        state = 'quotedSecond';
        ch = next();
        break;
      }

      case 'quotedSecond': {
        const v = hexValue(ch);
        if (v < 0) return { error: 400, why: `bad percent-encoding in "${raw}"` };
        ch = decoded * 16 + v;
        if (ch === 0) return { error: 400, why: `"%00" in "${raw}"` };
        // A decoded %, # or ? is a literal byte of the path, not syntax.
        if (ch === PERCENT || ch === HASH || ch === QUESTION) {
          state = 'usual';
          out.push(ch);
          ch = next();
          break;
        }
        // Any other decoded byte is fed back through the state it interrupted,
        // which is why %2e%2e and %2F take part in dot and slash handling.
        state = quotedState;
        if (!special(ch)) {
          out.push(ch);
          if (state !== 'usual') state = 'usual';
          ch = next();
        }
        break;
      }
    }
  }

  if (ended === undefined) {
    if (state === 'quoted' || state === 'quotedSecond') {
      return { error: 400, why: `incomplete percent-encoding at the end of "${raw}"` };
    }
    if (state === 'dot') out.pop();
    if (state === 'dotDot') {
      const bad = up();
      if (bad) return bad;
    }
  }

  let args = '';
  if (ended === 'args') {
    const hash = raw.indexOf('#', argsStart);
    args = raw.slice(argsStart, hash < 0 ? raw.length : hash);
  }
  return { uri: out.map((c) => String.fromCharCode(c)).join(''), args, raw, quoted };
}

/** Type guard for the 400 case. */
export function isInvalidUri(r: NormalizedUri | InvalidUri): r is InvalidUri {
  return 'error' in r;
}
