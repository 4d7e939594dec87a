/**
 * Access log lines as ngx_http_log_module writes them: literal text as is,
 * each variable escaped (`"` `\` control and non-ASCII bytes as `\xHH`),
 * "-" for a variable with no value.
 */
import { hexByte } from './bytes';
import type { RequestContext } from './context';
import { parseTemplate, renderParts } from './template';

/** nginx's built-in `combined` format. */
export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

/** The format string for a log_format name (`combined` is always there). */
export function logFormatFor(name: string, logFormats: Readonly<Record<string, string>> = {}): string | undefined {
  return logFormats[name] ?? (name === 'combined' ? COMBINED_FORMAT : undefined);
}

/** True when `value` has a character escapeLogValue writes as `\xHH` (a loop over codes: cheaper than a regex on short values). */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return true;
  }
  return false;
}

/** `ngx_http_log_escape` (escape=default). */
export function escapeLogValue(value: string): string {
  // Most values need no escape: one pass over the codes instead of a string built char by char.
  if (!needsEscape(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c ? `\\x${hexByte(c)}` : value.charAt(i);
  }
  return out;
}

/**
 * One access log line (without the newline) for `format`, a log_format
 * string such as COMBINED_FORMAT. The time comes from `ctx.nowMs`.
 */
export function formatAccessLog(format: string, ctx: RequestContext): string {
  const parsed = parseTemplate(format);
  if (!parsed.ok) return format;
  return renderParts(parsed.parts, ctx, logValue);
}

function logValue(v: string | undefined): string {
  return v === undefined ? '-' : escapeLogValue(v);
}
