/**
 * Domain names as the DNS model keeps them: lower case, absolute, with the
 * trailing dot (`www.example.com.`; the root is `.`). One canonical spelling
 * means names compare with `===` and trace records read like `dig` output.
 */

/** The canonical absolute form of a name: lower case with one trailing dot. */
export function fqdn(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (trimmed === '' || trimmed === '.') return '.';
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}

/** The labels of a name, leftmost first (`www.example.com.` → www, example, com). */
export function labels(name: string): string[] {
  const n = fqdn(name);
  return n === '.' ? [] : n.slice(0, -1).split('.');
}

/** The parent of a name (`www.example.com.` → `example.com.`); the root has none. */
export function parentOf(name: string): string | undefined {
  const parts = labels(name);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? '.' : `${parts.slice(1).join('.')}.`;
}

/** True when `name` is `ancestor` or lies below it (every name is under the root). */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  const n = fqdn(name);
  const a = fqdn(ancestor);
  return a === '.' || n === a || n.endsWith(`.${a}`);
}

/** True when `name` lies strictly below `ancestor`. */
export function isBelow(name: string, ancestor: string): boolean {
  return fqdn(name) !== fqdn(ancestor) && isAtOrBelow(name, ancestor);
}

/**
 * `name` and its ancestors from the name itself up to the root
 * (`a.b.` → `a.b.`, `b.`, `.`): the order a resolver looks for the closest
 * known delegation.
 */
export function selfAndAncestors(name: string): string[] {
  const out: string[] = [];
  let current: string | undefined = fqdn(name);
  while (current !== undefined) {
    out.push(current);
    current = parentOf(current);
  }
  return out;
}

/**
 * Dots in a name as the user typed it, not counting a trailing dot: what
 * resolv.conf's `ndots` compares against (`api.example.com` has 2).
 */
export function dotsIn(typed: string): number {
  const body = typed.endsWith('.') ? typed.slice(0, -1) : typed;
  let dots = 0;
  for (const ch of body) if (ch === '.') dots++;
  return dots;
}

/** `name` without its trailing dot, as dig prints server names (`a.root-servers.net`). */
export function withoutTrailingDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
