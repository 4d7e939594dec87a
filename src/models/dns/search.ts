/**
 * Which names the stub resolver asks for, in order (glibc `res_search`,
 * resolv/res_query.c):
 * - a name ending in a dot is absolute: only itself;
 * - a name with at least `ndots` dots is tried as is first, then with each
 *   search domain appended;
 * - a name with fewer dots tries each search domain first, then as is.
 *
 * So in a pod (`ndots:5`), `api.example.com` (2 dots) costs three
 * NXDOMAINs from cluster DNS before the real name is asked
 * (behaviour.md, vector 23).
 */
import type { StubConfig } from './resolvconf';
import { dotsIn, fqdn } from './name';

/** The absolute names to try for `typed`, in order. */
export function searchCandidates(typed: string, config: Pick<StubConfig, 'search' | 'ndots'>): string[] {
  const name = typed.trim();
  if (name.endsWith('.')) return [fqdn(name)];
  const withSearch = config.search.map((domain) => fqdn(`${name}.${domain}`));
  return dotsIn(name) >= config.ndots ? [fqdn(name), ...withSearch] : [...withSearch, fqdn(name)];
}

/** Why those names, in that order: for the trace. */
export function searchWhy(typed: string, config: Pick<StubConfig, 'search' | 'ndots'>): string {
  const name = typed.trim();
  if (name.endsWith('.')) return `${name} ends with a dot: absolute, no search list`;
  const dots = dotsIn(name);
  if (config.search.length === 0) return `${name}: no search list`;
  return dots >= config.ndots
    ? `${name} has ${dots} dot(s), at least ndots:${config.ndots}: try it as is first, then the search list`
    : `${name} has ${dots} dot(s), fewer than ndots:${config.ndots}: try the search list first, then the name as is`;
}
