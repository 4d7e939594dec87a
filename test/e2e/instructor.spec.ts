/**
 * Instructor mode and editing in a real browser: faults from the menu,
 * nginx.conf reloads (a broken one refused with its line while traffic keeps
 * flowing, a fixed one taking effect), share links that replay the same
 * trace, and hostile links that leave a working page. Waits are on what the
 * page shows, never fixed sleeps.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeHash } from '../../src/ui/share/codec';

const BALANCING = '/?scenario=/lessons/scenarios/balancing.yaml&speed=2&autoplay=1';

/** The virtual clock in ms, from the element named "Virtual time" ("1.250 s"). */
async function virtualMs(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Virtual time' }).textContent()) ?? '';
  return Math.round(Number(/([\d.]+)\s*s/.exec(text)?.[1] ?? 'NaN') * 1000);
}

/** The nginx conf of balancing.yaml, as the editor shows it. */
function balancingConf(): string {
  const yaml = readFileSync('lessons/scenarios/balancing.yaml', 'utf8');
  const block = /conf: \|\n((?: {8}.*\n|\n)+)/.exec(yaml)?.[1] ?? '';
  return block.replace(/^ {8}/gm, '');
}

/** Replace the whole text of the (lazily loaded) code editor in `panel`. */
async function typeInEditor(page: Page, panel: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  await expect(panel.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await panel.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

function faultButton(page: Page, name: string) {
  return page.getByRole('list', { name: 'Faults and repairs' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
}

test('a crash given from the fault menu shows in the log, and requests are refused', async ({ page }) => {
  await page.goto('/?speed=4&autoplay=1');
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(1500);
  await faultButton(page, 'Crash').click();
  const log = page.getByRole('list', { name: 'Event log' });
  await expect(log).toContainText(/crash app/);
  await expect(log).toContainText(/request fails: refused/, { timeout: 15_000 });
});

test('with nginx in front, a crashed backend shows as connection refused in the nginx error log, and nginx retries the next server', async ({ page }) => {
  await page.goto(BALANCING);
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(1000);
  await page.getByRole('combobox', { name: 'Target of Crash' }).selectOption('app-1');
  await faultButton(page, 'Crash').click();
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(3000);
  await page.locator('[data-component="lb"]').first().click();
  const errors = page.locator('pre.log-file[aria-label^="/var/log/nginx/error.log"]');
  await expect(errors).toContainText('connect() failed (111: Connection refused) while connecting to upstream');
  await expect(errors).toContainText('upstream: "http://10.0.1.10:3000/"');
  // nginx retried those on the next server (proxy_next_upstream error): no client saw a 502.
  await expect(page.getByTestId('trace-summary')).toContainText(/200×\d+/);
  await expect(page.getByTestId('trace-summary')).not.toContainText('502×');
});

test('a broken nginx.conf is refused with its line while traffic keeps flowing; a fixed one is reloaded', async ({ page }) => {
  await page.goto(BALANCING);
  await page.getByRole('button', { name: 'Edit nginx.conf' }).click();
  const panel = page.getByRole('region', { name: 'nginx.conf' });
  const conf = balancingConf();
  const lines = conf.split('\n');
  const at = lines.findIndex((l) => l.includes('proxy_pass http://backend;'));
  const broken = lines.map((l, i) => (i === at ? l.replace('proxy_pass', 'proxy_pas') : l)).join('\n');
  await typeInEditor(page, panel, broken);
  await panel.getByRole('button', { name: 'Reload (nginx -s reload)' }).click();
  const result = panel.getByRole('alert');
  await expect(result).toContainText(`unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:${at + 1}`);
  await expect(result).toContainText('keeps serving');
  await expect(result.getByRole('list', { name: 'Problems' })).toContainText(`line ${at + 1}:`);
  // The error is marked at its line in the editor too.
  await expect(panel.locator('.cm-lint-marker-error')).toHaveCount(1);

  // Traffic keeps flowing through the old configuration.
  const summary = page.getByTestId('trace-summary');
  const before = Number(/· (\d+) requests/.exec((await summary.textContent()) ?? '')?.[1] ?? 'NaN');
  await expect.poll(async () => Number(/· (\d+) requests/.exec((await summary.textContent()) ?? '')?.[1] ?? 'NaN')).toBeGreaterThan(before + 5);
  await expect(summary).toContainText(/200×\d+/);

  // The fixed configuration turns retries off: a crashed backend now gives 502s.
  const fixed = lines.map((l, i) => (i === at ? `${l}\n        proxy_next_upstream off;` : l)).join('\n');
  await typeInEditor(page, panel, fixed);
  await panel.getByRole('button', { name: 'Reload (nginx -s reload)' }).click();
  await expect(panel.getByRole('status')).toContainText('reloaded');
  await expect(panel.locator('.cm-lint-marker-error')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Target of Crash' }).selectOption('app-1');
  await faultButton(page, 'Crash').click();
  await page.locator('[data-component="lb"]').first().click();
  await expect(page.locator('pre.log-file[aria-label^="/var/log/nginx/access.log"]')).toContainText(/"GET \/ HTTP\/1\.1" 502 /, { timeout: 15_000 });
});

test('a copied share link opens in a new page with the same trace', async ({ page, context }) => {
  await page.goto('/?speed=4&autoplay=1');
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(1200);
  await faultButton(page, 'Crash').click();
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(3000);
  await faultButton(page, 'Recover').click();
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(4500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue();
  expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
  const shared = (await page.getByTestId('shared-summary').textContent()) ?? '';
  expect(shared).toMatch(/^\d+\.\d{3} s: \d+ records · \d+ requests · 200×\d+, refused×\d+ · #[0-9a-f]{8}$/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('trace-summary')).toHaveText(shared);
  await expect(other.getByRole('list', { name: 'Event log' })).toContainText('recover app');
});

test('a damaged link says why and opens a working demo', async ({ page }) => {
  await page.goto('/#s=1.this-is-not*base64!');
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toContainText('not valid base64url');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(0);
});

test('a link from another version, or too long, says so and opens a working demo', async ({ page }) => {
  await page.goto('/#s=9.abcd');
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toContainText('format 9');
  // Only the hash changes: the page reloads itself to open the new link, as a fresh page would.
  await page.goto(`/#s=1.${'A'.repeat(450_000)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toContainText('too long', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('markup in a shared scenario is shown as text and never runs', async ({ page }) => {
  const scenario = readFileSync('lessons/scenarios/hello.yaml', 'utf8').replace(
    /^name: .*$/m,
    'name: "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"',
  );
  const plan = { file: '<b>x</b>.yaml', scenario, seed: 1, given: [], asks: [] };
  await page.goto(`/${encodeHash({ v: 1, plan, nowMs: 1000, events: 100 })}`);
  await expect(page.getByText('<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
});

test('instructor mode: a number key gives a fault, Q freezes with the question and resumes, large type scales the page', async ({ page }) => {
  await page.goto('/?speed=4&autoplay=1&instructor');
  await expect(page.getByRole('button', { name: 'Instructor mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(1000);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1');
  await expect(page.getByRole('list', { name: 'Event log' })).toContainText('crash app');
  await expect(page.getByText(/Last given: crash app at/)).toBeVisible();

  await page.getByRole('textbox', { name: 'Question to ask now' }).fill('Who answers the browser now?');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('q');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Who answers the browser now?');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const frozen = await virtualMs(page);
  await page.keyboard.press('q');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(frozen);

  await page.getByRole('button', { name: 'Large type' }).click();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
});

test('a fault prepared in the schedule happens at its time, and a prepared question freezes the run there', async ({ page }) => {
  await page.goto('/?speed=4&instructor');
  const schedule = page.getByRole('region', { name: 'Prepared schedule' });
  const fault = schedule.getByRole('form', { name: 'Schedule a fault' });
  await fault.getByRole('spinbutton', { name: 'at' }).fill('2');
  await fault.getByRole('button', { name: 'Add fault' }).click();
  await expect(schedule.getByRole('list', { name: 'Scheduled faults and questions' })).toContainText('2.000 s: crash app');
  const question = schedule.getByRole('form', { name: 'Schedule a question' });
  await question.getByRole('spinbutton', { name: 'Ask at' }).fill('3');
  await question.getByRole('button', { name: 'Add question' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('dialog')).toContainText('What happens now?');
  expect(await virtualMs(page)).toBeGreaterThanOrEqual(3000);
  await expect(page.getByRole('list', { name: 'Event log' })).toContainText(/request fails: refused/);
  // The schedule is part of the scenario: the YAML editor shows it in the faults list.
  await page.getByRole('button', { name: 'Edit scenario YAML' }).click();
  await expect(page.getByRole('region', { name: 'Scenario and Kubernetes manifests (YAML)' }).locator('.cm-content')).toContainText('- { at: 2s, crash: app }');
});

test('a fault with settings is scheduled from labelled inputs (Enter adds it) and comes back with them from the saved faults list', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/full-path.yaml&speed=4&instructor');
  const schedule = page.getByRole('region', { name: 'Prepared schedule' });
  const fault = schedule.getByRole('form', { name: 'Schedule a fault' });
  await fault.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'NLB health check' });
  await fault.getByRole('spinbutton', { name: /^interval/ }).fill('10');
  await fault.getByRole('spinbutton', { name: /^unhealthy after/ }).fill('4');
  await fault.getByRole('spinbutton', { name: /^at/ }).fill('5');
  await fault.getByRole('spinbutton', { name: /^at/ }).press('Enter');
  const list = schedule.getByRole('list', { name: 'Scheduled faults and questions' });
  await expect(list).toContainText('5.000 s: NLB health check default/nginx-loadbalancer interval 10 s timeout 5 s healthy after 3 unhealthy after 4');
  await fault.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'Scale Deployment' });
  await fault.getByRole('combobox', { name: 'Target' }).selectOption('api');
  await fault.getByRole('spinbutton', { name: /^replicas/ }).fill('5');
  await fault.getByRole('spinbutton', { name: /^at/ }).fill('6');
  await fault.getByRole('button', { name: 'Add fault' }).click();
  // The list shows the scenario's faults as loaded again from its saved YAML: the settings made the round trip.
  await expect(list).toContainText('6.000 s: scale Deployment api to 5 replicas');
});

test('the scenario YAML editor refuses a broken manifest with its line, and applies a new replica count like kubectl apply', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/full-path.yaml&speed=4&autoplay=1');
  await expect.poll(() => virtualMs(page)).toBeGreaterThan(2000);
  await page.getByRole('button', { name: 'Edit scenario YAML' }).click();
  const panel = page.getByRole('region', { name: 'Scenario and Kubernetes manifests (YAML)' });
  const yaml = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');
  const line = yaml.split('\n').findIndex((l) => l === '  replicas: 2') + 1;
  expect(line).toBeGreaterThan(1);
  await typeInEditor(page, panel, yaml.replace('\n  replicas: 2\n', '\n  replicas: many\n'));
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f)' }).click();
  await expect(panel.getByRole('alert')).toContainText('Not applied; the run goes on as it was');
  await expect(panel.getByRole('alert').getByRole('list', { name: 'Problems' })).toContainText(`line ${line}, column `);

  await typeInEditor(page, panel, yaml.replace('\n  replicas: 2\n', '\n  replicas: 3\n'));
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f)' }).click();
  await expect(panel.getByRole('status')).toContainText('Applied');
  await expect(page.locator('[data-component^="pod:"][data-component*="nginx"]')).toHaveCount(3, { timeout: 15_000 });
});
