/**
 * The size budget: `traffic-lab.js` and everything it loads before a lab is
 * shown, at most 150 kB gzip (issue 8). Code loaded on demand (dynamic
 * imports: the editors, later) is not counted, but is listed so a chunk
 * that is always loaded cannot hide there unnoticed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed, type Manifest } from './build';

const BUDGET_BYTES = 150 * 1000;

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
  it('with everything it loads up front, stays within 150 kB gzip', () => {
    const entry = Object.entries(manifest).find(([, c]) => c.isEntry === true && c.file === 'traffic-lab.js');
    expect(entry, 'the build has a traffic-lab.js entry').toBeDefined();
    const files = [...new Set(upFront(entry?.[0] ?? ''))];
    const sizes = files.map((f) => ({ file: f, gzip: gzipped(f) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const onDemand = Object.values(manifest).filter((c) => !files.includes(c.file)).map((c) => c.file);
    console.log(`traffic-lab.js loads ${(total / 1000).toFixed(1)} kB gzip up front: ${sizes.map((s) => `${s.file} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ')}; not counted: ${onDemand.join(', ') || 'nothing'}`);
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
