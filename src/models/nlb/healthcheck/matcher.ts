/**
 * The HTTP success-code matcher (`Matcher.HttpCode`): `200-399`, `200,202`,
 * or a mix. NLB target groups accept codes 200–599; the default is 200–399.
 */

/** Inclusive ranges of status codes that count as a passed HTTP check. */
export type MatcherRanges = ReadonlyArray<readonly [number, number]>;

export type MatcherParse = { ok: true; ranges: MatcherRanges } | { ok: false; error: string };

const NLB_MIN = 200;
const NLB_MAX = 599;

/** Parse AWS matcher syntax; errors say what was expected. */
export function parseMatcher(text: string): MatcherParse {
  const ranges: Array<readonly [number, number]> = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part);
    if (m === null) {
      return { ok: false, error: `expected HTTP codes like "200-399" or "200,202", got "${text}"` };
    }
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo < NLB_MIN || hi > NLB_MAX || lo > hi) {
      return {
        ok: false,
        error: `expected codes between ${NLB_MIN} and ${NLB_MAX} (low-high, low ≤ high), got "${part.trim()}"`,
      };
    }
    ranges.push([lo, hi]);
  }
  return { ok: true, ranges };
}

/** True when `status` falls in one of the ranges. */
export function matches(ranges: MatcherRanges, status: number): boolean {
  return ranges.some(([lo, hi]) => status >= lo && status <= hi);
}
