/**
 * `location`, `root`, `alias`, `index` and `types` (ngx_http_core_module,
 * ngx_http_index_module): location modifiers and nesting rules, with the
 * messages nginx gives when they are broken.
 */
import type { LocationModifier } from '../model';
import { CTX } from './directives';
import type { BlockBodyHandler, Handler, Parser } from './parser';
import { newSettingsLevel, type LocationNode } from './tree';
import { defineCaptures, useVariables } from './values';

/** Splits `location [modifier] name` the way ngx_http_core_location does. */
function splitLocation(p: Parser, args: string[]): { modifier: LocationModifier; pattern: string } {
  if (args.length === 2) {
    const [mod = '', name = ''] = args;
    if (mod === '=' || mod === '^~' || mod === '~' || mod === '~*') return { modifier: mod, pattern: name };
    p.fail(`invalid location modifier "${mod}"`);
  }
  const name = args[0] ?? '';
  if (name.startsWith('=')) return { modifier: '=', pattern: name.slice(1) };
  if (name.startsWith('^~')) return { modifier: '^~', pattern: name.slice(2) };
  if (name.startsWith('~*')) return { modifier: '~*', pattern: name.slice(2) };
  if (name.startsWith('~')) return { modifier: '~', pattern: name.slice(1) };
  if (name.startsWith('@')) return { modifier: '@', pattern: name };
  return { modifier: '', pattern: name };
}

const isRegex = (m: LocationModifier): boolean => m === '~' || m === '~*';

export const locationBlock: Handler = (p, d) => {
  const parent = p.node;
  if (parent.kind !== 'server' && parent.kind !== 'location') return;
  const { modifier, pattern } = splitLocation(p, d.args);
  if (isRegex(modifier)) defineCaptures(p, pattern);
  if (parent.kind === 'location') {
    if (parent.modifier === '=') p.fail(`location "${pattern}" cannot be inside the exact location "${parent.pattern}"`);
    if (parent.modifier === '@') p.fail(`location "${pattern}" cannot be inside the named location "${parent.pattern}"`);
    if (modifier === '@') p.fail(`named location "${pattern}" can be on the server level only`);
    if (!isRegex(modifier) && !pattern.startsWith(parent.pattern)) {
      p.fail(`location "${pattern}" is outside location "${parent.pattern}"`);
    }
  }
  const loc: LocationNode = { ...newSettingsLevel('location', d.pos), modifier, pattern, locations: [] };
  parent.locations.push(loc);
  p.parseBlock(CTX.loc, loc);
};

/** `root` and `alias` share one slot in nginx, hence the cross-duplicate message. */
function rootOrAlias(alias: boolean): Handler {
  return (p, d) => {
    const node = p.node;
    if (node.kind !== 'http' && node.kind !== 'server' && node.kind !== 'location' && node.kind !== 'if') return;
    const s = node.settings;
    if (s.root !== undefined || s.alias !== undefined) {
      const earlier = s.alias !== undefined ? 'alias' : 'root';
      if ((earlier === 'alias') !== alias) {
        p.fail(`"${d.name}" directive is duplicate, "${earlier}" directive was specified earlier`);
      }
      p.failDirective(d, 'is duplicate');
    }
    if (alias && node.kind === 'location' && node.modifier === '@') {
      p.fail('the "alias" directive cannot be used inside the named location');
    }
    let value = d.args[0] ?? '';
    for (const v of ['document_root', 'realpath_root']) {
      if (value.includes('$' + v) || value.includes('${' + v + '}')) {
        p.fail(`the $${v} variable cannot be used in the "${d.name}" directive`);
      }
    }
    useVariables(p, value);
    if (alias) {
      s.alias = value;
    } else {
      // nginx drops one trailing slash from root so that root + URI has no `//`.
      if (value.endsWith('/')) value = value.slice(0, -1);
      s.root = value;
    }
  };
}

export const locationHandlers: Record<string, Handler> = {
  location: locationBlock,
  root: rootOrAlias(false),
  alias: rootOrAlias(true),

  index: (p, d) => {
    const node = p.node;
    if (node.kind !== 'http' && node.kind !== 'server' && node.kind !== 'location') return;
    d.args.forEach((v) => {
      if (v.length === 0) p.fail(`index "${v}" in "index" directive is invalid`);
      useVariables(p, v);
    });
    // Several `index` lines at one level add up, as in nginx.
    node.settings.index = [...(node.settings.index ?? []), ...d.args];
  },

  types: (p) => p.parseBlock(p.ctx, p.node, typesBody),
};

/** Lines of `types {}`: `mime/type ext…;`, or an `include`. */
export const typesBody: BlockBodyHandler = (p, args) => {
  if (args[0] === 'include') {
    if (args.length !== 2) p.fail('invalid number of arguments in "include" directive');
    p.include(args[1] ?? '');
  }
};
