/**
 * The Markdown side of a lesson file: the frontmatter between `---` lines,
 * the body's `## ` sections (one per step), and the token tree the app
 * renders. Tokens come from marked's lexer and are rendered by Svelte as
 * text nodes: lesson text never reaches the page as HTML.
 */
import { Lexer, type Token, type Tokens } from 'marked';

export type { Token, Tokens };

export interface Split {
  /** The YAML, with one blank line in front for the opening `---`, so YAML line numbers are file line numbers. */
  frontmatter: string;
  /** Line of the first body line (1-based). */
  bodyLine: number;
  body: string;
}

/** Split `---\nYAML\n---\nbody`; undefined when the file does not start with frontmatter. */
export function splitFrontmatter(text: string): Split | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  return {
    frontmatter: ['', ...lines.slice(1, end)].join('\n'),
    bodyLine: end + 2,
    body: lines.slice(end + 1).join('\n'),
  };
}

export interface Section {
  title: string;
  /** Line of the `## ` heading in the file. */
  line: number;
  text: string;
}

/** The body's intro (before the first `## `) and its `## ` sections; headings inside code fences do not count. */
export function splitSections(body: string, firstLine: number): { intro: string; sections: Section[] } {
  const lines = body.split('\n');
  const intro: string[] = [];
  const sections: { title: string; line: number; lines: string[] }[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = /^\s*(```|~~~)/.exec(line);
    if (f !== null) fence = fence === undefined ? f[1] : line.trim().startsWith(fence) ? undefined : fence;
    const heading = fence === undefined ? /^##\s+(.+?)\s*#*\s*$/.exec(line) : null;
    if (heading !== null && !line.startsWith('###')) {
      sections.push({ title: heading[1] ?? '', line: firstLine + i, lines: [] });
      return;
    }
    const current = sections[sections.length - 1];
    (current === undefined ? intro : current.lines).push(line);
  });
  return { intro: intro.join('\n').trim(), sections: sections.map((s) => ({ title: s.title, line: s.line, text: s.lines.join('\n').trim() })) };
}

/** Markdown → marked's token tree (GitHub-flavoured). Nothing is rendered here. */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown);
}
