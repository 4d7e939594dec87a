#!/usr/bin/env node
/**
 * docs/screenshot.png: the app as a person sees it, taken in headless Chromium.
 *
 * Starts the Vite dev server on a loopback port (unless BASE_URL names a
 * running one), opens the demo, plays it a little, pauses with a packet on
 * the wire, and saves the page. Usage: node scripts/screenshot.mjs [OUT.png]
 * Env: BASE_URL, CHROMIUM_PATH, WIDTH (default 1000), HEIGHT (default 720).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'docs/screenshot.png';
const width = Number(process.env.WIDTH ?? 1000);
const height = Number(process.env.HEIGHT ?? 720);
const port = 4318;
let base = process.env.BASE_URL;
let server;

async function waitFor(url, deadlineMs) {
  const until = Date.now() + deadlineMs;
  for (let i = 0; i < 600 && Date.now() < until; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms`);
}

if (base === undefined) {
  base = `http://127.0.0.1:${port}`;
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  await waitFor(`${base}/`, 60_000);
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(`${base}/${process.env.QUERY ?? ''}`);
  await page.getByRole('button', { name: 'Play' }).click();
  // Play until some requests have finished, then stop with a packet half-way so the picture shows motion.
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Event log"] li').length >= 8, null, { timeout: 20_000 });
  await page.waitForFunction(() => {
    const packet = document.querySelector('.packet');
    const link = document.querySelector('.link path');
    if (packet === null || link === null) return false;
    const p = packet.getBoundingClientRect();
    const l = link.getBoundingClientRect();
    const share = (p.x + p.width / 2 - l.x) / Math.max(1, l.width);
    return share > 0.3 && share < 0.7;
  }, null, { timeout: 20_000, polling: 'raf' });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  if (server !== undefined) process.kill(-server.pid);
}
