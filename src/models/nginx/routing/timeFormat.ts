/**
 * nginx's time formats, from a virtual epoch time in milliseconds (never the
 * wall clock): `$time_local` (`27/Nov/2026:09:00:00 +0000`), `$time_iso8601`
 * and `$msec`, as ngx_times.c writes them.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  sign: string;
  offH: number;
  offM: number;
}

function parts(epochMs: number, tzOffsetMinutes: number): Parts {
  // Shift by the offset and read UTC fields: the same wall-clock reading nginx's localtime gives.
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + tzOffsetMinutes * 60_000);
  const abs = Math.abs(tzOffsetMinutes);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    sign: tzOffsetMinutes < 0 ? '-' : '+',
    offH: Math.floor(abs / 60),
    offM: abs % 60,
  };
}

/** The last `$time_local` made: every access-log line asks, and many share a second. */
let lastLocal = { second: NaN, offset: NaN, text: '' };

/** `$time_local`: `27/Nov/2026:09:00:00 +0000`. */
export function formatTimeLocal(epochMs: number, tzOffsetMinutes = 0): string {
  const second = Math.floor(epochMs / 1000);
  if (second === lastLocal.second && tzOffsetMinutes === lastLocal.offset) return lastLocal.text;
  const p = parts(epochMs, tzOffsetMinutes);
  const text = `${pad(p.day)}/${MONTHS[p.month]}/${p.year}:${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${p.sign}${pad(p.offH)}${pad(p.offM)}`;
  lastLocal = { second, offset: tzOffsetMinutes, text };
  return text;
}

/** `$time_iso8601`: `2026-11-27T09:00:00+00:00`. */
export function formatTimeIso8601(epochMs: number, tzOffsetMinutes = 0): string {
  const p = parts(epochMs, tzOffsetMinutes);
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.sign}${pad(p.offH)}:${pad(p.offM)}`;
}

/** `$msec` and the seconds.milliseconds form of `$request_time`: `1795770000.123`. */
export function formatSeconds(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  return `${Math.floor(whole / 1000)}.${pad(whole % 1000, 3)}`;
}
