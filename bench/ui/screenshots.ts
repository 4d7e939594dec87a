/**
 * `npx tsx bench/ui/screenshots.ts`: the README's pictures of the main view,
 * taken in headless Chromium from the full-path scenario — the whole page,
 * the inspector on an nginx pod, one request hop by hop, and a phone.
 * Written to docs/ (main-view.png, inspector-nginx.png, request-journey.png,
 * phone.png). Kept beside the UI benchmark because it drives the same page
 * the same way; it checks nothing.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { chromium, type Page } from 'playwright-core';
import config from '../../playwright.config';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const args = config.projects?.[0]?.use?.launchOptions?.args ?? ['--no-sandbox', '--disable-gpu'];
const scenario = existsSync('lessons/scenarios/full-path.yaml') ? 'full-path' : 'hello';

// BASE names a running server (`npx vite`) to use instead of starting one.
const server = process.env.BASE === undefined ? await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' }) : undefined;
await server?.listen();
const address = server?.httpServer?.address();
const base = process.env.BASE ?? `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
const url = `${base}/?scenario=/lessons/scenarios/${scenario}.yaml&speed=2`;
const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args });

/** Play until the clock passes `ms` of virtual time, then pause. */
async function playTo(page: Page, ms: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (limit) => {
      const text = document.querySelector('[role="timer"]')?.textContent ?? '0';
      return Number.parseFloat(text) * 1000 >= limit;
    },
    ms,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 120_000 });
  await playTo(page, 12_000);
  const nginx = page.locator('[data-component*="nginx"]').first();
  if ((await nginx.count()) > 0) await nginx.click();
  else await page.locator('[data-component]').last().click();
  await page.getByRole('button', { name: /^Follow request browser/ }).first().click().catch(() => page.getByRole('button', { name: /^Follow request / }).first().click());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/main-view.png' });
  await page.locator('aside.side').screenshot({ path: 'docs/inspector-nginx.png' });
  await page.locator('section.journey').screenshot({ path: 'docs/request-journey.png' });

  const phone = await browser.newPage({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
  await phone.goto(url);
  await phone.getByRole('button', { name: 'Play' }).waitFor({ timeout: 120_000 });
  await playTo(phone, 9_000);
  await phone.screenshot({ path: 'docs/phone.png' });
  console.log(`docs/main-view.png, docs/inspector-nginx.png, docs/request-journey.png, docs/phone.png (${scenario} scenario)`);
} finally {
  await browser.close();
  await server?.close();
}
