/**
 * `npm run bench`: every benchmark in one run, printed as a table. These are
 * not tests: nothing here fails on a number. Ratios are against the bare heap
 * loop measured in this same run.
 */
import { existsSync } from 'node:fs';
import { benchKernel, type BenchLine } from './kernel';

function print(title: string, lines: BenchLine[]): void {
  console.log(`\n${title}`);
  for (const l of lines) {
    const rate = Math.round(l.opsPerSec).toLocaleString('en').padStart(14);
    const ratio = l.ratio === undefined ? '' : `   ${l.ratio.toFixed(3)}× bare loop`;
    console.log(`  ${l.name.padEnd(52)} ${rate} ${l.unit ?? '/s'}${ratio}`);
  }
}

console.log(`trafficlab benchmarks — node ${process.version}, ${new Date().toISOString()}`);
print('Kernel (events per second)', await benchKernel());

/** Benchmarks owned by each component, run when their module exists: [file, export, title]. */
const suites: [string, string, string][] = [
  ['./nginx.ts', 'benchNginx', 'nginx (operations per second)'],
  ['./world-bench.ts', 'benchWorld', 'Whole world (lessons/scenarios/full-path.yaml, 50 rps; target ≥ 200× real time)'],
];
for (const [file, name, title] of suites) {
  const url = new URL(file, import.meta.url);
  if (!existsSync(url)) continue;
  const mod = (await import(url.href)) as Record<string, () => Promise<BenchLine[]>>;
  const bench = mod[name];
  if (bench !== undefined) print(title, await bench());
}
