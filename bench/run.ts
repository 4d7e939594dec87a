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
    console.log(`  ${l.name.padEnd(52)} ${rate} /s${ratio}`);
  }
}

console.log(`trafficlab benchmarks — node ${process.version}, ${new Date().toISOString()}`);
print('Kernel (events per second)', await benchKernel());

const nginxBench = new URL('./nginx.ts', import.meta.url);
if (existsSync(nginxBench)) {
  const { benchNginx } = (await import(nginxBench.href)) as { benchNginx: () => Promise<BenchLine[]> };
  print('nginx (operations per second)', await benchNginx());
}
