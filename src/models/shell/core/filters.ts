/**
 * The commands that can follow a `|`: grep, head, tail and wc, as line
 * filters over the previous command's standard output. A filter sees the
 * text as it streams (so `tail -f … | grep 502` works) and is told when the
 * input ends; `head` may end early, which stops the command before it as
 * SIGPIPE would.
 */
import type { Io } from './command';

export interface Filter {
  /** Lines of input (each without its newline). Returns false to stop reading (head is done). */
  line(text: string): boolean;
  /** Input ended; returns the filter's exit code. */
  end(): number;
}

export type FilterFactory = (args: readonly string[], out: Io) => Filter | { error: string; code: number };

function count(args: readonly string[], name: string): { n: number; rest: string[] } | { error: string; code: number } {
  let n = 10;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = a === '-n' ? args[++i] : a.startsWith('-n') ? a.slice(2) : /^-\d+$/.test(a) ? a.slice(1) : undefined;
    if (value !== undefined) {
      if (!/^\d+$/.test(value)) return { error: `${name}: invalid number of lines: ‘${value}’\n`, code: 1 };
      n = Number(value);
    } else if (a.startsWith('-') && a !== '-') {
      return { error: `${name}: invalid option -- '${a.slice(1, 2)}'\nTry '${name} --help' for more information.\n`, code: 1 };
    } else rest.push(a);
  }
  return { n, rest };
}

const grep: FilterFactory = (args, out) => {
  let invert = false;
  let ignoreCase = false;
  let countOnly = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[ivcE]+$/.test(a)) {
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
      countOnly ||= a.includes('c');
    } else if (a.startsWith('-') && a !== '-') {
      return { error: `grep: invalid option -- '${a.slice(1, 2)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, code: 2 };
    } else rest.push(a);
  }
  const pattern = rest[0];
  if (pattern === undefined) return { error: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch {
    return { error: 'grep: Unmatched ( or \\(\n', code: 2 };
  }
  let matched = 0;
  return {
    line(text) {
      if (regex.test(text) !== invert) {
        matched++;
        if (!countOnly) out.out(`${text}\n`);
      }
      return true;
    },
    end() {
      if (countOnly) out.out(`${matched}\n`);
      return matched > 0 ? 0 : 1;
    },
  };
};

const head: FilterFactory = (args, out) => {
  const parsed = count(args, 'head');
  if ('error' in parsed) return parsed;
  let left = parsed.n;
  return {
    line(text) {
      if (left <= 0) return false;
      out.out(`${text}\n`);
      left--;
      return left > 0;
    },
    end: () => 0,
  };
};

const tail: FilterFactory = (args, out) => {
  const parsed = count(args, 'tail');
  if ('error' in parsed) return parsed;
  const kept: string[] = [];
  return {
    line(text) {
      kept.push(text);
      if (kept.length > parsed.n) kept.shift();
      return true;
    },
    end() {
      for (const text of kept) out.out(`${text}\n`);
      return 0;
    },
  };
};

const wc: FilterFactory = (args, out) => {
  if (args.length !== 1 || args[0] !== '-l') return { error: 'trafficlab: only `wc -l` is simulated\n', code: 1 };
  let lines = 0;
  return {
    line() {
      lines++;
      return true;
    },
    end() {
      out.out(`${lines}\n`);
      return 0;
    },
  };
};

/** The filters a pipe accepts, by name. */
export const FILTERS: Readonly<Record<string, FilterFactory>> = { grep, head, tail, wc };

/** An Io whose standard output is cut into lines and fed to `filter`; `stop` is called when the filter wants no more. */
export function pipeInto(filter: Filter, next: Io, stop: () => void): { io: Io; end(): number } {
  let partial = '';
  let open = true;
  return {
    io: {
      out(text) {
        if (!open) return;
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (!filter.line(line)) {
            open = false;
            stop();
            return;
          }
        }
      },
      err: (text) => next.err(text),
    },
    end() {
      if (open && partial !== '') filter.line(partial);
      partial = '';
      open = false;
      return filter.end();
    },
  };
}
