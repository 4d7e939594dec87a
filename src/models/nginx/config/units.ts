/**
 * nginx's number, duration and size syntax: ports of `ngx_atoi`,
 * `ngx_parse_time`, `ngx_parse_size` and `ngx_parse_offset`.
 *
 * Durations are `1h30m`, `500ms`, `30s`, `1m`, `2d`, `1w`, `1M`, `1y`, or a
 * bare number, which means seconds; sizes are `512`, `8k`, `1m`, `1g`.
 */

/** NGX_MAX_INT_T_VALUE on 64-bit Linux; nginx rejects numbers above it. */
const MAX_INT = 9223372036854775807n;

/** `ngx_atoi`: non-negative decimal only, or NaN (nginx's NGX_ERROR). */
export function atoi(s: string): number {
  if (s.length === 0 || !/^[0-9]+$/.test(s)) return NaN;
  const v = BigInt(s);
  return v > MAX_INT ? NaN : Number(v);
}

/** Steps of ngx_parse_time: each unit must come after the previous one. */
const ST = { start: 0, year: 1, month: 2, week: 3, day: 4, hour: 5, min: 6, sec: 7, msec: 8, last: 9 } as const;

/**
 * `ngx_parse_time(line, is_sec)`: milliseconds when `isSec` is false, seconds
 * when true; NaN where nginx returns NGX_ERROR. A bare number means seconds;
 * units must be in decreasing order (`1h30m`, not `30m1h`); `ms` only when
 * milliseconds are asked for; and, as in nginx, `y` and `M` only for seconds.
 */
export function parseTime(line: string, isSec: boolean): number {
  const cutoff = MAX_INT / 10n;
  const cutlim = MAX_INT % 10n;
  let valid = false;
  let value = 0n;
  let total = 0n;
  let step: number = isSec ? ST.start : ST.month;
  let p = 0;
  while (p < line.length) {
    const ch = line[p] ?? '';
    if (ch >= '0' && ch <= '9') {
      const d = BigInt(ch.charCodeAt(0) - 48);
      if (value >= cutoff && (value > cutoff || d > cutlim)) return NaN;
      value = value * 10n + d;
      valid = true;
      p++;
      continue;
    }
    p++;
    let scale: bigint;
    let max: bigint;
    const unitStep = (st: number, seconds: number, strict: boolean): boolean => {
      // `y` only checks `step > start`; the others reject an equal step too.
      if (strict ? step >= st : step > ST.start) return false;
      step = st;
      scale = BigInt(seconds);
      max = MAX_INT / scale;
      return true;
    };
    switch (ch) {
      case 'y':
        if (!unitStep(ST.year, 60 * 60 * 24 * 365, false)) return NaN;
        break;
      case 'M':
        if (!unitStep(ST.month, 60 * 60 * 24 * 30, true)) return NaN;
        break;
      case 'w':
        if (!unitStep(ST.week, 60 * 60 * 24 * 7, true)) return NaN;
        break;
      case 'd':
        if (!unitStep(ST.day, 60 * 60 * 24, true)) return NaN;
        break;
      case 'h':
        if (!unitStep(ST.hour, 60 * 60, true)) return NaN;
        break;
      case 'm':
        if (line[p] === 's') {
          if (isSec || step >= ST.msec) return NaN;
          p++;
          step = ST.msec;
          scale = 1n;
          max = MAX_INT;
          break;
        }
        if (!unitStep(ST.min, 60, true)) return NaN;
        break;
      case 's':
        if (!unitStep(ST.sec, 1, true)) return NaN;
        break;
      case ' ':
        if (step >= ST.sec) return NaN;
        step = ST.last;
        scale = 1n;
        max = MAX_INT;
        break;
      default:
        return NaN;
    }
    // The switch assigned both on every path that did not return.
    let sc = scale!;
    let mx = max!;
    if (step !== ST.msec && !isSec) {
      sc *= 1000n;
      mx /= 1000n;
    }
    if (value > mx) return NaN;
    value *= sc;
    if (total > MAX_INT - value) return NaN;
    total += value;
    value = 0n;
    while (line[p] === ' ') p++;
  }
  if (!valid) return NaN;
  if (!isSec) {
    if (value > MAX_INT / 1000n) return NaN;
    value *= 1000n;
  }
  if (total > MAX_INT - value) return NaN;
  return Number(total + value);
}

/** `ngx_parse_size`: bytes for `N`, `Nk`/`NK`, `Nm`/`NM`; NaN when invalid. */
export function parseSize(s: string): number {
  return parseScaled(s, { k: 1024, m: 1024 * 1024 });
}

/** `ngx_parse_offset`: like sizes, and also `Ng`/`NG`. */
export function parseOffset(s: string): number {
  return parseScaled(s, { k: 1024, m: 1024 * 1024, g: 1024 * 1024 * 1024 });
}

function parseScaled(s: string, units: Record<string, number>): number {
  const last = s.slice(-1).toLowerCase();
  const scale = units[last];
  const digits = scale === undefined ? s : s.slice(0, -1);
  const n = atoi(digits);
  if (Number.isNaN(n)) return NaN;
  const v = BigInt(n) * BigInt(scale ?? 1);
  return v > MAX_INT ? NaN : Number(v);
}
