/**
 * `npm run bench`'s whole-world lines (issue 4: at least 200× real time at
 * 50 requests a second on full-path; at most 200 MB of heap after an hour
 * at 100). Each speed is given per wall second and per CPU second of the
 * process: on a shared machine the wall figure swings with the neighbours'
 * load, the CPU one much less.
 *
 * - "tsx": this process, the sources as `npm run bench` loads them (names kept).
 * - "bundled": the same code minified without kept names, as the app ships
 *   it (`bundled.ts`), each run in a fresh process.
 * - trace window: the bundled run again with a 1,000-record trace window
 *   instead of the default 100,000, to show what holding the window costs.
 */
import type { BenchLine } from './kernel';
import { runBundled } from './bundled';
import { heapAfter, runFullPath, type WorldRun } from './world';

const MEASURED_MS = 120_000;

function speed(label: string, run: WorldRun): BenchLine[] {
  return [
    { name: `${label}: virtual s per wall s`, opsPerSec: run.virtualMs / run.wallMs, unit: '×' },
    { name: `${label}: virtual s per CPU s`, opsPerSec: run.virtualMs / run.cpuMs, unit: '×' },
  ];
}

export async function benchWorld(): Promise<BenchLine[]> {
  const run = runFullPath(MEASURED_MS, 50);
  const lines: BenchLine[] = [
    ...speed('tsx', run),
    { name: 'tsx: engine events per wall s', opsPerSec: (run.events / run.wallMs) * 1000 },
    { name: 'trace records per request', opsPerSec: run.records / Math.max(1, run.requests), unit: 'records' },
  ];
  const bundled = await runBundled([{ virtualMs: MEASURED_MS }, { virtualMs: MEASURED_MS, traceWindow: 1_000 }]);
  if (typeof bundled === 'string') {
    console.log(`  (bundled runs skipped: ${bundled})`);
  } else {
    const [whole, small] = bundled;
    if (whole !== undefined) lines.push(...speed('bundled', whole));
    if (small !== undefined) lines.push(...speed('bundled, trace window 1,000', small));
    if (whole !== undefined && small !== undefined) {
      lines.push({ name: 'trace window 1,000 instead of 100,000: CPU time saved', opsPerSec: (1 - small.cpuMs / whole.cpuMs) * 100, unit: '%' });
    }
  }
  const heap = heapAfter(3_600_000, 100);
  lines.push({ name: `100 rps, 1 virtual hour: heap MB (target ≤ 200; ${heap.how})`, opsPerSec: heap.mb, unit: 'MB' });
  return lines;
}
