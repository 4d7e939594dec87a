/**
 * Access log lines as ngx_http_log_module writes them: literal text as is,
 * each variable escaped (`"` `\` control and non-ASCII bytes as `\xHH`),
 * "-" for a variable with no value.
 */
import { hexByte } from './bytes';
import type { RequestContext } from './context';
import { parseTemplate } from './template';
import { isPlainVariable, variableGetter, type Getter } from './variables';
import { BoundedCache } from '../../../sim';

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
  const steps = logSteps(format);
  if (steps === undefined) return format;
  let line = '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as LogStep;
    if (typeof step === 'string') {
      line += step;
      continue;
    }
    const value = step.get(ctx);
    line += value === undefined ? '-' : step.plain ? value : escapeLogValue(value);
  }
  return line;
}

/** Literal text, or a variable's getter and whether its values never need escaping. */
type LogStep = string | { get: Getter; plain: boolean };

/**
 * Formats compiled to steps, by text: a pure function of the text (the
 * variable tables never change), asked for on every request. `undefined`
 * for a format nginx would reject. Bounded.
 */
const formats = new BoundedCache<string, LogStep[] | undefined>(256, compileFormat);

function logSteps(format: string): LogStep[] | undefined {
  return formats.get(format);
}

function compileFormat(format: string): LogStep[] | undefined {
  const parsed = parseTemplate(format);
  const steps = parsed.ok
    ? parsed.parts.map((part): LogStep => {
        if ('literal' in part) return part.literal;
        // A capture the last regex did not have is empty, as in nginx.
        if ('capture' in part) {
          const index = part.capture;
          return { get: (ctx) => ctx.captures?.[index] ?? '', plain: false };
        }
        return { get: variableGetter(part.variable), plain: isPlainVariable(part.variable) };
      })
    : undefined;
  return steps;
}
