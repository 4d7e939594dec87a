/**
 * A scenario written straight into the `scenario` attribute. HTML keeps the
 * attribute's line breaks and the page's indentation, so the YAML arrives
 * indented by however deep the element sits in the page; it is dedented
 * before parsing.
 */

/**
 * A URL never contains a line break or starts with `{`; a scenario, which
 * needs at least `name` and `topology`, always spans lines or is one flow
 * mapping.
 */
export function isInlineScenario(value: string): boolean {
  return /[\r\n]/.test(value) || value.trimStart().startsWith('{');
}

/**
 * Remove the indentation common to every non-blank line after the first
 * (the first may sit right after the opening quote, unindented), and blank
 * lines at either end. Tabs count as one column, like spaces: YAML forbids
 * tabs for indentation anyway and will say so with a line number.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const [first = '', ...rest] = lines;
  const indents = rest.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const firstIndent = /^[ \t]*/.exec(first)?.[0].length ?? 0;
  // When the first line is indented like the others it is dedented with them; when it follows the quote at once it has none.
  const common = Math.min(...indents, firstIndent > 0 ? firstIndent : Number.POSITIVE_INFINITY);
  if (!Number.isFinite(common) || common === 0) return [first.trimStart(), ...rest].join('\n') + '\n';
  return [first.slice(Math.min(firstIndent, common)), ...rest.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0)))].join('\n') + '\n';
}
