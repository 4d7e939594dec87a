/**
 * `npm run bench:ui`: frames per second of the diagram with 2,000 packets in
 * flight, in headless Chromium without a GPU (the system Chromium, with the
 * launch flags of playwright.config.ts). Builds the benchmark page for
 * production (Svelte's development build checks and traces every signal,
 * which is not what a reader's browser runs), serves it with Vite's preview
 * server on a free loopback port, reads the result the page publishes and
 * prints it. BENCH_DEV=1 measures the development server instead.
 * Not a test: it prints the figure and the target, and fails on nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { build, createServer, preview } from 'vite';
import { chromium } from 'playwright-core';
import config from '../../playwright.config';

const PACKETS = Number(process.env.BENCH_PACKETS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGET_FPS = 55;

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const args = config.projects?.[0]?.use?.launchOptions?.args ?? ['--no-sandbox', '--disable-gpu'];

const DEV = process.env.BENCH_DEV === '1';
const outDir = mkdtempSync(join(tmpdir(), 'trafficlab-bench-ui-'));
let port = 0;
let close: () => Promise<void>;
if (DEV) {
  const server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  await server.listen();
  const address = server.httpServer?.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  close = () => server.close();
} else {
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: 'bench/ui/index.html' } } });
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  close = () => new Promise<void>((done) => server.httpServer.close(() => done()));
}
const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/bench/ui/index.html?packets=${PACKETS}&seconds=${SECONDS}`);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: (SECONDS + 60) * 1000 });
  const r = await page.evaluate(() => (window as unknown as { __bench: { fps: number; frames: number; seconds: number; drawnAvg: number; slowestFrameMs: number; queryMs: number; drawMs: number; placeMs: number; paintMs: number } }).__bench);
  const layer = await page.evaluate(() => (document.querySelector('canvas.packets') === null ? 'svg' : 'canvas'));
  console.log(`diagram with ${PACKETS} packets in flight (${layer} layer, ${DEV ? 'development' : 'production'} build), headless Chromium ${browser.version()}, no GPU`);
  console.log(`  ${r.fps.toFixed(1)} fps over ${r.seconds.toFixed(1)} s (${r.frames} frames, ${r.drawnAvg} packets drawn per frame, slowest frame ${r.slowestFrameMs.toFixed(1)} ms); target ≥ ${TARGET_FPS} fps: ${r.fps >= TARGET_FPS ? 'met' : 'NOT met'}`);
  console.log(`  per frame: ${(r.queryMs / Math.max(1, r.frames)).toFixed(2)} ms finding packets in the history, ${(r.drawMs / Math.max(1, r.frames)).toFixed(2)} ms placing and painting them`);
  console.log(`  measured apart: ${r.placeMs.toFixed(2)} ms to place the packets, ${r.paintMs.toFixed(2)} ms to paint them`);
  console.log(`  machine load average (1 min): ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
  if (errors.length > 0) console.log(`  page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await close();
  rmSync(outDir, { recursive: true, force: true });
}
