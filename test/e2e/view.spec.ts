/**
 * The main view in a real browser, on the full-path scenario (the demo when
 * that file is absent): packets drawn while playing, one Step, scrubbing
 * back to an earlier state without re-running, an nginx pod's access log,
 * one request followed hop by hop, the keyboard, a phone's width, and axe.
 * Waits are on what the page shows (polling), never fixed sleeps.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const FULL = existsSync('lessons/scenarios/full-path.yaml');
const URL = FULL ? '/?scenario=/lessons/scenarios/full-path.yaml&speed=2' : '/?speed=1';

/** The clock in ms, from the element named "Virtual time" ("1.250 s"). */
async function virtualMs(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Virtual time' }).textContent()) ?? '';
  const match = /([\d.]+)\s*s/.exec(text);
  if (match?.[1] === undefined) throw new Error(`"Virtual time" shows "${text}", expected a time like "1.250 s"`);
  return Math.round(Number(match[1]) * 1000);
}

/** Event numbers in the log, newest first. */
async function loggedEvents(page: Page): Promise<number[]> {
  const values = await page.getByRole('list', { name: 'Event log' }).getByRole('listitem').evaluateAll((items) => items.map((li) => li.getAttribute('data-event') ?? ''));
  return values.filter((v) => v !== '').map(Number);
}

/** Packets drawn: SVG packets, or the canvas layer when there are many. */
async function packetsDrawn(diagram: Locator): Promise<number> {
  return (await diagram.locator('g.packet').count()) + (await diagram.locator('canvas.packets').count()) * 1000;
}

/** Play until `done` holds (checked by polling what the page shows), then pause. */
async function playUntil(page: Page, done: () => Promise<boolean>, message: string): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(done, { message, timeout: 25_000 }).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test.describe('the main view', () => {
  test.setTimeout(60_000);

  test('draws packets while playing and the clock advances', async ({ page }) => {
    await page.goto(URL);
    const diagram = page.locator('figure.diagram');
    await expect(page.getByRole('timer', { name: 'Virtual time' })).toBeVisible();
    const start = await virtualMs(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => packetsDrawn(diagram), { message: 'packets appear on the links', timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => virtualMs(page), { message: 'virtual time advances' }).toBeGreaterThan(start);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('steps one event, scrubs back to an earlier state without re-running, then returns to the present', async ({ page }) => {
    await page.goto(URL);
    await playUntil(page, async () => (await virtualMs(page)) > (FULL ? 1500 : 2100), 'the run gets past its first requests');
    const last = Math.max(...(await loggedEvents(page)));
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => Math.max(...(await loggedEvents(page)))).toBe(last + 1);
    const present = await virtualMs(page);
    const eventsRun = page.getByText(/\d+ events run/);
    const runText = await eventsRun.textContent();

    // Back to 0.5 s: the view shows that moment; the simulation does not run (its event count stays put).
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill('500');
    await expect(page.getByText(/replaying, [\d.]+ s behind/)).toBeVisible();
    expect(await virtualMs(page)).toBeLessThanOrEqual(500);
    const shown = await loggedEvents(page);
    expect(Math.max(...shown)).toBeLessThan(last + 1);
    await expect(page.getByText(new RegExp(`\\d+ events of ${last + 1}`))).toBeVisible();
    if (FULL) {
      // At half a second the pods are still starting: none of them is healthy yet.
      await expect(page.locator('g.node.state-healthy[data-component^="pod:"]')).toHaveCount(0);
    } else {
      await page.keyboard.press('Home');
      expect(await virtualMs(page)).toBe(0);
    }

    // Keyboard on the scrubber moves one event at a time.
    await timeline.focus();
    const before = Math.max(0, ...(await loggedEvents(page)));
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Math.max(0, ...(await loggedEvents(page)))).toBe(before + 1);

    await page.getByRole('button', { name: 'Live: go to the present' }).click();
    expect(await virtualMs(page)).toBe(present);
    await expect(eventsRun).toHaveText(runText ?? '');
    if (FULL) await expect(page.locator('g.node.state-healthy[data-component^="pod:"]').first()).toBeVisible();
  });

  test('follows one request hop by hop', async ({ page }) => {
    await page.goto(URL);
    // On the full path, follow the browser's GET /auth/login, whose location sets Host and X-Real-IP.
    if (FULL) await page.getByRole('region', { name: 'Event log' }).getByRole('combobox', { name: 'Component' }).selectOption({ value: 'browser' });
    const finished = page.locator('.kind-outcome').getByRole('button', { name: FULL ? /^Follow request browser#/ : /^Follow request / });
    await playUntil(page, async () => (await finished.count()) > 0, 'a request finishes');
    const first = finished.first();
    const id = ((await first.getAttribute('aria-label')) ?? '').replace('Follow request ', '');
    await first.click();
    const journey = page.getByRole('list', { name: `Journey of request ${id}` });
    await expect(journey).toBeVisible();
    const hops = journey.locator('li.hop');
    await expect.poll(() => hops.count()).toBeGreaterThanOrEqual(FULL ? 4 : 2);
    await expect(hops.first()).toContainText('→');
    await expect(journey.locator('li.end')).toBeVisible();
    if (FULL) {
      // The client talks to the NLB's address; the backend pod sees nginx, and learns of the client only from headers.
      const requests = journey.locator('li.hop[data-type="request"]');
      await expect(requests.first()).toContainText(/203\.0\.113\.7:\d+/);
      await expect(requests.first()).toContainText(/52\.16\.\d+\.1:80/);
      const toBackend = journey.locator('li.hop[data-type="request"][data-to^="pod:default/auth-"]');
      await expect(toBackend).toHaveCount(1);
      await expect(toBackend).toContainText(/10\.244\.\d+\.\d+:\d+ → .*10\.244\.\d+\.\d+:8080/);
      const headers = toBackend.getByLabel('Headers on this hop');
      await expect(headers).toContainText('Hostmy-nlb-url.com');
      // With externalTrafficPolicy Cluster the node SNATs, so nginx's $remote_addr (X-Real-IP) is a node address, not the client's.
      await expect(headers).toContainText(/X-Real-IP10\.0\.\d+\.\d+/);
      await expect(headers).toContainText('X-Forwarded-For—');
    }
    await page.getByRole('button', { name: 'Stop following' }).click();
    await expect(journey).toHaveCount(0);
  });

  test('selects an nginx pod and reads its access log and the location that matched', async ({ page }) => {
    test.skip(!FULL, 'needs the full-path scenario: the demo has no nginx');
    await page.goto(URL);
    const nginx = page.locator('[data-component^="pod:"][data-component*="nginx"]').first();
    await playUntil(page, async () => (await page.locator('.kind-outcome').count()) > 3, 'requests finish through nginx');
    await nginx.click();
    await expect(page.getByRole('heading', { level: 3 })).toContainText('nginx');
    const accessLog = page.locator('pre.log-file[aria-label^="/var/log/nginx/access.log"]');
    await expect(accessLog).toContainText(/"GET \/\S* HTTP\/1\.[01]" \d{3} \d+/);
    await expect(page.locator('pre.config')).toContainText('location /auth/');
    await expect(page.locator('pre.config .hit').first()).toContainText('location');
    // Keyboard: the same pod is reachable with Tab and Enter, and Escape lets go.
    await nginx.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3 })).toContainText('nginx');
  });

  test('"Next request" and N stop at the next request and follow it', async ({ page }) => {
    await page.goto(URL);
    await page.getByRole('button', { name: 'Next request' }).click();
    await expect(page.getByRole('heading', { name: /^Request .+, hop by hop$/ })).toBeVisible();
    const first = await page.getByRole('heading', { name: /hop by hop/ }).textContent();
    await page.locator('body').press('n');
    await expect(page.getByRole('heading', { name: /hop by hop/ })).not.toHaveText(first ?? '');
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto(URL);
    await playUntil(page, async () => (await page.locator('.kind-outcome').count()) > 0, 'a request finishes');
    await page.getByRole('button', { name: /^Follow request / }).first().click();
    await page.locator('[data-component]').first().click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`)).toEqual([]);
  });
});

test.describe('the main view on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('fits 375 px without sideways scrolling and still plays', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  });
});
