/**
 * Finding, in an nginx.conf's text, the `location` block a request matched,
 * so the inspector can highlight it. The nginx model says which location it
 * chose in its decision's `why` (`longest prefix match "/api/"`); the
 * block's lines are found by its label and its braces.
 */

/** The label of a `location` line (`/api/`, `= /health`, `~* \.png$`), or undefined for other lines. */
export function locationLabelOf(line: string): string | undefined {
  const m = /^\s*location\s+(.*?)\s*\{/.exec(line.replace(/#.*$/, ''));
  return m?.[1]?.replace(/\s+/g, ' ');
}

/** First and last line (1-based) of the location block labelled `label`, or undefined. */
export function locationLines(conf: string, label: string): { first: number; last: number } | undefined {
  const lines = conf.split('\n');
  const start = lines.findIndex((l) => locationLabelOf(l) === label);
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const code = (lines[i] ?? '').replace(/#.*$/, '');
    for (const ch of code) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth <= 0 && i > start) return { first: start + 1, last: i + 1 };
    if (depth === 0 && i === start && code.includes('}')) return { first: start + 1, last: start + 1 };
  }
  return { first: start + 1, last: lines.length };
}

/**
 * The location a `location` decision's `why` names: the last quoted label in
 * it that is a location of `conf` (a why may quote the URI first, and the
 * outer prefix before the nested one that won).
 */
export function matchedLocation(why: string, conf: string): string | undefined {
  const labels = new Set(conf.split('\n').map(locationLabelOf).filter((l): l is string => l !== undefined));
  const quoted = [...why.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
  for (let i = quoted.length - 1; i >= 0; i--) {
    const q = quoted[i];
    if (q !== undefined && labels.has(q)) return q;
  }
  return undefined;
}
