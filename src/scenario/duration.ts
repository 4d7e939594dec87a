/**
 * Durations as people write them: `500ms`, `30s`, `10m`, `1h`, `1m30s`, or a
 * plain number of milliseconds. Used by scenario files and by the command
 * line (`--until 10m`), so both read time the same way.
 */

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const whole = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const plain = /^\d+(?:\.\d+)?$/;

/** Milliseconds for a duration, or undefined when `value` is not one (negative, NaN, `fast`…). */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (plain.test(text)) return Number(text);
  if (!whole.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(part)) total += Number(amount) * (unitMs[unit ?? 'ms'] ?? 1);
  return total;
}

/** `60 s`, `1.5 s`, `250 ms`: short and exact enough for summaries. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${Math.round(ms) / 1000} s`;
  return `${Math.round(ms * 1000) / 1000} ms`;
}

/** What a duration field expects, for error messages. */
export const durationExpected = 'a duration such as 500ms, 30s, 10m, 1h, or a number of milliseconds';
