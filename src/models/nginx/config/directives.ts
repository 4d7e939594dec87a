/**
 * Lookup over the directive table: contexts as bit flags (nginx's cmd_type),
 * and the argument-count test of `ngx_conf_handler`.
 */
import { DIRECTIVE_TABLE } from './directive-table';

/** Configuration contexts, as nginx's NGX_*_CONF command types. */
export const CTX = {
  main: 1,
  events: 2,
  http: 4,
  srv: 8,
  loc: 16,
  ups: 32,
  sif: 64,
  lif: 128,
  lmt: 256,
} as const;
export type CtxName = keyof typeof CTX;

/** One way a directive may be written (nginx: one ngx_command_t). */
export interface DirectiveForm {
  contexts: number;
  block: boolean;
  /** Allowed argument counts for 0..7; `more` allows 8 and above. */
  counts: ReadonlySet<number>;
  more: boolean;
}

function parseForms(spec: string): DirectiveForm[] {
  return spec.split(';').map((part) => {
    const [ctxs = '', rawArgs = ''] = part.split(':').map((s) => s.trim());
    let contexts = 0;
    for (const c of ctxs.split(/\s+/)) contexts |= CTX[c as CtxName] ?? 0;
    const block = rawArgs.startsWith('{');
    const args = rawArgs.replace(/[{}]/g, '');
    const counts = new Set<number>();
    let more = false;
    if (args.endsWith('+')) {
      more = true;
      for (let n = Number(args.slice(0, -1)); n <= 7; n++) counts.add(n);
    } else {
      for (const d of args) counts.add(Number(d));
    }
    return { contexts, block, counts, more };
  });
}

const cache = new Map<string, DirectiveForm[]>();

/** The forms of a directive, or undefined for an unknown directive. */
export function lookupDirective(name: string): DirectiveForm[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(DIRECTIVE_TABLE, name)) return undefined;
  let forms = cache.get(name);
  if (!forms) {
    forms = parseForms(DIRECTIVE_TABLE[name] ?? '');
    cache.set(name, forms);
  }
  return forms;
}

/** ngx_conf_handler's argument check; `nargs` excludes the directive name. */
export function argCountValid(form: DirectiveForm, nargs: number): boolean {
  return nargs > 7 ? form.more : form.counts.has(nargs);
}

/** True when a directive may appear at the top level but not inside `http {}`. */
export function isMainOnly(name: string): boolean {
  const forms = lookupDirective(name);
  if (!forms) return false;
  const ctx = forms.reduce((m, f) => m | f.contexts, 0);
  return (ctx & CTX.main) !== 0 && (ctx & CTX.http) === 0;
}
