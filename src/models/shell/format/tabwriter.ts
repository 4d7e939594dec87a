/**
 * Go's text/tabwriter, which kubectl prints every table and every `describe`
 * with: cells end at a tab, and a column is as wide as its widest cell (plus
 * padding) within a block of consecutive lines that have that column. A line
 * without the column ends the block, so `describe` sections align on their
 * own. Ported from the algorithm in Go's tabwriter.go (format/writeLines),
 * because the alignment users see depends on exactly these block rules.
 */

export interface TabOptions {
  /** Smallest width of a column, padding included. */
  readonly minWidth: number;
  /** Spaces added to the widest cell. */
  readonly padding: number;
}

/** kubectl get: `printers.GetNewTabWriter` (minwidth 6, padding 3). */
export const GET_TABLE: TabOptions = { minWidth: 6, padding: 3 };
/** kubectl describe: `tabbedString` (minwidth 0, padding 2). */
export const DESCRIBE: TabOptions = { minWidth: 0, padding: 2 };

/** Width as Go counts it: one per code point. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Align `text` (lines ending in `\n`, cells ending in `\t`) as tabwriter would on Flush. */
export function tabwrite(text: string, options: TabOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rows = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = rows[i] ?? [];
      let text = '';
      cells.forEach((cell, j) => {
        text += cell;
        const w = widths[j];
        // The last cell of a line is not tab-terminated and is never padded.
        if (w !== undefined && j < cells.length - 1) text += ' '.repeat(Math.max(0, w - width(cell)));
      });
      out.push(i + 1 === rows.length && !endsWithNewline ? text : `${text}\n`);
    }
  };

  const format = (start: number, line1: number): void => {
    let line0 = start;
    const column = widths.length;
    for (let at = line0; at < line1; at++) {
      if (column >= (rows[at]?.length ?? 0) - 1) continue;
      // A cell exists in this column: print what came before, then size the block.
      writeLines(line0, at);
      line0 = at;
      let w = options.minWidth;
      for (; at < line1; at++) {
        const cells = rows[at] ?? [];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] ?? '') + options.padding);
      }
      widths.push(w);
      format(line0, at);
      widths.pop();
      line0 = at;
    }
    writeLines(line0, line1);
  };

  format(0, rows.length);
  return out.join('');
}
