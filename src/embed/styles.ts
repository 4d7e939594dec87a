/**
 * Styles for shadow roots without `<style>` elements.
 *
 * A strict page policy (`style-src 'self'`) refuses every `<style>` element,
 * including the ones Svelte inserts for each component. Constructed
 * stylesheets (`new CSSStyleSheet()` + `adoptedStyleSheets`) are not
 * inline style in the policy's sense, so they work under it. Each sheet is
 * made once and shared by every <traffic-lab> on the page; a component's CSS
 * that arrives later (a lazily loaded editor) is added to every live root.
 */

interface Sheet {
  id: string;
  css: string;
  sheet: CSSStyleSheet | undefined;
}

const sheets: Sheet[] = [];
const roots = new Set<ShadowRoot>();

/** Whether this browser can adopt constructed sheets (every current one can). */
function constructable(): boolean {
  return typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in ShadowRoot.prototype;
}

function apply(root: ShadowRoot, sheet: Sheet): void {
  if (sheet.sheet !== undefined) {
    if (!root.adoptedStyleSheets.includes(sheet.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.sheet];
    return;
  }
  // Old browsers only: a <style> element, which a strict policy refuses (see docs/embedding.md).
  if (root.querySelector(`style[data-sheet="${sheet.id}"]`) !== null) return;
  const style = document.createElement('style');
  style.dataset.sheet = sheet.id;
  style.textContent = sheet.css;
  root.prepend(style);
}

/**
 * Add a stylesheet for every shadow root this module serves, now and later.
 * The same `id` twice is kept once: Svelte asks again for each instance of a component.
 */
export function addSheet(id: string, css: string): void {
  if (sheets.some((s) => s.id === id)) return;
  let sheet: CSSStyleSheet | undefined;
  if (constructable()) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  const entry = { id, css, sheet };
  sheets.push(entry);
  for (const root of roots) apply(root, entry);
}

/** Give `root` every sheet, in the order they were added, and the ones added later. Returns a function that stops the later ones. */
export function serveSheets(root: ShadowRoot): () => void {
  roots.add(root);
  for (const sheet of sheets) apply(root, sheet);
  return () => roots.delete(root);
}
