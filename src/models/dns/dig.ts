/**
 * What `dig` prints (BIND 9.18, as Debian 12 ships it), from a response the
 * model produced: the default output, `+short`, and `+trace`.
 *
 * The layout was checked against real dig talking to a real BIND resolver on
 * loopback: header lines, section titles, blank lines, tab columns and
 * message sizes. Not modelled: DNSSEC records in `+trace` (real dig turns on
 * +dnssec there, so real traces also show DS and RRSIG lines and bigger sizes).
 */
import type { DnsResponse, Question } from './message';
import { rdataText } from './records';
import type { EdnsInfo } from './wire';
import { messageSize } from './wire';
import { questionLine, recordLine } from './digColumns';
import { withoutTrailingDot } from './name';

/** The version line real dig prints on Debian 12. */
export const DIG_VERSION = 'DiG 9.18.49-1~deb12u3-Debian';

/** Virtual time 0 as a date: Monday 1 January 2024, 00:00:00 UTC. */
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);

/** One server dig +trace asked, and what it said. */
export interface DigHop {
  readonly serverIp: string;
  /** The server's host name; absent for the local resolver (dig prints its IP twice). */
  readonly serverName?: string;
  readonly response: DnsResponse;
  readonly question: Question;
  readonly rttMs: number;
  readonly edns?: EdnsInfo;
}

/** One dig run: what was asked, of whom, what came back and when. */
export interface DigResult {
  /** The words after `dig` as the user typed them (`www.example.com`, `@10.0.0.2 nope.example.com AAAA`). */
  readonly args: string;
  readonly question: Question;
  readonly id: number;
  /** The server asked (the first nameserver in resolv.conf, or `@server`). */
  readonly serverIp: string;
  /** True when the user named the server with `@`: dig then prints `; (1 server found)`. */
  readonly explicitServer?: boolean;
  /** Undefined when no answer came (every try timed out). */
  readonly response?: DnsResponse;
  readonly edns?: EdnsInfo;
  readonly queryTimeMs: number;
  /** Virtual time the query was sent. */
  readonly atMs: number;
  /** dig +tries (default 3): how many "timed out" lines a silent server produces. */
  readonly tries?: number;
  /** The referral chain, for +trace. */
  readonly trace?: readonly DigHop[];
}

export interface DigOptions {
  readonly short?: boolean;
  readonly trace?: boolean;
  /** Unix time (ms) of virtual time 0, for `;; WHEN:`. */
  readonly epochMs?: number;
}

/** The text dig writes to the terminal (stderr lines first, as they appear). */
export function formatDig(result: DigResult, options: DigOptions = {}): string {
  if (options.trace === true) return formatTrace(result);
  const r = result.response;
  if (options.short === true) {
    if (r === undefined) return timedOutLines(result).join('\n') + '\n;; no servers could be reached\n';
    return r.answer.map((rec) => `${rdataText(rec)}\n`).join('');
  }
  const lines: string[] = [];
  if (r === undefined) {
    lines.push(...timedOutLines(result), '', ...banner(result), ';; no servers could be reached');
    return `${lines.join('\n')}\n`;
  }
  const additional = r.additional.length + (result.edns === undefined ? 0 : 1);
  const flags = ['qr', ...(r.aa ? ['aa'] : []), 'rd', ...(r.ra ? ['ra'] : [])].join(' ');
  lines.push(
    '',
    ...banner(result),
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${result.id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${additional}`,
    '',
  );
  if (result.edns !== undefined) {
    lines.push(';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:; udp: ${result.edns.udpSize}`);
    if (result.edns.cookie !== undefined) lines.push(`; COOKIE: ${result.edns.cookie} (good)`);
  }
  lines.push(';; QUESTION SECTION:', questionLine(result.question), '');
  const sections = [
    ['ANSWER', r.answer],
    ['AUTHORITY', r.authority],
    ['ADDITIONAL', r.additional],
  ] as const;
  for (const [title, records] of sections) {
    if (records.length === 0) continue;
    lines.push(`;; ${title} SECTION:`, ...records.map(recordLine), '');
  }
  const size = messageSize(result.question, [r.answer, r.authority, r.additional], result.edns);
  lines.push(
    `;; Query time: ${Math.round(result.queryTimeMs)} msec`,
    `;; SERVER: ${result.serverIp}#53(${result.serverIp}) (UDP)`,
    `;; WHEN: ${whenText((options.epochMs ?? DEFAULT_EPOCH_MS) + result.atMs)}`,
    `;; MSG SIZE  rcvd: ${size}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

function banner(result: DigResult): string[] {
  return [
    `; <<>> ${DIG_VERSION} <<>> ${result.args}`,
    ...(result.explicitServer === true ? ['; (1 server found)'] : []),
    ';; global options: +cmd',
  ];
}

function timedOutLines(result: DigResult): string[] {
  return Array.from({ length: result.tries ?? 3 }, () => `;; communications error to ${result.serverIp}#53: timed out`);
}

function formatTrace(result: DigResult): string {
  const lines: string[] = ['', ...banner(result)];
  for (const hop of result.trace ?? []) {
    const r = hop.response;
    lines.push(...r.answer.map(recordLine), ...r.authority.map(recordLine));
    const size = messageSize(hop.question, [r.answer, r.authority, r.additional], hop.edns);
    const who = hop.serverName === undefined ? hop.serverIp : withoutTrailingDot(hop.serverName);
    lines.push(`;; Received ${size} bytes from ${hop.serverIp}#53(${who}) in ${Math.round(hop.rttMs)} ms`, '');
  }
  return `${lines.join('\n')}\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon Jan 01 00:00:00 UTC 2024`: dig's strftime("%a %b %d %H:%M:%S %Z %Y"), in UTC. */
export function whenText(unixMs: number): string {
  const d = new Date(unixMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}
