/**
 * Tokens of the measure language (`count of 502 after 40s`, `each of app-1,
 * app-2 gets 25%–40% of requests`). Authors write these in lesson files, so
 * the tokenizer knows the shapes people type: durations with units, percents,
 * status classes (`5xx`), paths, ids with dashes, ranges with an en dash.
 */
import { parseDuration } from '../../scenario';

export type TokenKind = 'word' | 'number' | 'duration' | 'percent' | 'class' | 'path' | 'string' | 'op' | 'dash' | 'comma';

/** One token; `pos` is its column in the expression, counting from 0. */
export interface Token {
  kind: TokenKind;
  text: string;
  /** Numbers, percents (25 for 25%), durations (ms) and classes (5 for 5xx); the text otherwise. */
  value: number | string;
  pos: number;
}

/** A mistake in an expression, at a column. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** Where a number-like token must end: a space, a comma, a range dash, an operator or the end. */
const boundary = String.raw`(?=$|[\s,–—<>=!≤≥≠]|-(?=\d))`;
const rules: [TokenKind, RegExp][] = [
  ['string', /"([^"]*)"/y],
  ['duration', new RegExp(String.raw`(?:t=)?((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)${boundary}`, 'y')],
  ['percent', /(\d+(?:\.\d+)?)%/y],
  ['class', new RegExp(String.raw`([1-5])xx${boundary}`, 'y')],
  ['number', new RegExp(String.raw`(\d+(?:\.\d+)?)${boundary}`, 'y')],
  ['path', /(\/[^\s,]*)/y],
  ['op', /(<=|>=|!=|≤|≥|≠|=|<|>)/y],
  ['dash', /([–—-]|\.\.)/y],
  ['comma', /(,)/y],
  // Ids may hold "/" and ":" after the first character: `pod:default/auth-*`, `kube-proxy:node-1`.
  ['word', /([A-Za-z_][A-Za-z0-9_.#:*/-]*|\*[A-Za-z0-9_.#:*/-]*)/y],
];

function valueOf(kind: TokenKind, raw: string): number | string {
  if (kind === 'duration') return parseDuration(raw) ?? NaN;
  if (kind === 'number' || kind === 'percent' || kind === 'class') return Number(raw);
  return raw;
}

/** Split an expression into tokens, or throw an ExpressionError at the first character that starts none. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const ch = source[pos] ?? '';
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    let matched = false;
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = pos;
      const m = pattern.exec(source);
      if (m === null) continue;
      const text = m[0];
      tokens.push({ kind, text, value: valueOf(kind, m[1] ?? text), pos });
      pos += text.length;
      matched = true;
      break;
    }
    if (!matched) throw new ExpressionError(`unexpected "${source.slice(pos, pos + 12)}"`, pos);
  }
  return tokens;
}
