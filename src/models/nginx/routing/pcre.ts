/**
 * nginx regexes (location `~`/`~*`, server_name `~`) are PCRE; the browser
 * has JS RegExp. The two agree on everything a typical nginx.conf uses
 * (classes, anchors, groups, alternation, `\d\w\s`, lazy quantifiers, named
 * groups); this module translates the few PCRE spellings JS lacks and runs a
 * match the way `ngx_http_regex_exec` reports it: positional captures, unset
 * groups as empty strings, and named captures.
 *
 * Without the `u` flag JS matches UTF-16 units, and URIs here are byte strings
 * (bytes.ts), so `.` matches one byte, as PCRE does in nginx's non-UTF mode.
 */

/** A compiled nginx regex, or the reason it cannot be translated. */
export type CompiledRegex = { ok: true; re: RegExp } | { ok: false; why: string };

/** The result of a successful match. */
export interface RegexMatch {
  /** `$0`…`$n`: index 0 is the whole match; groups that did not take part are `''`. */
  captures: string[];
  /** `(?<name>…)` / `(?P<name>…)` groups, which nginx turns into variables. */
  named: Record<string, string>;
}

/**
 * Translate a PCRE pattern to a JS RegExp. `caseless` is `~*`.
 * A leading `(?i)` (also after `^`) becomes the `i` flag.
 */
export function compileRegex(source: string, caseless = false): CompiledRegex {
  const key = `${caseless ? 'i' : '-'}${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = translate(source, caseless);
  // Bounded so a long simulation with generated configs cannot grow it forever.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

// Compiling is pure, so a shared cache changes no result, only the cost of routing each request.
const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledRegex>();

function translate(source: string, caseless: boolean): CompiledRegex {
  let body = source;
  let flags = caseless ? 'i' : '';
  const inline = /^(\^?)\(\?i\)/.exec(body);
  if (inline) {
    body = (inline[1] ?? '') + body.slice(inline[0].length);
    if (!flags.includes('i')) flags += 'i';
  }
  body = body
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\\Z/g, '(?=\\n?$)');
  try {
    return { ok: true, re: new RegExp(body, flags) };
  } catch (e) {
    return { ok: false, why: `cannot use regex "${source}" here: ${(e as Error).message}` };
  }
}

/** Run `re` on `subject`; undefined when it does not match. */
export function execRegex(re: RegExp, subject: string): RegexMatch | undefined {
  // A fresh lastIndex-free run: the compiled regexes never carry the g or y flag.
  const m = re.exec(subject);
  if (!m) return undefined;
  const captures = Array.from(m, (c) => c ?? '');
  const named: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) named[k] = v ?? '';
  return { captures, named };
}

/** Compile and match in one step; an untranslatable pattern never matches. */
export function matchRegex(source: string, caseless: boolean, subject: string): RegexMatch | undefined {
  const c = compileRegex(source, caseless);
  return c.ok ? execRegex(c.re, subject) : undefined;
}
