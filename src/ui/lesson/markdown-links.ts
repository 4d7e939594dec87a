/**
 * Which link targets lesson Markdown may use: http(s), mailto, and addresses
 * on this site (relative, `?lesson=…`, `#…`). Anything else (`javascript:`,
 * `data:`) is shown as plain text, so a lesson cannot run script in the page.
 */

/** The href to use, or undefined when the link must be shown as text. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // No scheme at all (no "x:" before the first / ? #): a relative address on this site.
  if (!/^[^/?#]*:/.test(trimmed)) return trimmed;
  return undefined;
}

/** Whether a link leaves the site (it then opens in a new tab, without access to this page). */
export function isExternal(href: string): boolean {
  return /^https?:/i.test(href);
}
