/** The tokenizer, as ngx_conf_read_token splits and unescapes words. */
import { describe, expect, it } from 'vitest';
import { ConfLexer, type LexResult } from '../../../../src/models/nginx/config/lexer';

function all(text: string): (LexResult & { line: number })[] {
  const lx = new ConfLexer(text);
  const out: (LexResult & { line: number })[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = lx.next();
    out.push({ ...r, line: lx.line });
    if (r.kind === 'eof' || r.kind === 'error') break;
  }
  return out;
}

describe('lexer', () => {
  it('splits statements, blocks and block ends, with the line of each terminator', () => {
    expect(all('a b;\nc {\n}\n')).toEqual([
      { kind: 'statement', args: ['a', 'b'], opensBlock: false, line: 1 },
      { kind: 'statement', args: ['c'], opensBlock: true, line: 2 },
      { kind: 'blockEnd', line: 3 },
      { kind: 'eof', line: 4 },
    ]);
  });

  // Only \" \' \\ \t \r \n are undone; \; keeps its backslash (it only stops the ; from ending the word).
  it('unquotes single and double quotes and undoes nginx’s escapes', () => {
    const [r] = all(`x "a b" 'c"d' "e\\"f" "t\\tn\\n" a\\;b "\\x";`);
    expect(r).toMatchObject({ args: ['x', 'a b', 'c"d', 'e"f', 't\tn\n', 'a\\;b', '\\x'] });
  });

  it('keeps ${var} braces inside a word but ends a word at a bare brace', () => {
    expect(all('set $a ${b}c;')[0]).toMatchObject({ args: ['set', '$a', '${b}c'] });
    expect(all('location ~ ^/x{2}$ {')[0]).toMatchObject({ args: ['location', '~', '^/x'], opensBlock: true });
  });

  it('skips comments to the end of the line, but # inside a word is part of it', () => {
    expect(all('# c;\na#b; # d\n')[0]).toMatchObject({ args: ['a#b'], line: 2 });
  });

  it('lets a closing parenthesis follow a quoted word, as in if conditions', () => {
    expect(all('if ($a = "b") {')[0]).toMatchObject({ args: ['if', '($a', '=', 'b', ')'] });
  });

  it('reports what nginx reports for broken syntax', () => {
    expect(all('"a"b;').at(-1)).toEqual({ kind: 'error', message: 'unexpected "b"', line: 1 });
    expect(all('\n;').at(-1)).toEqual({ kind: 'error', message: 'unexpected ";"', line: 2 });
    expect(all('a }').at(-1)).toEqual({ kind: 'error', message: 'unexpected "}"', line: 1 });
    expect(all('a b\n\n').at(-1)).toEqual({ kind: 'error', message: 'unexpected end of file, expecting ";" or "}"', line: 3 });
    expect(all('a "b;\n').at(-1)).toMatchObject({ kind: 'error', message: 'unexpected end of file, expecting ";" or "}"' });
  });

  it('refuses a parameter, or a comment, that fills nginx’s 4096-byte buffer, at the line it starts', () => {
    expect(all('\n\nroot "' + 'x'.repeat(5000) + '";').at(-1)).toEqual({
      kind: 'error',
      message: 'too long parameter, probably missing terminating """ character',
      line: 3,
    });
    expect(all('# ' + 'x'.repeat(5000) + '\nevents {}').at(-1)).toEqual({ kind: 'error', message: 'too long parameter "# xxxxxxxx..." started', line: 1 });
    expect(all('a ' + 'x'.repeat(3000) + ';\n' + 'b ' + 'y'.repeat(3000) + ';').at(-1)).toMatchObject({ kind: 'eof' });
  });

  it('counts lines across CRLF endings by their LF', () => {
    expect(all('a;\r\nb;\r\n')[1]).toMatchObject({ args: ['b'], line: 2 });
  });
});
