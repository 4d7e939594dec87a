/**
 * The iframe page (dist/embed.html) inside a course page on another origin.
 * Both come from the embed test server (two ports: two origins), with its
 * strict CSP; the course page keeps the messages it receives in
 * `window.received` (test/embed/fixtures/course.js).
 */
import { expect, test, type Page } from '@playwright/test';
import { labState } from '../embed/browser';
import { COURSE_ORIGIN, EMBED_ORIGIN } from '../embed/port';

const COURSE = COURSE_ORIGIN;

/** Open the course page framing `src`. */
async function coursePage(page: Page, src: string): Promise<void> {
  await page.goto(`${COURSE}/__fixtures__/course.html?${new URLSearchParams({ frame: src })}`);
}

const frameUrl = (params: Record<string, string>) => `${EMBED_ORIGIN}/embed.html?${new URLSearchParams(params)}`;

/** The messages the course page received from trafficlab, as [type, detail]. */
async function received(page: Page): Promise<Array<{ origin: string; type: string; frame: unknown; detail: Record<string, unknown> }>> {
  const all = await page.evaluate(() => (window as unknown as { received: Array<{ origin: string; data: Record<string, unknown> }> }).received);
  return all.filter((m) => m.data?.source === 'trafficlab').map((m) => ({ origin: m.origin, type: String(m.data.type), frame: m.data.frame, detail: m.data.detail as Record<string, unknown> }));
}

function frameLab(page: Page) {
  return page.frameLocator('#lab').locator('traffic-lab');
}

test('the iframe page posts its events to the parent it was told to trust, and obeys its commands', async ({ page }) => {
  await coursePage(page, frameUrl({ scenario: 'embed-demo/slow-server.yaml', controls: 'minimal', origin: COURSE, id: 'week-2-lab' }));
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('trafficlab:ready');
  const ready = (await received(page)).find((m) => m.type === 'trafficlab:ready');
  expect(ready).toMatchObject({ origin: EMBED_ORIGIN, frame: 'week-2-lab', detail: { scenario: { name: 'Two clients, one slow server' }, seed: 3 } });

  // The parent drives the frame: play, then inject a fault, each answered by its event.
  await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage({ source: 'trafficlab', type: 'trafficlab:command', command: 'play' }, '*'));
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('trafficlab:play');
  await page.evaluate(() =>
    document.querySelector('iframe')?.contentWindow?.postMessage({ source: 'trafficlab', type: 'trafficlab:command', command: 'inject', fault: { kind: 'crash', target: 'app' } }, '*'),
  );
  await expect.poll(async () => (await received(page)).find((m) => m.type === 'trafficlab:fault')?.detail).toMatchObject({ kind: 'crash', target: 'app' });
  await expect(frameLab(page).locator('[data-component="app"]')).toContainText('crashed');
});

test('the iframe page sends nothing to, and takes nothing from, an origin it was not told to trust', async ({ page }) => {
  await coursePage(page, frameUrl({ scenario: 'embed-demo/slow-server.yaml', origin: 'http://other.example' }));
  const lab = frameLab(page);
  await expect.poll(async () => (await labState(lab)).state).toBe('ready');
  await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage({ source: 'trafficlab', type: 'trafficlab:command', command: 'play' }, '*'));
  // The command had every chance to arrive: the frame answers a later one from its own window at once.
  await lab.evaluate(() => new Promise<void>((done) => {
    addEventListener('message', () => done(), { once: true });
    postMessage('after', '*');
  }));
  expect(await labState(lab)).toMatchObject({ playing: false, now: 0 });
  expect(await received(page)).toEqual([]);
});

test('without origin= the iframe page runs and posts nothing; origin=* is refused in words', async ({ page }) => {
  await coursePage(page, frameUrl({ scenario: 'embed-demo/slow-server.yaml', autoplay: '' }));
  const lab = frameLab(page);
  await expect.poll(async () => (await labState(lab)).now).toBeGreaterThan(0);
  expect(await received(page)).toEqual([]);

  await coursePage(page, frameUrl({ scenario: 'embed-demo/slow-server.yaml', origin: '*' }));
  await expect(page.frameLocator('#lab').getByRole('alert')).toContainText('"*" would send the events to any page');
  expect(await received(page)).toEqual([]);
});

test('the iframe page shows a lesson step by its parameters, or why it cannot', async ({ page }) => {
  await coursePage(page, frameUrl({ lesson: 'one-server', step: '1', origin: COURSE }));
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toEqual(['trafficlab:ready', 'trafficlab:stepchange']);
  expect((await received(page))[1]?.detail).toMatchObject({ lesson: 'one-server', step: 1, title: 'One name, one machine' });

  await coursePage(page, frameUrl({ lesson: 'no-such-lesson', step: '2', origin: COURSE }));
  await expect(frameLab(page).getByRole('alert')).toContainText('Lesson "no-such-lesson" not found');
  await expect.poll(async () => (await received(page)).map((m) => m.type)).toEqual(['trafficlab:error']);
});
