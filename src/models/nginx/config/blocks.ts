/**
 * Blocks whose bodies are data rather than directives (`map`, `geo`,
 * `split_clients`, `charset_map`), and `limit_except`. Their contents are not
 * simulated; they are read with nginx's own checks so that a broken one fails
 * where nginx fails, and the variables they define are known afterwards.
 */
import { CTX } from './directives';
import type { BlockBodyHandler, Handler, Parser } from './parser';
import { newSettingsLevel } from './tree';
import { defineCaptures, useVariables } from './values';
import { BUILTIN_VARIABLES } from './variables';

/** ngx_http_add_variable for map/geo/split_clients results (changeable, so `set` may reuse them). */
function defineResult(p: Parser, name: string): void {
  if (name[0] !== '$') p.fail(`invalid variable name "${name}"`);
  const v = name.slice(1).toLowerCase();
  if (v.length === 0) p.fail(`invalid variable name "${name.slice(1)}"`);
  if (BUILTIN_VARIABLES.has(v) && v !== 'args' && v !== 'limit_rate') p.fail(`the duplicate "${name.slice(1)}" variable`);
  p.definedVariables.add(v);
  p.useVariable(v);
}

/** Bodies may `include` files of entries, as nginx allows. */
function includeLine(p: Parser, args: string[]): boolean {
  if (args[0] !== 'include') return false;
  if (args.length !== 2) p.fail('invalid number of arguments in "include" directive');
  p.include(args[1] ?? '');
  return true;
}

function mapBody(): BlockBodyHandler {
  const keys = new Set<string>();
  let hasDefault = false;
  return (p, args) => {
    if (args.length === 1 && (args[0] === 'hostnames' || args[0] === 'volatile')) return;
    if (args.length !== 2) p.fail('invalid number of the map parameters');
    if (includeLine(p, args)) return;
    const [key = '', value = ''] = args;
    useVariables(p, value);
    if (key === 'default') {
      if (hasDefault) p.fail('duplicate default map parameter');
      hasDefault = true;
      return;
    }
    if (key.startsWith('~')) {
      defineCaptures(p, key.slice(key.startsWith('~*') ? 2 : 1));
      return;
    }
    const k = (key.startsWith('\\') ? key.slice(1) : key).toLowerCase();
    // nginx lower-cases the key in place before it reports the conflict.
    if (keys.has(k)) p.fail(`conflicting parameter "${k}"`);
    keys.add(k);
  };
}

const loose: BlockBodyHandler = (p, args) => {
  includeLine(p, args);
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'MKCOL', 'COPY', 'MOVE', 'OPTIONS', 'PROPFIND', 'PROPPATCH', 'LOCK', 'UNLOCK', 'PATCH'];

export const blockHandlers: Record<string, Handler> = {
  map: (p, d) => {
    const [source = '', result = ''] = d.args;
    useVariables(p, source);
    defineResult(p, result);
    p.parseBlock(p.ctx, p.node, mapBody());
  },

  geo: (p, d) => {
    const result = d.args.length === 2 ? d.args[1] ?? '' : d.args[0] ?? '';
    if (d.args.length === 2) useVariables(p, d.args[0] ?? '');
    defineResult(p, result);
    p.parseBlock(p.ctx, p.node, loose);
  },

  split_clients: (p, d) => {
    const [source = '', result = ''] = d.args;
    useVariables(p, source);
    defineResult(p, result);
    p.parseBlock(p.ctx, p.node, loose);
  },

  charset_map: (p) => p.parseBlock(p.ctx, p.node, loose),

  limit_except: (p, d) => {
    for (const m of d.args) {
      if (!METHODS.includes(m)) p.fail(`invalid method "${m}"`);
    }
    p.namelessDepth++;
    try {
      p.parseBlock(CTX.lmt, newSettingsLevel('limit_except', d.pos));
    } finally {
      p.namelessDepth--;
    }
  },
};
