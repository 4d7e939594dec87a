/**
 * How dig lines up a record: BIND's master-file style puts the TTL at
 * column 24, the class at 32, the type at 40 and the data at 48, reaching
 * each column with tabs (8 wide) and, when a field already runs past it, a
 * single space or tab to the next stop (lib/dns/masterdump.c, `indent`).
 * A question line is `;name`, then the class at 32 and the type at 40.
 * Checked against real dig output: `www.example.com.<tab>60<tab>IN<tab>A<tab>…`,
 * `com.<tab><tab><tab>172786<tab>IN<tab>NS<tab>…`.
 */
import type { Question } from './message';
import type { ResourceRecord } from './records';
import { rdataText } from './records';

const TAB = 8;
const TTL_COLUMN = 24;
const CLASS_COLUMN = 32;
const TYPE_COLUMN = 40;
const RDATA_COLUMN = 48;

/** The padding from column `from` to `to`; at least one character when already there or past it. */
export function indent(from: number, to: number): { text: string; column: number } {
  const target = to < from + 1 ? from + 1 : to;
  const tabs = Math.max(0, Math.floor(target / TAB) - Math.floor(from / TAB));
  const start = tabs > 0 ? Math.floor(target / TAB) * TAB : from;
  return { text: '\t'.repeat(tabs) + ' '.repeat(target - start), column: target };
}

function columns(fields: readonly [string, number][], last: string): string {
  let out = '';
  for (const [text, nextColumn] of fields) {
    out += text;
    out += indent(out.length + extraTabWidth(out), nextColumn).text;
  }
  return out + last;
}

/** Tabs count as reaching the next stop, not as one character. */
function extraTabWidth(text: string): number {
  let column = 0;
  for (const ch of text) column = ch === '\t' ? (Math.floor(column / TAB) + 1) * TAB : column + 1;
  return column - text.length;
}

/** `www.example.com.	60	IN	A	198.51.100.10` */
export function recordLine(record: ResourceRecord): string {
  return columns(
    [
      [record.name, TTL_COLUMN],
      [String(record.ttl), CLASS_COLUMN],
      ['IN', TYPE_COLUMN],
      [record.type, RDATA_COLUMN],
    ],
    rdataText(record),
  );
}

/**
 * `;www.example.com.		IN	A`. dig prints the `;` before handing the line to
 * the formatter, so columns are counted without it: a 39-character name
 * gets a tab, a 34-character one a space (both seen in real output).
 */
export function questionLine(q: Question): string {
  return `;${columns(
    [
      [q.name, CLASS_COLUMN],
      ['IN', TYPE_COLUMN],
    ],
    q.type,
  )}`;
}
