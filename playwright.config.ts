/**
 * End-to-end tests in a real browser. Uses the system Chromium when there is
 * one (CHROMIUM_PATH, or /usr/bin/chromium), since CI machines cannot
 * download Playwright's own build; otherwise Playwright's browser.
 * The JSON report goes to test-results/e2e.json for the CI summary.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { EMBED_PORT } from './test/embed/port';

const PORT = 4317;
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(systemChromium === undefined ? {} : { executablePath: systemChromium }),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The embed as it ships: built once per run into a temporary folder and served with a strict
      // Content-Security-Policy header (test/embed/server.ts); the embed*.spec.ts files use it.
      command: `npx tsx test/embed/server.ts --port ${EMBED_PORT}`,
      url: `http://127.0.0.1:${EMBED_PORT}/embed-demo.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
