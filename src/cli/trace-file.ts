/**
 * Writing the trace as JSON lines while the world runs. Lines are buffered
 * and written in blocks, so a run of millions of records does not make a
 * system call per record, and the file holds records that left the window.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Trace } from '../sim';
import { toJsonLine } from '../sim';

const BLOCK_LINES = 4096;

export class TraceFile {
  private readonly fd: number;
  private lines: string[] = [];
  private readonly unsubscribe: () => void;

  /** Opens (truncates) `path`, writes what the trace already holds, then follows it. Throws if it cannot open. */
  constructor(path: string, trace: Trace) {
    this.fd = openSync(path, 'w');
    for (const record of trace.records()) this.lines.push(toJsonLine(record));
    this.unsubscribe = trace.subscribe((record) => {
      this.lines.push(toJsonLine(record));
      if (this.lines.length >= BLOCK_LINES) this.flush();
    });
  }

  /** Stop following the trace, write what is buffered, and close the file. */
  close(): void {
    this.unsubscribe();
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    writeSync(this.fd, this.lines.join('\n') + '\n');
    this.lines = [];
  }
}
