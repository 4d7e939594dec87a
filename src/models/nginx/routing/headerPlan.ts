/**
 * The header fields a proxying location sends upstream, worked out once per
 * location (ngx_http_proxy_init_headers): its `proxy_set_header` fields in
 * config order, then nginx's defaults they do not name, each ready to be
 * evaluated for a request; and which client fields are then passed on.
 */
import type { LocationBlock } from '../model';
import { lowerHeaderName } from './headers';
import { parseTemplate } from './template';

/** `$proxy_internal_body_length`: the body length nginx read, when there is one. */
export const BODY_LENGTH = '$proxy_internal_body_length';
/** `$proxy_internal_chunked`: always empty here (nginx buffers the body and sends Content-Length). */
export const CHUNKED = '$proxy_internal_chunked';

/** ngx_http_proxy_headers: what nginx adds unless proxy_set_header names the field. */
const DEFAULT_HEADERS: readonly [string, string][] = [
  ['Host', '$proxy_host'],
  ['Connection', 'close'],
  ['Content-Length', BODY_LENGTH],
  ['Transfer-Encoding', CHUNKED],
  ['TE', ''],
  ['Keep-Alive', ''],
  ['Expect', ''],
  ['Upgrade', ''],
];

/**
 * One field of the plan: the same field for every request (its value has no
 * variables), the body length, or a template to expand. A field whose value
 * is always empty is left out, as nginx never sends it.
 */
export type PlannedField =
  | { readonly kind: 'fixed'; readonly field: [string, string] }
  | { readonly kind: 'body'; readonly name: string }
  | { readonly kind: 'template'; readonly name: string; readonly template: string };

export interface HeaderPlan {
  /** proxy_set_header fields, then the defaults they do not name, in order. */
  readonly fields: readonly PlannedField[];
  /** Lower-cased names of every planned field (even an always-empty one): the client's fields by these names are not passed. */
  readonly replaced: ReadonlySet<string>;
  /**
   * Whether a client field is passed, by its name as sent: a function of the
   * name and `replaced` only, asked for the same few names on every request.
   * Bounded.
   */
  readonly passes: Map<string, boolean>;
}

/** Client field names a plan remembers before it starts afresh. */
const PASSES_LIMIT = 256;

/** True when the client's field `name` goes upstream under `plan`. */
export function passes(plan: HeaderPlan, name: string): boolean {
  let passed = plan.passes.get(name);
  if (passed === undefined) {
    if (plan.passes.size >= PASSES_LIMIT) plan.passes.clear();
    passed = !plan.replaced.has(lowerHeaderName(name));
    plan.passes.set(name, passed);
  }
  return passed;
}

/** What expanding `template` gives whatever the request, or undefined when it has variables. */
function fixedValue(template: string): string | undefined {
  const parsed = parseTemplate(template);
  // A template nginx would reject is sent as written (see expandVariables).
  if (!parsed.ok) return template;
  let value = '';
  for (const part of parsed.parts) {
    if (!('literal' in part)) return undefined;
    value += part.literal;
  }
  return value;
}

function planned(name: string, template: string): PlannedField | undefined {
  if (template === BODY_LENGTH) return { kind: 'body', name };
  if (template === CHUNKED) return undefined;
  const value = fixedValue(template);
  if (value === undefined) return { kind: 'template', name, template };
  return value === '' ? undefined : { kind: 'fixed', field: [name, value] };
}

/** Header plans by location: they depend on its configuration only, which never changes, so each is worked out once. */
const plans = new WeakMap<LocationBlock, HeaderPlan>();

/** The plan of a location with proxy_pass (shared: read it, do not change it). */
export function headerPlan(location: LocationBlock): HeaderPlan {
  let plan = plans.get(location);
  if (plan === undefined) {
    const merged: (readonly [string, string])[] = [...location.conf.proxySetHeaders];
    for (const d of DEFAULT_HEADERS) {
      if (!merged.some(([name]) => name.toLowerCase() === d[0].toLowerCase())) merged.push(d);
    }
    const fields: PlannedField[] = [];
    for (const [name, template] of merged) {
      const field = planned(name, template);
      if (field !== undefined) fields.push(field);
    }
    plan = { fields, replaced: new Set(merged.map(([name]) => name.toLowerCase())), passes: new Map() };
    plans.set(location, plan);
  }
  return plan;
}
