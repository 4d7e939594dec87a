/**
 * ngx_http_rewrite_module: `return`, `rewrite`, `set`, `if` and `break`.
 * Only a `return` outside `if` is simulated; the others are checked as nginx
 * checks them (condition syntax, variable names, flags) and listed as not
 * simulated.
 */
import { CTX } from './directives';
import type { Directive, Handler, Parser } from './parser';
import { newSettingsLevel, type NamelessNode } from './tree';
import { atoi } from './units';
import { defineCaptures, useVariables } from './values';
import { BUILTIN_VARIABLES, CHANGEABLE_BUILTINS } from './variables';

function ret(p: Parser, d: Directive): void {
  const [first = '', second] = d.args;
  let code = atoi(first);
  let text: string | undefined;
  if (Number.isNaN(code)) {
    const isUrl = first.startsWith('http://') || first.startsWith('https://') || first.startsWith('$scheme');
    if (d.args.length !== 1 || !isUrl) p.fail(`invalid return code "${first}"`);
    code = 302;
    text = first;
  } else {
    if (code > 999) p.fail(`invalid return code "${first}"`);
    text = second;
  }
  if (text !== undefined) useVariables(p, text);
  const node = p.node;
  if (node.kind === 'server' || node.kind === 'location' || node.kind === 'if') {
    // Only the first `return` at a level can run; later ones are unreachable, as in nginx.
    node.settings.return ??= text === undefined ? { code } : { code, text };
  }
}

/** ngx_http_rewrite_if_condition: `($v)`, `($v op value)`, `(-f path)`, `(!-d path)`. */
function checkCondition(p: Parser, args: string[]): void {
  const v = [...args];
  const first = v[0] ?? '';
  if (first.length < 1 || first[0] !== '(') p.fail(`invalid condition "${first}"`);
  let cur = 0;
  if (first.length === 1) cur = 1;
  else v[0] = first.slice(1);
  let last = v.length - 1;
  const lastArg = v[last] ?? '';
  if (lastArg.length < 1 || !lastArg.endsWith(')')) p.fail(`invalid condition "${lastArg}"`);
  if (lastArg.length === 1) last--;
  else v[last] = lastArg.slice(0, -1);
  if (cur > last) p.fail(`invalid condition "${v[cur] ?? ''}"`);

  const word = v[cur] ?? '';
  if (word.length > 1 && word[0] === '$') {
    if (cur !== last && cur + 2 !== last) p.fail(`invalid condition "${word}"`);
    p.useVariable(word.slice(1).toLowerCase());
    if (cur === last) return;
    const op = v[cur + 1] ?? '';
    const value = v[last] ?? '';
    if (op === '=' || op === '!=') {
      useVariables(p, value);
      return;
    }
    if (op === '~' || op === '~*' || op === '!~' || op === '!~*') {
      defineCaptures(p, value);
      return;
    }
    p.fail(`unexpected "${op}" in condition`);
  }
  if ((word.length === 2 && word[0] === '-') || (word.length === 3 && word.startsWith('!-'))) {
    if (cur + 1 !== last) p.fail(`invalid condition "${word}"`);
    useVariables(p, v[last] ?? '');
    if (['f', 'd', 'e', 'x'].includes(word[word.length - 1] ?? '')) return;
  }
  p.fail(`invalid condition "${word}"`);
}

export const rewriteHandlers: Record<string, Handler> = {
  return: ret,

  rewrite: (p, d) => {
    const [regex = '', replacement = '', flag] = d.args;
    defineCaptures(p, regex);
    if (flag !== undefined && !['last', 'break', 'redirect', 'permanent'].includes(flag)) {
      p.fail(`invalid parameter "${flag}"`);
    }
    useVariables(p, replacement);
  },

  set: (p, d) => {
    const [name = '', value = ''] = d.args;
    if (name[0] !== '$') p.fail(`invalid variable name "${name}"`);
    const v = name.slice(1).toLowerCase();
    if (v.length === 0) p.fail(`invalid variable name "${name.slice(1)}"`);
    // Built-ins other than $args and $limit_rate cannot be set; prefix families ($http_…) can.
    if (!p.definedVariables.has(v) && BUILTIN_VARIABLES.has(v) && !CHANGEABLE_BUILTINS.has(v)) {
      p.fail(`the duplicate "${name.slice(1)}" variable`);
    }
    p.definedVariables.add(v);
    p.useVariable(v);
    useVariables(p, value);
  },

  if: (p, d) => {
    const parent = p.node;
    if (parent.kind !== 'server' && parent.kind !== 'location') return;
    checkCondition(p, d.args);
    const node: NamelessNode = newSettingsLevel('if', d.pos);
    p.namelessDepth++;
    try {
      p.parseBlock(parent.kind === 'server' ? CTX.sif : CTX.lif, node);
    } finally {
      p.namelessDepth--;
    }
  },

  break: () => undefined,
};
