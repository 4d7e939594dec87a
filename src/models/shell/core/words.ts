/**
 * Reading a command line the way bash does for the simple commands a student
 * types: words split on blanks, single quotes literal, double quotes with
 * backslash escapes, a backslash escaping one character, `#` starting a
 * comment, and `|` between commands. Anything fancier (redirections, `;`,
 * `&&`, `$VAR`) is reported rather than half-understood.
 */

export type ParsedLine =
  | { readonly ok: true; readonly pipeline: readonly (readonly string[])[] }
  | { readonly ok: false; readonly message: string };

const UNSUPPORTED: Readonly<Record<string, string>> = {
  ';': ';',
  '&': '&',
  '>': '>',
  '<': '<',
  '`': '`',
};

/** Split a line into a pipeline of commands, each a list of words. */
export function parseLine(line: string): ParsedLine {
  const pipeline: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '\\') {
      i++;
      if (i < line.length) word += line[i];
      inWord = true;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return unterminated("'");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] ?? '')) j++;
        word += line[j];
      }
      if (j >= line.length) return unterminated('"');
      inWord = true;
      i = j;
    } else if (c === '|') {
      if (line[i + 1] === '|') return unsupported('||');
      endWord();
      if (words.length === 0) return { ok: false, message: "bash: syntax error near unexpected token `|'" };
      pipeline.push(words);
      words = [];
    } else if (UNSUPPORTED[c] !== undefined) {
      return unsupported(c === '&' && line[i + 1] === '&' ? '&&' : c);
    } else {
      word += c;
      inWord = true;
    }
  }
  endWord();
  if (words.length === 0 && pipeline.length > 0) return { ok: false, message: 'bash: syntax error: unexpected end of file' };
  if (words.length > 0) pipeline.push(words);
  return { ok: true, pipeline };
}

function unterminated(quote: string): ParsedLine {
  return {
    ok: false,
    message: `bash: unexpected EOF while looking for matching \`${quote}'\nbash: syntax error: unexpected end of file`,
  };
}

function unsupported(token: string): ParsedLine {
  return { ok: false, message: `trafficlab: \`${token}' is not supported here: run one command at a time (pipes with | work)` };
}

/** Quote a word so that `parseLine` reads it back unchanged (for completion). */
export function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
