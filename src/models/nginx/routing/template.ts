/**
 * Strings with variables (`"$scheme://$host$request_uri"`), parsed the way
 * `ngx_http_script_compile` parses them: `$name` takes letters, digits and
 * "_"; `${name}` may be followed by more letters; `$1`…`$9` are one-digit
 * regex captures (`$10` is `$1` then "0"; `${1}` is an unknown variable).
 */
import type { RequestContext } from './context';
import { isKnownVariable, variableGetter, type Getter } from './variables';
import { BoundedCache } from '../../../sim';

export type TemplatePart = { literal: string } | { variable: string } | { capture: number };

/** The parts of a template, or the error `nginx -t` reports for it. */
export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; error: string };

const isNameChar = (ch: string): boolean => /^[A-Za-z0-9_]$/.test(ch);

/**
 * Parsed templates by text. A configuration's templates (log formats,
 * proxy_set_header values) are parsed again for every request otherwise;
 * parsing is pure, so the result is shared. Bounded: a long run that edits
 * its configuration many times starts the cache afresh.
 */
const parsedCache = new BoundedCache<string, ParsedTemplate>(1024, (template) => parseTemplateText(template));

/** The parts of `template` (shared between callers: read them, do not change them). */
export function parseTemplate(template: string): ParsedTemplate {
  return parsedCache.get(template);
}

function parseTemplateText(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < template.length) {
    if (template[i] !== '$') {
      const next = template.indexOf('$', i);
      const end = next < 0 ? template.length : next;
      parts.push({ literal: template.slice(i, end) });
      i = end;
      continue;
    }
    i++;
    const first = template[i];
    if (first === undefined) return { ok: false, error: 'invalid variable name' };
    if (first >= '1' && first <= '9') {
      parts.push({ capture: Number(first) });
      i++;
      continue;
    }
    let bracket = false;
    if (first === '{') {
      bracket = true;
      i++;
      if (i >= template.length) return { ok: false, error: 'invalid variable name' };
    }
    const start = i;
    while (i < template.length && isNameChar(template.charAt(i))) i++;
    const name = template.slice(start, i);
    if (bracket) {
      if (template[i] !== '}') return { ok: false, error: `the closing bracket in "${name}" variable is missing` };
      i++;
    }
    if (name === '') return { ok: false, error: 'invalid variable name' };
    parts.push({ variable: name });
  }
  return { ok: true, parts };
}

/**
 * What `nginx -t` says about a template, or undefined when it is fine:
 * `invalid variable name`, `unknown "foo" variable`, or the missing bracket.
 * `namedCaptures` are the `(?<name>…)` groups the configuration defines.
 */
export function templateError(template: string, namedCaptures: readonly string[] = []): string | undefined {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed.error;
  for (const part of parsed.parts) {
    if ('variable' in part && !isKnownVariable(part.variable, namedCaptures)) return `unknown "${part.variable}" variable`;
  }
  return undefined;
}

/**
 * Evaluate parsed parts; `onValue` decides how a variable's value (undefined
 * when not found) is written — scripts write it as is, empty when not found.
 * (The access log has its own compiled form: see accessLog.ts.)
 */
export function renderParts(parts: readonly TemplatePart[], ctx: RequestContext, onValue: (v: string | undefined) => string): string {
  let out = '';
  for (const step of compiled(parts)) out += typeof step === 'string' ? step : onValue(step(ctx));
  return out;
}

/** A compiled part: literal text, or the getter of a variable or capture. */
type Step = string | Getter;

/**
 * Parts compiled to steps, by parts array: the parsed arrays are the shared
 * ones of parsedCache, so a template is compiled once, not per request. A
 * variable's getter depends on its name only (see variableGetter).
 */
const compiledParts = new WeakMap<readonly TemplatePart[], Step[]>();

function compiled(parts: readonly TemplatePart[]): Step[] {
  let steps = compiledParts.get(parts);
  if (steps === undefined) {
    steps = parts.map((part): Step => {
      if ('literal' in part) return part.literal;
      // A capture the last regex did not have is empty, as in nginx.
      if ('capture' in part) {
        const index = part.capture;
        return (ctx) => ctx.captures?.[index] ?? '';
      }
      return variableGetter(part.variable);
    });
    compiledParts.set(parts, steps);
  }
  return steps;
}

/** Scripts write a not-found variable as nothing. */
function asScript(v: string | undefined): string {
  return v ?? '';
}

/**
 * Expand a template as `return`, `proxy_set_header`, `proxy_pass` and friends
 * do: not-found variables become empty. A template nginx would reject at
 * start-up (see templateError) is returned unchanged.
 */
export function expandVariables(template: string, ctx: RequestContext): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return template;
  return renderParts(parsed.parts, ctx, asScript);
}
