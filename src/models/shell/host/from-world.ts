/**
 * A TerminalHost for a running world, built from what every world has — its
 * clock and its trace — plus the hooks a world may offer for the rest
 * (cluster, DNS, HTTP, nginx, NLB). The trace alone gives log lines (every
 * `log` record names its component and file) and the hops a request took
 * (its packets' deliveries, in order). Typed structurally, so this module
 * needs no import of the scenario layer.
 */
import type { CommandRecord, LogRecord, Trace, TraceRecord } from '../../../sim';
import type { LogLine, MachineInfo, TerminalHost } from './host';

/** What a world offers the terminal beyond its clock and trace; every part is optional. */
export type TerminalHooks = Partial<Omit<TerminalHost, 'now' | 'logs' | 'followLogs'>>;

/** The part of a world the terminal reads. */
export interface WorldLike {
  /** Virtual time in ms. */
  readonly now: number;
  readonly trace: Trace;
  /** The world's terminal hooks, when it has them. */
  readonly terminal?: TerminalHooks;
}

/** The student's machine when the world names none. */
export const DEFAULT_MACHINE: MachineInfo = { hostname: 'laptop', user: 'student', ip: '192.0.2.10', nameserver: '127.0.0.53' };

/** Virtual time 0 as a date: Monday 1 January 2024, 00:00:00 UTC (the DNS and nginx models use the same). */
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);

/** The `command` of the record a terminal line leaves (its `target` is where it ran: `machine` or a pod). */
export const TERMINAL_COMMAND = 'terminal';

/** The `why` of a terminal line's record: the line, as typed, and its exit status. */
export function terminalWhy(line: string, exitCode: number): string {
  return `ran \`${line}\` in the terminal (exit ${exitCode})`;
}

/** A line the student ran, read back from its `command` record. */
export interface TerminalLine {
  readonly t: number;
  readonly line: string;
  /** `machine`, or the pod it ran in. */
  readonly where: string;
  readonly exitCode: number;
}

/** The terminal line a record stands for, or undefined when it is another command (a fault, a reload). */
export function terminalLineOf(record: CommandRecord): TerminalLine | undefined {
  if (record.command !== TERMINAL_COMMAND) return undefined;
  const m = /^ran `([\s\S]*)` in the terminal \(exit (\d+)\)$/.exec(record.why);
  return m === null ? undefined : { t: record.t, line: m[1] ?? '', where: record.target ?? 'machine', exitCode: Number(m[2]) };
}

function asLine(record: LogRecord): LogLine {
  return { t: record.t, component: record.component, stream: record.stream, line: record.line };
}

/** The components a request passed through, in delivery order: `[client, nlb, node, pod…]`. */
export function hopsFromTrace(records: readonly TraceRecord[], requestId: string): string[] {
  const hops: string[] = [];
  for (const r of records) {
    if (r.kind !== 'deliver' || r.requestId !== requestId || r.type === 'response') continue;
    if (hops.length === 0) hops.push(r.from);
    if (hops[hops.length - 1] !== r.to && !hops.includes(r.to)) hops.push(r.to);
  }
  return hops;
}

/** The terminal's view of `world`: trace-backed logs and hops, and the world's hooks for everything else. */
export function hostForWorld(world: WorldLike, hooks: TerminalHooks = world.terminal ?? {}): TerminalHost {
  const trace = world.trace;
  return {
    machine: DEFAULT_MACHINE,
    epochMs: DEFAULT_EPOCH_MS,
    hopsOf: (requestId) => hopsFromTrace(trace.records(), requestId),
    // What the student typed is part of what happened: a lesson's goal check reads it from the trace.
    noteCommand: (line, where, exitCode) => void trace.record({ kind: 'command', command: TERMINAL_COMMAND, target: where, why: terminalWhy(line, exitCode) }),
    ...hooks,
    now: () => world.now,
    logs(components) {
      const out: LogLine[] = [];
      for (const r of trace.records()) if (r.kind === 'log' && components.includes(r.component)) out.push(asLine(r));
      return out;
    },
    followLogs(listener) {
      return trace.subscribe((r) => {
        if (r.kind === 'log') listener(asLine(r));
      });
    },
  };
}
