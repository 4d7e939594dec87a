/**
 * The measure language, parsed by recursive descent into `ast.ts` data.
 *
 *     measure:  count of SET | share of SET | time of first SET
 *               | (mean|max) latency of SET
 *               | (servedBy|status|result|latency) of request N [from CLIENT] [for /path]
 *               | (sender|receiver) of first messages … | servers of SET
 *     SET:      (requests | 502 | 5xx | failures | successes | errors | refused | resets | timeouts | messages)
 *               | commands ["kubectl get pods"] [in WHERE] (lines run in the terminal)
 *               then any of: from ID, servedBy ID, for /path, to ID, type T, on behalf of CLIENT, after TIME, before TIME,
 *               between TIME and TIME
 *     TIME:     40s | t=40s | ID becomes STATE | COMMAND of ID (crash of app)
 *     goal:     no SET | each of ID, ID… gets 25%–40% of requests [filters]
 *               | ID receives no [new] requests [window] | measure (is|=|<|<=|>|>=|is at least|is at most|is between…) VALUE
 *
 * Errors are ExpressionErrors at a column, saying what was expected and what was found, because
 * authors read them in `trafficlab check` output, not in our source.
 */
import type { AnySet, CommandSet, Comparison, DecisionSet, LogSet, Goal, Literal, Measure, MessageSet, RequestField, RequestSet, TimeRef, What, Window } from './ast';
import { ExpressionError, tokenize, type Token, type TokenKind } from './tokens';

const FIELDS: readonly RequestField[] = ['servedBy', 'status', 'result', 'latency'];
const MEASURE_START = 'count of, share of, servers of, time of first, sender of first, receiver of first, mean latency of, max latency of, or servedBy/status/result/latency of request N';
const SET_START = 'requests, a status (502), a class (5xx), failures, successes, errors, refused, resets, timeouts, messages, decisions, logs or commands';

function describe(token: Token | undefined): string {
  return token === undefined ? 'the end' : `"${token.text}"`;
}

class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    readonly length: number,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  next(): Token | undefined {
    return this.tokens[this.i++];
  }

  /** Consume the next token when it is this word (case-insensitive). */
  accept(word: string): boolean {
    const t = this.peek();
    if (t?.kind === 'word' && t.text.toLowerCase() === word.toLowerCase()) {
      this.i++;
      return true;
    }
    return false;
  }

  fail(expected: string): never {
    const t = this.peek();
    throw new ExpressionError(`expected ${expected}, got ${describe(t)}`, t?.pos ?? this.length);
  }

  expectWord(word: string): void {
    if (!this.accept(word)) this.fail(`"${word}"`);
  }

  expectKind(kind: TokenKind, expected: string): Token {
    const t = this.peek();
    if (t?.kind !== kind) this.fail(expected);
    this.i++;
    return t;
  }

  id(expected = 'the id of a component (such as app-1)'): string {
    return String(this.expectKind('word', expected).value);
  }
}

const TIME_EXPECTED = 'a time such as 40s, "X becomes STATE" (app becomes crashed) or "COMMAND of X" (crash of app)';

function time(c: Cursor, subject?: string): TimeRef {
  const t = c.peek();
  if (t?.kind === 'duration') {
    c.next();
    return { kind: 'at', ms: Number(t.value) };
  }
  const link = c.peek(1)?.text.toLowerCase();
  if (t?.kind !== 'word' || (link !== 'becomes' && link !== 'is' && link !== 'of')) return c.fail(TIME_EXPECTED);
  const who = c.id();
  const component = who.toLowerCase() === 'it' && subject !== undefined ? subject : who;
  c.next();
  if (link === 'of') return { kind: 'command', command: who, target: c.id('the target of the command') };
  // "api-2 becomes unhealthy", "api-2 is marked unhealthy", "api-2 is crashed": one meaning.
  if (link === 'is') c.accept('marked');
  return { kind: 'state', component, state: c.id('the name of a state (such as crashed)') };
}

/** `after`, `before` and `between … and …`; returns false when the next token starts none. */
function windowPart(c: Cursor, window: Window, subject?: string): boolean {
  if (c.accept('after')) window.after = time(c, subject);
  else if (c.accept('before')) window.before = time(c, subject);
  else if (c.peek()?.text.toLowerCase() === 'between' && c.peek(1)?.kind !== 'number' && c.peek(1)?.kind !== 'percent') {
    c.next();
    window.after = time(c, subject);
    c.expectWord('and');
    window.before = time(c, subject);
  } else return false;
  return true;
}

function what(c: Cursor): What | 'messages' | 'decisions' | 'logs' | 'commands' {
  const t = c.peek();
  if (t?.kind === 'number' && Number.isInteger(t.value) && Number(t.value) >= 100 && Number(t.value) <= 599) {
    c.next();
    c.accept('responses');
    return { type: 'status', code: Number(t.value) };
  }
  if (t?.kind === 'class') {
    c.next();
    c.accept('responses');
    return { type: 'class', hundred: Number(t.value) };
  }
  const word = t?.kind === 'word' ? t.text.toLowerCase() : '';
  const table: Record<string, What | 'messages' | 'decisions' | 'logs' | 'commands'> = {
    requests: { type: 'all' },
    failures: { type: 'failures' },
    successes: { type: 'successes' },
    errors: { type: 'result', result: 'error' },
    refused: { type: 'result', result: 'refused' },
    resets: { type: 'result', result: 'reset' },
    timeouts: { type: 'result', result: 'timeout' },
    messages: 'messages',
    decisions: 'decisions',
    logs: 'logs',
    commands: 'commands',
  };
  const found = Object.hasOwn(table, word) ? table[word] : undefined;
  if (found === undefined) return c.fail(SET_START);
  c.next();
  return found;
}

function set(c: Cursor): AnySet {
  const start = what(c);
  if (start === 'commands') {
    const s: CommandSet = { kind: 'commands', window: {} };
    // `commands matching "curl /auth/login"` reads as well as `commands "curl /auth/login"`.
    if (c.peek()?.kind !== 'string') c.accept('matching');
    if (c.peek()?.kind === 'string') s.text = String(c.next()?.value);
    for (;;) {
      if (c.accept('in')) s.where = c.id('where the line ran: machine, or a pod name (nginx-*)');
      else if (!windowPart(c, s.window)) break;
    }
    return s;
  }
  if (start === 'logs') {
    const s: LogSet = { kind: 'logs', window: {} };
    if (c.peek()?.kind === 'string') s.text = String(c.next()?.value);
    for (;;) {
      if (c.accept('by')) s.by = c.id('the id of the component that wrote the line');
      else if (!windowPart(c, s.window)) break;
    }
    return s;
  }
  if (start === 'decisions') {
    const s: DecisionSet = { kind: 'decisions', window: {} };
    if (c.peek()?.kind === 'string') s.decision = String(c.next()?.value);
    for (;;) {
      if (c.accept('by')) s.by = c.id('the id of the component that decided');
      else if (!windowPart(c, s.window)) break;
    }
    return s;
  }
  if (start === 'messages') {
    const s: MessageSet = { kind: 'messages', window: {} };
    for (;;) {
      if (c.accept('type')) s.type = c.id('a packet type (request, response, dns, tcp, health…)');
      else if (c.accept('from')) s.from = c.id();
      else if (c.accept('to')) s.to = c.id();
      else if (c.accept('on')) {
        c.expectWord('behalf');
        c.expectWord('of');
        s.client = c.id('the id of a client');
      } else if (!windowPart(c, s.window)) break;
    }
    return s;
  }
  return requestFilters(c, { kind: 'requests', what: start, window: {} });
}

function requestFilters(c: Cursor, s: RequestSet): RequestSet {
  for (;;) {
    if (c.accept('from')) s.from = c.id('the id of a client');
    else if (c.accept('servedBy') || (c.peek()?.text === 'served' && c.peek(1)?.text === 'by' && c.next() && c.next())) {
      s.servedBy = c.id('the id of the component that answered');
    } else if (c.accept('for')) s.path = String(c.expectKind('path', 'a path such as /api/').value);
    else if (c.peek()?.text === 'to' || c.peek()?.text === 'type') c.fail('"from", "servedBy", "for", "after", "before" or "between" (to and type apply to messages)');
    else if (!windowPart(c, s.window)) break;
  }
  return s;
}

function requestSet(c: Cursor, context: string): RequestSet {
  const at = c.peek();
  const s = set(c);
  if (s.kind !== 'requests') throw new ExpressionError(`${context} counts requests, not ${s.kind}`, at?.pos ?? 0);
  return s;
}

/** Parse a measure: something the trace answers with a number or a name. */
function measure(c: Cursor): Measure {
  const t = c.peek();
  const word = t?.kind === 'word' ? t.text : '';
  if (c.accept('count')) {
    c.expectWord('of');
    return { m: 'count', set: set(c) };
  }
  if (c.accept('share')) {
    c.expectWord('of');
    return { m: 'share', set: requestSet(c, 'share') };
  }
  if (word === 'time') {
    c.next();
    c.expectWord('of');
    c.expectWord('first');
    return { m: 'first', set: set(c) };
  }
  if (word === 'servers') {
    c.next();
    c.expectWord('of');
    return { m: 'servers', set: requestSet(c, 'servers of') };
  }
  if (word === 'sender' || word === 'receiver') {
    c.next();
    c.expectWord('of');
    c.expectWord('first');
    const at = c.peek();
    const s = set(c);
    if (s.kind !== 'messages') throw new ExpressionError(`${word} of first counts messages, not ${s.kind}`, at?.pos ?? 0);
    return { m: 'end', end: word, set: s };
  }
  if ((word === 'mean' || word === 'max') && c.peek(1)?.text === 'latency') {
    c.next();
    c.next();
    c.expectWord('of');
    return { m: 'latency', agg: word, set: requestSet(c, `${word} latency`) };
  }
  const field = FIELDS.find((f) => f === word);
  if (field !== undefined) {
    c.next();
    c.expectWord('of');
    c.expectWord('request');
    const n = c.expectKind('number', 'the number of the request, counting from 1 in the order they were sent');
    if (!Number.isInteger(n.value) || Number(n.value) < 1) throw new ExpressionError(`expected a whole number ≥ 1, got ${n.text}`, n.pos);
    const m: Extract<Measure, { m: 'field' }> = { m: 'field', field, n: Number(n.value) };
    for (;;) {
      if (c.accept('from')) m.from = c.id('the id of a client');
      else if (c.accept('for')) m.path = String(c.expectKind('path', 'a path such as /api/').value);
      else break;
    }
    return m;
  }
  return c.fail(MEASURE_START);
}

function literal(c: Cursor): Literal {
  const t = c.next();
  if (t?.kind === 'number') return { kind: 'number', value: Number(t.value), unit: 'count' };
  if (t?.kind === 'percent') return { kind: 'number', value: Number(t.value), unit: 'percent' };
  if (t?.kind === 'duration') return { kind: 'number', value: Number(t.value), unit: 'ms' };
  if (t?.kind === 'word' || t?.kind === 'string') return { kind: 'word', value: String(t.value) };
  throw new ExpressionError(`expected a value (a number, 25%, 200ms or a name), got ${describe(t)}`, t?.pos ?? c.length);
}

const OPS: Record<string, Exclude<Comparison['op'], 'between'>> = { '=': '=', '!=': '!=', '≠': '!=', '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };

function comparison(c: Cursor): Comparison {
  const t = c.peek();
  if (t?.kind === 'op') {
    c.next();
    return { op: OPS[t.text] ?? '=', value: literal(c) };
  }
  if (c.accept('is')) {
    if (c.accept('not')) return { op: '!=', value: literal(c) };
    if (c.accept('at')) {
      if (c.accept('least')) return { op: '>=', value: literal(c) };
      if (c.accept('most')) return { op: '<=', value: literal(c) };
      c.fail('"least" or "most"');
    }
    if (c.accept('between')) {
      const min = literal(c);
      c.expectWord('and');
      return { op: 'between', min, max: literal(c) };
    }
    if (c.accept('less')) {
      c.expectWord('than');
      return { op: '<', value: literal(c) };
    }
    if (c.accept('more')) {
      c.expectWord('than');
      return { op: '>', value: literal(c) };
    }
    return { op: '=', value: literal(c) };
  }
  return c.fail('a comparison: is N, is at least N, is at most N, is between A and B, =, <, <=, >, >=');
}

/** Which literal kind a measure's value is compared with, for early, readable errors. */
export function unitOf(m: Measure): 'count' | 'percent' | 'ms' | 'word' {
  if (m.m === 'count' || m.m === 'servers') return 'count';
  if (m.m === 'share') return 'percent';
  if (m.m === 'first' || m.m === 'latency') return 'ms';
  if (m.m === 'end') return 'word';
  if (m.field === 'latency') return 'ms';
  if (m.field === 'status') return 'count';
  return 'word';
}

const UNIT_EXAMPLE = { count: 'a number such as 3', percent: 'a percent such as 25%', ms: 'a duration such as 200ms or 40s', word: 'a name such as app-1' };

function checkLiteral(m: Measure, value: Literal, pos: number): void {
  const unit = unitOf(m);
  const ok =
    unit === 'word'
      ? value.kind === 'word'
      : value.kind === 'number' && (value.unit === unit || (unit === 'percent' && value.unit === 'count'));
  if (!ok) throw new ExpressionError(`expected ${UNIT_EXAMPLE[unit]} to compare with, got ${value.kind === 'word' ? `"${value.value}"` : String(value.value)}`, pos);
}

function range(c: Cursor): { min: number; max: number } {
  const between = c.accept('between');
  const min = c.expectKind('percent', 'a percent such as 25%');
  if (between) c.expectWord('and');
  else if (!c.accept('to')) c.expectKind('dash', 'a range such as 25%–40%');
  const max = c.expectKind('percent', 'a percent such as 40%');
  if (Number(max.value) < Number(min.value)) throw new ExpressionError(`expected the upper bound ≥ ${min.text}, got ${max.text}`, max.pos);
  return { min: Number(min.value), max: Number(max.value) };
}

function goal(c: Cursor): Goal {
  if (c.accept('no')) return { g: 'none', set: set(c) };
  if (c.accept('each')) {
    c.expectWord('of');
    const servers = [c.id('the id of a server, or a pattern such as auth-*')];
    while (c.peek()?.kind === 'comma' || c.peek()?.text === 'and') {
      c.next();
      servers.push(c.id('the id of a server, or a pattern such as auth-*'));
    }
    c.expectWord('gets');
    const { min, max } = range(c);
    c.expectWord('of');
    c.expectWord('requests');
    return { g: 'each', servers, min, max, set: requestFilters(c, { kind: 'requests', what: { type: 'all' }, window: {} }) };
  }
  if (c.peek()?.kind === 'word' && c.peek(1)?.text === 'receives') {
    const component = c.id();
    c.next();
    c.expectWord('no');
    c.accept('new');
    c.expectWord('requests');
    const window: Window = {};
    while (windowPart(c, window, component));
    return { g: 'receivesNone', component, window };
  }
  const m = measure(c);
  const at = c.peek()?.pos ?? c.length;
  const cmp = comparison(c);
  if (cmp.op === 'between') {
    checkLiteral(m, cmp.min, at);
    checkLiteral(m, cmp.max, at);
  } else checkLiteral(m, cmp.value, at);
  return { g: 'compare', measure: m, comparison: cmp };
}

function whole<T>(source: string, rule: (c: Cursor) => T): T {
  const c = new Cursor(tokenize(source), source.length);
  if (c.done()) throw new ExpressionError('expected an expression, got nothing', 0);
  const value = rule(c);
  if (!c.done()) c.fail('the end of the expression');
  return value;
}

/** Parse a measure such as `servedBy of request 4` or `count of 502 after 40s`. Throws ExpressionError. */
export function parseMeasure(source: string): Measure {
  return whole(source, measure);
}

/** Parse a goal such as `no 502 after 40s`. Throws ExpressionError. */
export function parseGoal(source: string): Goal {
  return whole(source, goal);
}
