/**
 * The terminal panel in a real browser: it opens below the lab, runs
 * commands typed at the "Command" input against the simulated world, keeps
 * history on Up, completes on Tab, and shows output as text. Waits are on
 * what the page shows, never fixed sleeps.
 */
import { expect, test, type Page } from '@playwright/test';

async function openTerminal(page: Page, url = '/') {
  if (url !== '') await page.goto(url);
  await page.getByText('Terminal', { exact: true }).click();
  const region = page.getByRole('region', { name: 'Terminal' });
  await expect(region).toBeVisible();
  const input = region.getByRole('textbox', { name: 'Command' });
  await expect(input).toBeFocused();
  return { region, input, output: region.getByRole('log', { name: 'Terminal output' }) };
}

test('kubectl get pods answers as kubectl does in a world without a cluster', async ({ page }) => {
  const { input, output } = await openTerminal(page);
  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(output).toContainText('student@laptop:~$ kubectl get pods');
  await expect(output).toContainText('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
  await expect(input).toHaveValue('');
});

test('curl -v prints curl\'s trace lines, and output stays text', async ({ page }) => {
  const { input, output } = await openTerminal(page);
  await input.fill("curl -v 'http://198.51.100.10/<b>x</b>'");
  await input.press('Enter');
  await expect(output).toContainText('*   Trying 198.51.100.10:80...');
  await expect(output).toContainText(/curl: \((7|6)\)|< HTTP\/1\.1 \d{3}/);
  // Nothing typed or printed becomes markup.
  await expect(output.locator('b')).toHaveCount(0);
});

test('Up recalls the last command, Tab completes, unknown commands get bash\'s message', async ({ page }) => {
  const { input, output } = await openTerminal(page);
  await input.fill('frobnicate');
  await input.press('Enter');
  await expect(output).toContainText('bash: frobnicate: command not found');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('frobnicate');
  await input.fill('kubec');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl ');
  await expect(input).toBeFocused();
});

test('typing in the terminal does not drive the simulation', async ({ page }) => {
  const { input } = await openTerminal(page);
  await input.pressSequentially('help s ');
  await expect(input).toHaveValue('help s ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

/** The clock in ms, from the element named "Virtual time" ("1.250 s"). */
async function virtualMs(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Virtual time' }).textContent()) ?? '';
  return Math.round(Number(/([\d.]+)\s*s/.exec(text)?.[1] ?? 'NaN') * 1000);
}

test('on the full path, kubectl get pods lists the pods and curl -v follows a request to its answer', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/full-path.yaml&speed=25&autoplay=1');
  await expect.poll(() => virtualMs(page), { timeout: 20_000 }).toBeGreaterThan(20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  const { input, output } = await openTerminal(page, '');

  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(output).toContainText('kubectl get pods');
  const text = (await output.textContent()) ?? '';
  expect(text).not.toContain('localhost:8080 was refused');
  await expect(output).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await expect(output).toContainText(/nginx-\w+-\w{5}\s+1\/1\s+Running/);

  await input.fill('curl -v http://my-nlb-url.com/auth/login');
  await input.press('Enter');
  // The terminal plays the paused world while curl waits, and pauses it again when the answer is in.
  await expect(output).toContainText('< HTTP/1.1 200 OK', { timeout: 15_000 });
  await expect(output).toContainText(/\[trafficlab\] request laptop#1: laptop → nlb-/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});
