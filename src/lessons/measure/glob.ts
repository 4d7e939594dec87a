/** Id patterns in measures and goals: `auth-*` names every component whose id starts with `auth-`. */

/** `*` matches any run of characters; everything else literally. */
export function globMatch(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(id);
}
