/**
 * Issue 7 in a real browser: the scenario file applied like kubectl apply
 * to the running cluster (no clock going back), an invalid manifest refused
 * at its line while traffic flows, a terminal `nginx -s reload` carried by
 * the share link, and the scenario exported and imported as a file. Waits
 * are on what the page shows, never fixed sleeps.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const FULL_PATH = '/?scenario=/lessons/scenarios/full-path.yaml&speed=8&autoplay=1';
const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');
const withApiReplicas = (n: number | string) => FULL.replace(/(name: api\nspec:\n {2}replicas: )3/, `$1${n}`);

/** The virtual clock in ms, from the element named "Virtual time" ("1.250 s"). */
async function virtualMs(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Virtual time' }).textContent()) ?? '';
  return Math.round(Number(/([\d.]+)\s*s/.exec(text)?.[1] ?? 'NaN') * 1000);
}

/** Requests in the trace so far, from the share panel's summary. */
async function requests(page: Page): Promise<number> {
  return Number(/· (\d+) requests/.exec((await page.getByTestId('trace-summary').textContent()) ?? '')?.[1] ?? 'NaN');
}

/** Replace the whole text of the (lazily loaded) code editor in `panel`. */
async function typeInEditor(page: Page, panel: Locator, text: string): Promise<void> {
  await expect(panel.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await panel.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

async function openYamlEditor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Edit scenario YAML' }).click();
  return page.getByRole('region', { name: 'Scenario and Kubernetes manifests (YAML)' });
}

async function openTerminal(page: Page) {
  await page.getByText('Terminal', { exact: true }).click();
  const region = page.getByRole('region', { name: 'Terminal' });
  const input = region.getByRole('textbox', { name: 'Command' });
  await expect(input).toBeFocused();
  return { input, output: region.getByRole('log', { name: 'Terminal output' }) };
}

const apiPods = (page: Page) => page.locator('[data-component^="pod:default/api-"]');

test('a new replica count applied in the YAML editor starts new pods at the current time, without going back to 0', async ({ page }) => {
  await page.goto(FULL_PATH);
  await expect.poll(() => virtualMs(page), { timeout: 20_000 }).toBeGreaterThan(15_000);
  await expect(apiPods(page)).toHaveCount(3);
  const panel = await openYamlEditor(page);
  await typeInEditor(page, panel, withApiReplicas(5));
  const before = await virtualMs(page);
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f)' }).click();
  const status = panel.getByRole('status');
  await expect(status).toContainText('deployment.apps/api configured');
  await expect(status).toContainText('service/api-service unchanged');
  // The run went on from where it was: the clock never shows less than before the apply.
  expect(await virtualMs(page)).toBeGreaterThanOrEqual(before);
  await expect(apiPods(page)).toHaveCount(5, { timeout: 15_000 });
  expect(await virtualMs(page)).toBeGreaterThanOrEqual(before);

  await page.getByRole('button', { name: 'Pause' }).click();
  const { input, output } = await openTerminal(page);
  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(output).toContainText(/NAME\s+READY\s+STATUS/);
  const listed = ((await output.textContent()) ?? '').match(/\bapi-\w+-\w{5}\s/g) ?? [];
  expect(listed).toHaveLength(5);
});

test('an invalid manifest is refused with its line marked in the editor, and traffic keeps flowing', async ({ page }) => {
  await page.goto(FULL_PATH);
  await expect.poll(() => virtualMs(page), { timeout: 20_000 }).toBeGreaterThan(12_000);
  const panel = await openYamlEditor(page);
  const draft = withApiReplicas('many');
  const line = draft.split('\n').indexOf('  replicas: many') + 1;
  await typeInEditor(page, panel, draft);
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f)' }).click();
  const result = panel.getByRole('alert');
  await expect(result).toContainText('Not applied; the run goes on as it was');
  await expect(result).toContainText(`full-path.yaml:${line}:`);
  await expect(result.getByRole('list', { name: 'Problems' })).toContainText(`line ${line}, column `);
  await expect(panel.locator('.cm-lint-marker-error')).toHaveCount(1);
  const count = await requests(page);
  await expect.poll(() => requests(page)).toBeGreaterThan(count + 20);
  await expect(apiPods(page)).toHaveCount(3);
});

test('after nginx -s reload typed in the terminal, the share link opens with the same trace', async ({ page, context }) => {
  await page.goto(FULL_PATH);
  await expect.poll(() => virtualMs(page), { timeout: 20_000 }).toBeGreaterThan(12_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  const pod = ((await page.locator('[data-component^="pod:default/nginx-"]').first().getAttribute('data-component')) ?? '').slice('pod:default/'.length);
  expect(pod).toMatch(/^nginx-/);
  const { input, output } = await openTerminal(page);
  await input.fill(`kubectl exec -it ${pod} -- sh`);
  await input.press('Enter');
  await input.fill('nginx -s reload');
  await input.press('Enter');
  await expect(output).toContainText(`root@${pod}:/# nginx -s reload`);
  await expect(output).toContainText('signal process started');
  // The terminal's lines are in the trace (a record each) and in the link's command list.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualMs(page)).toBeGreaterThan((await virtualMs(page)) + 2_000);
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue();
  const shared = (await page.getByTestId('shared-summary').textContent()) ?? '';
  expect(shared).toMatch(/^\d+\.\d{3} s: \d+ records · \d+ requests · .* · #[0-9a-f]{8}$/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('trace-summary')).toHaveText(shared, { timeout: 20_000 });
  await expect(other.getByRole('alert')).toHaveCount(0);
});

test('the scenario exports as a YAML file, with its applied manifests, and a broken file is refused at its line', async ({ page }) => {
  await page.goto(FULL_PATH);
  await expect.poll(() => virtualMs(page), { timeout: 20_000 }).toBeGreaterThan(12_000);
  const panel = await openYamlEditor(page);
  await typeInEditor(page, panel, withApiReplicas(4));
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f)' }).click();
  await expect(panel.getByRole('status')).toContainText('deployment.apps/api configured');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scenario YAML' }).click()]);
  expect(download.suggestedFilename()).toBe('full-path.yaml');
  const saved = readFileSync(await download.path(), 'utf8');
  expect(saved).toBe(withApiReplicas(4));

  const broken = saved.replace('ratePerSec: 49', 'ratePerSec: lots');
  const line = broken.split('\n').findIndex((l) => l.includes('ratePerSec: lots')) + 1;
  const chooser = page.getByLabel('Import scenario YAML');
  await chooser.setInputFiles({ name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
  await expect(page.getByRole('region', { name: 'Share' }).getByRole('alert')).toContainText(`mine.yaml:${line}:`);

  await chooser.setInputFiles({ name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(saved.replace('ratePerSec: 49', 'ratePerSec: 5')) });
  await expect(page.locator('header').getByText('mine.yaml', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(apiPods(page)).toHaveCount(4, { timeout: 15_000 });
});
