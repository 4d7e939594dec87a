/**
 * The size budget (issue 8): `traffic-lab.js` with everything it loads to
 * show a lesson step, at most 150 kB gzip. That is its static imports plus
 * the lessons, which it imports dynamically on the first `lesson=` (so a
 * scenario-only page skips them). Other code loaded on demand (the editors,
 * later) is not counted, but is listed so a chunk that is always loaded
 * cannot hide there unnoticed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed, type Manifest } from './build';

const BUDGET_BYTES = 150 * 1000;
/** The modules the element imports for `lesson=`: the lessons (src/embed/lessons.ts) and their Markdown (Embed.Lesson.svelte). */
const LESSONS = ['src/ui/lesson/embed-step.ts', 'src/ui/lesson/Markdown.svelte'];

let outDir = '';
let manifest: Manifest = {};

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'trafficlab-size-'));
  manifest = await buildEmbed(outDir);
}, 120_000);

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

/** The files an entry loads up front: itself, its static imports (transitively) and their CSS and assets. */
function upFront(key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (chunk === undefined) throw new Error(`the manifest has no chunk ${key}`);
  const own = [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])];
  return [...own, ...(chunk.imports ?? []).flatMap((k) => upFront(k, seen))];
}

const gzipped = (file: string) => gzipSync(readFileSync(path.join(outDir, file))).length;

describe('dist/traffic-lab.js', () => {
  it('with everything it loads to show a lesson step, stays within 150 kB gzip', () => {
    const entry = Object.entries(manifest).find(([, c]) => c.isEntry === true && c.file === 'traffic-lab.js');
    expect(entry, 'the build has a traffic-lab.js entry').toBeDefined();
    for (const key of LESSONS) expect(manifest[key], `the build has a chunk for ${key}`).toBeDefined();
    const seen = new Set<string>();
    const files = [...new Set([entry?.[0] ?? '', ...LESSONS].flatMap((key) => upFront(key, seen)))];
    const sizes = files.map((f) => ({ file: f, gzip: gzipped(f) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const onDemand = Object.values(manifest).filter((c) => !files.includes(c.file)).map((c) => c.file);
    console.log(`traffic-lab.js loads ${(total / 1000).toFixed(1)} kB gzip for a lesson step: ${sizes.map((s) => `${s.file} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ')}; not counted: ${onDemand.join(', ') || 'nothing'}`);
    expect(total).toBeGreaterThan(10_000); // a measurement of nothing would pass any budget
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('needs no CSS file: component styles travel inside the JavaScript', () => {
    const entry = Object.values(manifest).find((c) => c.file === 'traffic-lab.js');
    expect(files(entry?.imports ?? []).flatMap((c) => c.css ?? [])).toEqual([]);
  });
});

function files(keys: string[]) {
  return keys.map((k) => manifest[k]).filter((c) => c !== undefined);
}
