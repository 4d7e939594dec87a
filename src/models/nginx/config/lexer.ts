/**
 * The tokenizer of nginx configuration files, a byte-for-byte port of
 * `ngx_conf_read_token` (nginx 1.22, `src/core/ngx_conf_file.c`).
 *
 * It is pulled one statement at a time, like nginx, because nginx reports the
 * first error it meets while interleaving reading and handling: a syntax error
 * on line 9 is never reported if the directive on line 3 is already wrong.
 * Line numbers are those of the byte being read when a statement ends or an
 * error is found, which is what nginx prints.
 *
 * nginx reads files through a 4096-byte buffer and refuses a "parameter" that
 * fills it; the refill points are reproduced so that the "too long parameter"
 * errors (which also hit long comments) happen where nginx's do.
 */

/** nginx's NGX_CONF_BUFFER. */
const CONF_BUFFER = 4096;

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const SEMI = 0x3b;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const HASH = 0x23;
const BSLASH = 0x5c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DOLLAR = 0x24;
const RPAREN = 0x29;

/** One read from the lexer: a statement, a block end, the end of the file, or an error. */
export type LexResult =
  | { kind: 'statement'; args: string[]; opensBlock: boolean }
  | { kind: 'blockEnd' }
  | { kind: 'eof' }
  | { kind: 'error'; message: string };

const isSpace = (c: number): boolean => c === SP || c === TAB || c === CR || c === LF;

const decoder = new TextDecoder('utf-8');

/** Renders one byte the way `%c` would show it in a log line. */
function byteChar(c: number): string {
  return c < 0x80 ? String.fromCharCode(c) : decoder.decode(new Uint8Array([c]));
}

/** Copies a word, undoing the escapes nginx undoes (`\"`, `\'`, `\\`, `\t`, `\r`, `\n`). */
function unescapeWord(bytes: Uint8Array, from: number, to: number): string {
  const out: number[] = [];
  let src = from;
  while (src < to) {
    const c = bytes[src] ?? 0;
    if (c === BSLASH) {
      const n = bytes[src + 1];
      if (n === DQUOTE || n === SQUOTE || n === BSLASH) {
        src++;
      } else if (n === 0x74 || n === 0x72 || n === 0x6e) {
        out.push(n === 0x74 ? TAB : n === 0x72 ? CR : LF);
        src += 2;
        continue;
      }
    }
    out.push(bytes[src] ?? 0);
    src++;
  }
  return decoder.decode(new Uint8Array(out));
}

/** Pull-based reader over one configuration file. */
export class ConfLexer {
  /** Current line, as `cf->conf_file->line`. */
  line = 1;
  private readonly bytes: Uint8Array;
  /** File offsets of `b->pos` and `b->last`, and how far the file has been read. */
  private pos = 0;
  private last = 0;
  private readOffset = 0;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
  }

  /** Reads up to the next `;`, `{` or `}` (or end of file), as one call of ngx_conf_read_token. */
  next(): LexResult {
    const b = this.bytes;
    const args: string[] = [];
    let needSpace = false;
    let lastSpace = true;
    let sharpComment = false;
    let variable = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let start = this.pos;
    let startLine = this.line;

    for (;;) {
      if (this.pos >= this.last) {
        if (this.readOffset >= b.length) {
          if (args.length > 0 || !lastSpace) {
            return { kind: 'error', message: 'unexpected end of file, expecting ";" or "}"' };
          }
          return { kind: 'eof' };
        }
        const len = this.pos - start;
        if (len === CONF_BUFFER) {
          this.line = startLine;
          if (dQuoted || sQuoted) {
            const q = dQuoted ? '"' : "'";
            return { kind: 'error', message: `too long parameter, probably missing terminating "${q}" character` };
          }
          const head = decoder.decode(b.subarray(start, start + 10));
          return { kind: 'error', message: `too long parameter "${head}..." started` };
        }
        // The buffer keeps the pending bytes since `start` and is filled up to its size.
        const size = Math.min(b.length - this.readOffset, CONF_BUFFER - len);
        this.readOffset += size;
        this.last = this.readOffset;
      }

      const ch = b[this.pos++] ?? 0;

      if (ch === LF) {
        this.line++;
        if (sharpComment) sharpComment = false;
      }
      if (sharpComment) continue;
      if (quoted) {
        quoted = false;
        continue;
      }

      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === SEMI) return { kind: 'statement', args, opensBlock: false };
        if (ch === LBRACE) return { kind: 'statement', args, opensBlock: true };
        if (ch === RPAREN) {
          lastSpace = true;
          needSpace = false;
        } else {
          return { kind: 'error', message: `unexpected "${byteChar(ch)}"` };
        }
      }

      if (lastSpace) {
        start = this.pos - 1;
        startLine = this.line;
        if (isSpace(ch)) continue;

        switch (ch) {
          case SEMI:
          case LBRACE:
            if (args.length === 0) return { kind: 'error', message: `unexpected "${byteChar(ch)}"` };
            return { kind: 'statement', args, opensBlock: ch === LBRACE };
          case RBRACE:
            if (args.length !== 0) return { kind: 'error', message: 'unexpected "}"' };
            return { kind: 'blockEnd' };
          case HASH:
            sharpComment = true;
            continue;
          case BSLASH:
            quoted = true;
            lastSpace = false;
            continue;
          case DQUOTE:
            start++;
            dQuoted = true;
            lastSpace = false;
            continue;
          case SQUOTE:
            start++;
            sQuoted = true;
            lastSpace = false;
            continue;
          case DOLLAR:
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
      } else {
        // `${name}` keeps its brace inside the word.
        if (ch === LBRACE && variable) continue;
        variable = false;
        if (ch === BSLASH) {
          quoted = true;
          continue;
        }
        if (ch === DOLLAR) {
          variable = true;
          continue;
        }

        let found = false;
        if (dQuoted) {
          if (ch === DQUOTE) {
            dQuoted = false;
            needSpace = true;
            found = true;
          }
        } else if (sQuoted) {
          if (ch === SQUOTE) {
            sQuoted = false;
            needSpace = true;
            found = true;
          }
        } else if (isSpace(ch) || ch === SEMI || ch === LBRACE) {
          lastSpace = true;
          found = true;
        }

        if (found) {
          args.push(unescapeWord(b, start, this.pos - 1));
          if (ch === SEMI) return { kind: 'statement', args, opensBlock: false };
          if (ch === LBRACE) return { kind: 'statement', args, opensBlock: true };
        }
      }
    }
  }
}
