/**
 * Which `location` handles a URI: `ngx_http_core_find_location` and
 * `ngx_http_core_find_static_location` (ngx_http_core_module.c), restated
 * over the config tree instead of nginx's prefix tree. At each level:
 *
 * 1. a `=` location equal to the URI wins at once;
 * 2. else a prefix location equal to the URI, else — if a proxying prefix
 *    location is the URI plus "/" — a 301 to it (auto-redirect), else the
 *    longest prefix location that the URI starts with;
 * 3. a prefix match is searched again inside (nested locations), so nested
 *    regexes are tried before the outer ones;
 * 4. unless the prefix match is `^~`, the level's regexes (`~`, `~*`) are
 *    tried in config order; the first match wins and is searched inside too;
 * 5. otherwise the prefix match stands; with none, the server's own settings.
 *
 * Matching is case-sensitive for prefixes (Linux). The URI must be the
 * normalized one (normalizeUri).
 */
import type { LocationBlock, ServerBlock } from '../model';
import { escapeUri } from './bytes';
import { matchRegex } from './pcre';

export interface LocationMatch {
  /** `location`: a location handles it; `none`: server-level settings; `redirect`: nginx answers 301 itself. */
  kind: 'location' | 'none' | 'redirect';
  /** The chosen location (for `redirect`, the location whose name is the URI plus "/"). */
  location?: LocationBlock;
  /** Enclosing locations of `location`, outermost first (empty for a top-level one). */
  parents: LocationBlock[];
  /** True when a regex location matched; its captures then replace any earlier ones. */
  regex: boolean;
  /** Captures of the matching regex location (`$0`…), `[]` when none matched. */
  captures: string[];
  named: Record<string, string>;
  /** For `redirect`: the Location header nginx sends (relative; made absolute on output). */
  redirectTo?: string;
  /** Locations compared, level by level: each level's prefix and exact locations, then each regex tried, in order. */
  tested: string[];
  /** One sentence a student can read. */
  why: string;
}

type Rc = 'ok' | 'done' | 'again' | 'declined';

interface Search {
  uri: string;
  chosen?: LocationBlock;
  /** Locations whose children were searched, outermost first. */
  stack: LocationBlock[];
  chosenParents: LocationBlock[];
  regex?: { location: LocationBlock; captures: string[]; named: Record<string, string> };
  /** Regex locations that matched, outermost first, and whether each sits inside the block searched before it. */
  regexPath: { location: LocationBlock; nested: boolean }[];
  prefixes: LocationBlock[];
  exact?: LocationBlock;
  stoppedBy?: LocationBlock;
  regexTested: boolean;
  tested: string[];
}

/** How a location is written after the `location` keyword. */
export function locationLabel(l: LocationBlock): string {
  return l.modifier === '' ? l.pattern : `${l.modifier} ${l.pattern}`;
}

const isStatic = (l: LocationBlock): boolean => l.modifier === '' || l.modifier === '=' || l.modifier === '^~';
const isInclusive = (l: LocationBlock): boolean => l.modifier === '' || l.modifier === '^~';
const isRegex = (l: LocationBlock): boolean => l.modifier === '~' || l.modifier === '~*';

/**
 * `auto_redirect`: set by proxy_pass (and the other *_pass handlers) on a
 * location whose name ends in "/". The model holds proxy_pass only where it
 * is written, which is where nginx sets the flag.
 */
function autoRedirects(l: LocationBlock): boolean {
  return l.pattern.endsWith('/') && l.conf.proxyPass !== undefined;
}

function choose(s: Search, l: LocationBlock): void {
  s.chosen = l;
  s.chosenParents = [...s.stack];
}

/** `ngx_http_core_find_static_location` for one level. */
function findStatic(level: readonly LocationBlock[], s: Search): Rc {
  const statics = level.filter(isStatic);
  for (const l of statics) s.tested.push(locationLabel(l));
  const exact = statics.find((l) => l.modifier === '=' && l.pattern === s.uri);
  if (exact) {
    choose(s, exact);
    s.exact = exact;
    return 'ok';
  }
  const same = statics.find((l) => isInclusive(l) && l.pattern === s.uri);
  if (same) {
    choose(s, same);
    s.prefixes.push(same);
    return 'again';
  }
  const redirect = statics.find((l) => l.pattern === `${s.uri}/` && autoRedirects(l));
  if (redirect) {
    choose(s, redirect);
    return 'done';
  }
  let best: LocationBlock | undefined;
  for (const l of statics) {
    if (isInclusive(l) && s.uri.startsWith(l.pattern) && (!best || l.pattern.length > best.pattern.length)) best = l;
  }
  if (!best) return 'declined';
  choose(s, best);
  s.prefixes.push(best);
  return 'again';
}

/** `ngx_http_core_find_location` for the children of one block. */
function findIn(level: readonly LocationBlock[], s: Search): Rc {
  let rc = findStatic(level, s);
  let noregex = false;
  if (rc === 'again' && s.chosen) {
    const found = s.chosen;
    noregex = found.modifier === '^~';
    s.stack.push(found);
    rc = findIn(found.locations, s);
    s.stack.pop();
    if (noregex) s.stoppedBy ??= found;
  }
  if (rc === 'ok' || rc === 'done') return rc;
  if (noregex) return rc;
  for (const l of level.filter(isRegex)) {
    s.tested.push(locationLabel(l));
    s.regexTested = true;
    const m = matchRegex(l.pattern, l.modifier === '~*', s.uri);
    if (!m) continue;
    choose(s, l);
    s.regex = { location: l, captures: m.captures, named: m.named };
    s.regexPath.push({ location: l, nested: s.stack.length > 0 });
    s.stack.push(l);
    findIn(l.locations, s);
    s.stack.pop();
    return 'ok';
  }
  return rc;
}

function explain(s: Search, kind: LocationMatch['kind']): string {
  const q = (l: LocationBlock): string => `"${locationLabel(l)}"`;
  if (kind === 'redirect' && s.chosen) {
    return `"${s.uri}" is ${q(s.chosen)} without its trailing slash and that location uses proxy_pass, so nginx answers 301 to "${s.uri}/"`;
  }
  const parts: string[] = [];
  s.prefixes.forEach((l, i) => parts.push(i === 0 ? `longest prefix match ${q(l)}` : `then nested prefix ${q(l)} inside it`));
  if (s.exact) parts.push(parts.length === 0 ? `exact match ${q(s.exact)}` : `then exact match ${q(s.exact)} inside it`);
  if (s.regex) {
    for (const { location, nested } of s.regexPath) {
      const label = q(location);
      if (parts.length === 0) parts.push(`no prefix location matched; regex ${label} matched`);
      else parts.push(nested ? `then regex ${label} inside it matched` : `then regex ${label} matched (a matching regex beats a prefix)`);
    }
  } else if (s.stoppedBy && !s.exact) {
    parts.push(`"^~" on ${q(s.stoppedBy)} skips the regex locations`);
  } else if (!s.exact && parts.length > 0 && s.regexTested) {
    parts.push('no regex location matched');
  }
  if (parts.length === 0) return `no location matches "${s.uri}"; the server-level settings apply`;
  return parts.join(', ');
}

/**
 * Matches already made, per location tree, by URI: the search depends on the
 * tree (a parsed configuration never changes it) and the URI only, and a
 * run's requests ask for a few URIs again and again. Shared matches are
 * read, never changed; the arguments are added to a redirect per call.
 * Bounded per tree; dropped with the configuration (weak keys).
 */
const matches = new WeakMap<readonly LocationBlock[], Map<string, LocationMatch>>();
const MATCHES_LIMIT = 4096;

/**
 * Find the location for a normalized URI. `args` (undecoded) only matter for
 * the auto-redirect, whose Location keeps them.
 */
export function findLocation(server: Pick<ServerBlock, 'locations'>, uri: string, args = ''): LocationMatch {
  let known = matches.get(server.locations);
  if (known === undefined) {
    known = new Map();
    matches.set(server.locations, known);
  }
  let match = known.get(uri);
  if (match === undefined) {
    if (known.size >= MATCHES_LIMIT) known.clear();
    match = search(server.locations, uri);
    known.set(uri, match);
  }
  if (match.redirectTo === undefined || args === '') return match;
  return { ...match, redirectTo: `${match.redirectTo}?${args}` };
}

function search(locations: readonly LocationBlock[], uri: string): LocationMatch {
  const s: Search = { uri, stack: [], chosenParents: [], prefixes: [], regexPath: [], regexTested: false, tested: [] };
  const rc = findIn(locations, s);
  const kind: LocationMatch['kind'] = rc === 'done' ? 'redirect' : s.chosen ? 'location' : 'none';
  const match: LocationMatch = {
    kind,
    parents: s.chosen ? s.chosenParents : [],
    regex: s.regex !== undefined,
    captures: s.regex?.captures ?? [],
    named: s.regex?.named ?? {},
    tested: s.tested,
    why: explain(s, kind),
  };
  if (s.chosen) match.location = s.chosen;
  if (kind === 'redirect' && s.chosen) {
    // nginx sends the location's own name, escaped, plus the arguments (added by findLocation).
    match.redirectTo = escapeUri(s.chosen.pattern);
  }
  return match;
}
