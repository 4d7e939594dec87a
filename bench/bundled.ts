/**
 * The world benchmark as the browser app runs its code: `npm run bench`
 * goes through tsx, whose esbuild transform keeps function names (every
 * named closure then costs a `__name` call), while Vite ships minified code
 * without them. So `world-child.ts` and all it imports are bundled here with
 * esbuild (tsx's own dependency, not one of ours), minified and without
 * keepNames, into a temporary folder, and each run goes in its own node
 * process so one run's heap does not weigh on the next.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorldRun } from './world';
import { fullPathFile } from './world';

/** One bundled run: the virtual span to measure and, optionally, the trace window. */
export interface BundledRun {
  virtualMs: number;
  traceWindow?: number;
}

/** The runs' results in order, or why the bundle could not run. */
export async function runBundled(runs: readonly BundledRun[]): Promise<WorldRun[] | string> {
  const dir = mkdtempSync(join(tmpdir(), 'trafficlab-bench-'));
  try {
    const outfile = join(dir, 'world.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./world-child.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      keepNames: false,
      logLevel: 'error',
      // Some dependencies are CommonJS and require node's built-ins; an ES module has no `require` of its own.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const file = fileURLToPath(fullPathFile());
    const results: WorldRun[] = [];
    for (const run of runs) {
      const args = ['--expose-gc', outfile, file, String(run.virtualMs), ...(run.traceWindow === undefined ? [] : [String(run.traceWindow)])];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
      if (child.status !== 0) return `bundled run failed (${child.error?.message ?? `exit ${child.status}`}): ${child.stderr.slice(0, 500)}`;
      results.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as WorldRun);
    }
    return results;
  } catch (e) {
    return `bundling failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
