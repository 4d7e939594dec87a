/**
 * A strict JSON reader that remembers where each value stood.
 *
 * `JSON.parse` says what went wrong but, depending on the Node version, not on
 * which line; the `trafficlab nginx` contract promises "file and line" for bad
 * input, and the semantic checks after parsing (an unknown behaviour, a
 * negative `atMs`) need the line of the offending value too. So this reader
 * builds a small tree of nodes that each carry their line and column.
 */

/** A parsed JSON value with its position in the text (1-based). */
export type JsonNode =
  | { kind: 'object'; line: number; col: number; entries: [key: string, value: JsonNode, keyLine: number][] }
  | { kind: 'array'; line: number; col: number; items: JsonNode[] }
  | { kind: 'string'; line: number; col: number; value: string }
  | { kind: 'number'; line: number; col: number; value: number }
  | { kind: 'boolean'; line: number; col: number; value: boolean }
  | { kind: 'null'; line: number; col: number };

/** A syntax or shape error at a place in an input file. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}

/**
 * Parse `text` as one JSON value. `firstLine` numbers the first line of `text`
 * (JSONL lines are parsed one at a time but report their place in the file).
 */
export function parseJson(text: string, file: string, firstLine = 1): JsonNode {
  const reader = new Reader(text, file, firstLine);
  reader.space();
  const node = reader.value(0);
  reader.space();
  if (!reader.atEnd()) reader.fail(`unexpected ${reader.describeHere()} after the JSON value`);
  return node;
}

// Deeply nested input is never legitimate here; the cap keeps recursion bounded.
const MAX_DEPTH = 64;

class Reader {
  private pos = 0;
  private line: number;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(detail: string): never {
    throw new InputError(this.file, this.line, detail);
  }

  describeHere(): string {
    const c = this.text[this.pos];
    return c === undefined ? 'end of input' : `character ${JSON.stringify(c)}`;
  }

  space(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === '\n') {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else {
        return;
      }
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const line = this.line;
    const col = this.pos - this.lineStart + 1;
    const c = this.text[this.pos];
    if (c === '{') return this.object(line, col, depth);
    if (c === '[') return this.array(line, col, depth);
    if (c === '"') return { kind: 'string', line, col, value: this.string() };
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return { kind: 'number', line, col, value: this.number() };
    for (const [word, node] of [
      ['true', { kind: 'boolean', line, col, value: true }],
      ['false', { kind: 'boolean', line, col, value: false }],
      ['null', { kind: 'null', line, col }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return node;
      }
    }
    return this.fail(`expected a JSON value, found ${this.describeHere()}`);
  }

  private object(line: number, col: number, depth: number): JsonNode {
    this.pos++;
    const entries: [string, JsonNode, number][] = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', line, col, entries };
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      const keyLine = this.line;
      const key = this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after property name, found ${this.describeHere()}`);
      this.pos++;
      this.space();
      entries.push([key, this.value(depth + 1), keyLine]);
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return { kind: 'object', line, col, entries };
      if (c !== ',') {
        this.pos--;
        this.fail(`expected ',' or '}' in object, found ${this.describeHere()}`);
      }
    }
  }

  private array(line: number, col: number, depth: number): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', line, col, items };
    }
    for (;;) {
      this.space();
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return { kind: 'array', line, col, items };
      if (c !== ',') {
        this.pos--;
        this.fail(`expected ',' or ']' in array, found ${this.describeHere()}`);
      }
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === '"') break;
      if (c === '\\') this.pos++;
      else if (c < ' ') this.fail('control character in string');
      this.pos++;
    }
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail('invalid escape in string');
    }
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (match === null) this.fail(`invalid number`);
    this.pos += match[0].length;
    return Number(match[0]);
  }
}
